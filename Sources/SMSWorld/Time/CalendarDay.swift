import SMSCore


/// A calendar date without a time zone, such as the world's last day `2025-11-04`.
package struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The year, 1 through 9999.
    package let year: Int
    /// The month, 1 through 12.
    package let month: Int
    /// The day of the month, starting at 1.
    package let day: Int

    /// The date, or nil when it does not exist (such as 2025-02-30).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilCalendar.daysInMonth(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date written as `YYYY-MM-DD`, or nil when `text` is not such a date.
    package init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.number(bytes[0..<4]), let month = Self.number(bytes[5..<7]),
              let day = Self.number(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date `daysSinceEpoch` days after 1970-01-01.
    init(daysSinceEpoch: Int) {
        let date = CivilCalendar.civilFromDays(daysSinceEpoch)
        year = date.year
        month = date.month
        day = date.day
    }

    /// Days since 1970-01-01.
    package var daysSinceEpoch: Int {
        CivilCalendar.daysFromCivil(year: year, month: month, day: day)
    }

    /// The date `count` days later (earlier when negative).
    package func adding(days count: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: daysSinceEpoch + count)
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        var bytes: [UInt8] = []
        bytes.appendDate(self, separator: UInt8(ascii: "-"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYYMMDD`, as the metrics keys write a day.
    package var compactDescription: String {
        var bytes: [UInt8] = []
        bytes.appendDate(self, separator: nil)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Earlier days come first.
    package static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
