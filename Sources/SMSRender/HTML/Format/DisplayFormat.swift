import SMSCore

/// How the summary page (HTML and text) writes numbers for people: thousands
/// separators, percentages with one decimal, durations in the largest useful unit.
/// Every function formats a value that aggregation computed; none computes one.
package enum DisplayFormat {
    /// What an empty cell shows (a group with no latencies, a rate of nothing).
    package static let missing = "—"

    /// A count with thousands separators: `1,234,567`.
    package static func count(_ value: Int) -> String {
        (value < 0 ? "-" : "") + grouped(value.magnitude)
    }

    /// A magnitude with thousands separators.
    static func grouped(_ magnitude: UInt) -> String {
        let digits = String(magnitude)
        var grouped = ""
        grouped.reserveCapacity(digits.count + digits.count / 3 + 1)
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 {
                grouped.append(",")
            }
            grouped.append(digit)
        }
        return grouped
    }

    /// A count and its noun, singular for one: `1 batch`, `6 batches`, `1,234 messages`.
    package static func counted(_ value: Int, _ singular: String, _ plural: String) -> String {
        "\(count(value)) \(value == 1 ? singular : plural)"
    }

    /// A fraction as a percentage with one decimal, rounded half to even: `77.3%`.
    /// A fraction of nothing (zero denominator) is ``missing``.
    package static func percent(_ ratio: Ratio) -> String {
        guard ratio.denominator != 0 else { return missing }
        let tenthsOfPercent = DecimalText.roundHalfEven(Int128(ratio.numerator) * 1000, dividedBy: Int128(ratio.denominator))
        var bytes: [UInt8] = []
        DecimalText.appendFixedPoint(tenthsOfPercent, decimals: 1, to: &bytes)
        return String(decoding: bytes, as: UTF8.self) + "%"
    }

    /// A duration in the largest unit that keeps it readable, each step rounded half
    /// to even: `850 ms`, `12.4 s`, `3 m 05 s`, `2 h 14 m`. A value that rounds up to
    /// the next unit is written in that unit (999.7 ms is `1.0 s`).
    package static func duration(microseconds: Int64) -> String {
        (microseconds < 0 ? "-" : "") + duration(magnitude: microseconds.magnitude)
    }

    /// A duration's magnitude, as ``duration(microseconds:)`` writes it.
    static func duration(magnitude microseconds: UInt64) -> String {
        let magnitude = Int128(microseconds)
        let milliseconds = DecimalText.roundHalfEven(magnitude, dividedBy: 1000)
        if milliseconds < 1000 {
            return "\(milliseconds) ms"
        }
        let tenthsOfSecond = DecimalText.roundHalfEven(magnitude, dividedBy: 100_000)
        if tenthsOfSecond < 600 {
            return "\(tenthsOfSecond / 10).\(tenthsOfSecond % 10) s"
        }
        let seconds = DecimalText.roundHalfEven(magnitude, dividedBy: 1_000_000)
        if seconds < 3600 {
            return "\(seconds / 60) m \(twoDigits(seconds % 60)) s"
        }
        let minutes = DecimalText.roundHalfEven(magnitude, dividedBy: 60_000_000)
        return "\(minutes / 60) h \(twoDigits(minutes % 60)) m"
    }

    /// An instant as local date and time to the second with the zone's offset:
    /// `2025-11-05 01:02:13 +05:45` (the fraction of the second is dropped).
    package static func timestamp(_ instant: Instant, timeZone: ReportTimeZone) -> String {
        var clock = LocalClock(timeZone: timeZone)
        let iso = clock.iso8601(instant)
        // ISO form: 2025-11-05T01:02:13.512000+05:45
        let date = iso.prefix(10)
        let time = iso.dropFirst(11).prefix(8)
        let offset = iso.suffix(6)
        return "\(date) \(time) \(offset)"
    }

    /// Any cell, as the page shows it.
    package static func cell(_ cell: Cell, timeZone: ReportTimeZone) -> String {
        switch cell {
        case .empty: return missing
        case .text(let text): return text
        case .integer(let value): return count(value)
        case .number(let literal): return literal
        case .rate(let ratio): return percent(ratio)
        case .seconds(let microseconds): return duration(microseconds: microseconds)
        case .timestamp(let instant): return timestamp(instant, timeZone: timeZone)
        case .day(let day): return day.description
        case .boolean(let value): return value ? "yes" : "no"
        }
    }

    private static func twoDigits(_ value: Int128) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
