/// A calendar day in the report timezone, stored as days since 1970-01-01.
package struct LocalDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    package var daysSinceEpoch: Int32

    package init(daysSinceEpoch: Int32) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The day with the given proleptic Gregorian year, month (1–12) and day (1–31).
    package init(year: Int, month: Int, day: Int) {
        self.daysSinceEpoch = Int32(CivilCalendar.daysFromCivil(year: year, month: month, day: day))
    }

    /// Parses `YYYY-MM-DD`; nil when the text is not a real calendar day.
    package init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = ASCIIDigits.value(bytes[0..<4]),
              let month = ASCIIDigits.value(bytes[5..<7]),
              let day = ASCIIDigits.value(bytes[8..<10]),
              CivilCalendar.isValid(year: year, month: month, day: day)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Year, month and day of this day.
    package var components: (year: Int, month: Int, day: Int) {
        CivilCalendar.civilFromDays(Int(daysSinceEpoch))
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendISO(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `YYYY-MM-DD`, as ``description`` gives it, without making a `String`.
    package func appendISO(to bytes: inout [UInt8]) {
        let (year, month, day) = components
        ASCIIDigits.append(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        ASCIIDigits.append(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        ASCIIDigits.append(day, width: 2, to: &bytes)
    }

    /// The day `count` days after this one (before it for a negative count).
    package func adding(days count: Int) -> LocalDay {
        LocalDay(daysSinceEpoch: daysSinceEpoch + Int32(clamping: count))
    }

    /// The number of days from this day to `later` (negative when `later` is earlier).
    package func days(until later: LocalDay) -> Int {
        Int(later.daysSinceEpoch) - Int(daysSinceEpoch)
    }

    package static func < (lhs: LocalDay, rhs: LocalDay) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }
}
