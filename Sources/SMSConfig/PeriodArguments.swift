import SMSCore

/// Reads the day, month and period options of the commands (contract §1), so every
/// command parses them alike: `DAY` is `YYYY-MM-DD` and `MONTH` is `YYYY-MM`, both in the
/// report timezone. Errors are ``ReportError/invalidOption(option:reason:)`` (exit 2).
package enum PeriodArguments {
    /// The period of `run`: `--period yesterday|today|YYYY-MM-DD|YYYY-MM`, or `--from DAY
    /// --to DAY`; yesterday when neither is given. "Today" is decided in `timeZone` at `now`.
    /// - Parameters:
    ///   - period: `--period`, or nil.
    ///   - from: `--from`, or nil.
    ///   - to: `--to`, or nil.
    ///   - timeZone: the config's timezone, in which "today" is decided.
    ///   - now: the current instant (injected, so tests pin the clock).
    /// - Throws: ``ReportError/invalidOption(option:reason:)`` (exit 2) for text that is not
    ///   a period, `--period` together with `--from`/`--to`, only one of `--from`/`--to`,
    ///   `--from` after `--to`, or a period that starts after today.
    package static func period(period: String?, from: String?, to: String?, timeZone: ReportTimeZone,
                              now: Instant) throws(ReportError) -> RunPeriod {
        var clock = LocalClock(timeZone: timeZone)
        let today = clock.day(of: now)
        let selected: RunPeriod
        switch (period, from, to) {
        case (.some, .some, _), (.some, _, .some):
            throw .invalidOption(option: "--period", reason: "give either --period or --from/--to, not both")
        case let (.some(text), nil, nil):
            selected = try named(text, today: today)
        case (nil, .some, nil):
            throw .invalidOption(option: "--from", reason: "needs --to as well (both days are included)")
        case (nil, nil, .some):
            throw .invalidOption(option: "--to", reason: "needs --from as well (both days are included)")
        case let (nil, .some(fromText), .some(toText)):
            let first = try day(fromText, option: "--from")
            let last = try day(toText, option: "--to")
            guard let range = RunPeriod(first: first, last: last) else {
                throw .invalidOption(option: "--from", reason: "\(first) is after --to \(last)")
            }
            selected = range
        case (nil, nil, nil):
            selected = RunPeriod(day: yesterday(of: today))
        }
        guard selected.first <= today else {
            throw .invalidOption(option: period == nil ? "--from" : "--period",
                                 reason: "\(selected) starts after today (\(today) in \(timeZone.identifier)); there is nothing to report yet")
        }
        return selected
    }

    /// A local day written `YYYY-MM-DD`, for an option such as `--from`.
    /// - Throws: ``ReportError/invalidOption(option:reason:)`` when `text` is not a real calendar day.
    package static func day(_ text: String, option: String) throws(ReportError) -> LocalDay {
        guard let day = LocalDay(iso: text) else {
            throw .invalidOption(option: option, reason: "\(text.debugDescription) is not a day in YYYY-MM-DD form")
        }
        return day
    }

    /// A month written `YYYY-MM`, for an option such as `--month`.
    /// - Throws: ``ReportError/invalidOption(option:reason:)`` when `text` is not a month.
    package static func month(_ text: String, option: String) throws(ReportError) -> LocalMonth {
        guard let month = LocalMonth(iso: text) else {
            throw .invalidOption(option: option, reason: "\(text.debugDescription) is not a month in YYYY-MM form")
        }
        return month
    }

    private static func named(_ text: String, today: LocalDay) throws(ReportError) -> RunPeriod {
        switch text.lowercased() {
        case "yesterday":
            return RunPeriod(day: yesterday(of: today))
        case "today":
            return RunPeriod(day: today)
        default:
            if let day = LocalDay(iso: text) {
                return RunPeriod(day: day)
            }
            if let month = LocalMonth(iso: text) {
                return RunPeriod(month: month)
            }
            throw .invalidOption(option: "--period", reason: "\(text.debugDescription) is not yesterday, today, a day (YYYY-MM-DD) or a month (YYYY-MM)")
        }
    }

    private static func yesterday(of today: LocalDay) -> LocalDay {
        LocalDay(daysSinceEpoch: today.daysSinceEpoch - 1)
    }
}
