/// A calendar month in the report timezone, such as `2025-11` (`--period MONTH`, `--month`).
package struct LocalMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, e.g. 2025.
    package let year: Int
    /// The month, 1–12.
    package let month: Int

    /// The month `month` (1–12) of `year`; nil when `month` is out of range.
    package init?(year: Int, month: Int) {
        guard (1...12).contains(month), (0...9999).contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`; nil when the text is not a month.
    package init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              let year = ASCIIDigits.value(bytes[0..<4]),
              let month = ASCIIDigits.value(bytes[5..<7]) else { return nil }
        self.init(year: year, month: month)
    }

    /// The month that `day` falls in.
    package init(containing day: LocalDay) {
        let (year, month, _) = day.components
        self.year = year
        self.month = month
    }

    /// The month's first day.
    package var firstDay: LocalDay { LocalDay(year: year, month: month, day: 1) }

    /// The month's last day (the 29th of a leap February).
    package var lastDay: LocalDay {
        LocalDay(year: year, month: month, day: CivilCalendar.daysInMonth(year: year, month: month))
    }

    /// The month after this one.
    package var next: LocalMonth {
        month == 12 ? LocalMonth(unchecked: year + 1, 1) : LocalMonth(unchecked: year, month + 1)
    }

    /// The month before this one.
    package var previous: LocalMonth {
        month == 1 ? LocalMonth(unchecked: year - 1, 12) : LocalMonth(unchecked: year, month - 1)
    }

    /// Every month from `first` to `last`, both included; empty when `last` is before `first`.
    package static func months(from first: LocalMonth, through last: LocalMonth) -> [LocalMonth] {
        var months: [LocalMonth] = []
        var month = first
        while month <= last {
            months.append(month)
            month = month.next
        }
        return months
    }

    /// `YYYY-MM`.
    package var description: String {
        var bytes: [UInt8] = []
        ASCIIDigits.append(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        ASCIIDigits.append(month, width: 2, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    package static func < (lhs: LocalMonth, rhs: LocalMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    private init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }
}
