import SMSCore


extension [UInt8] {
    /// Appends `day` as `YYYY-MM-DD`, or `YYYYMMDD` when `separator` is nil.
    mutating func appendDate(_ day: CalendarDay, separator: UInt8?) {
        appendZeroPadded(day.year, width: 4)
        if let separator { append(separator) }
        appendZeroPadded(day.month, width: 2)
        if let separator { append(separator) }
        appendZeroPadded(day.day, width: 2)
    }

    /// Appends the timestamp in ISO 8601 with its style's precision and offset.
    mutating func appendISO8601(_ timestamp: APITimestamp) {
        let style = timestamp.style
        let localMicroseconds = timestamp.microseconds + style.offset.seconds * 1_000_000
        let localSeconds = CivilCalendar.floorDivide(localMicroseconds, 1_000_000)
        let fraction = Int(localMicroseconds - localSeconds * 1_000_000)
        let days = CivilCalendar.floorDivide(localSeconds, 86_400)
        let secondOfDay = Int(localSeconds - days * 86_400)

        appendDate(CalendarDay(daysSinceEpoch: Int(days)), separator: UInt8(ascii: "-"))
        append(UInt8(ascii: "T"))
        appendZeroPadded(secondOfDay / 3600, width: 2)
        append(UInt8(ascii: ":"))
        appendZeroPadded(secondOfDay / 60 % 60, width: 2)
        append(UInt8(ascii: ":"))
        appendZeroPadded(secondOfDay % 60, width: 2)
        switch style.fractionDigits {
        case .none:
            break
        case .milliseconds:
            append(UInt8(ascii: "."))
            appendZeroPadded(fraction / 1000, width: 3)
        case .microseconds:
            append(UInt8(ascii: "."))
            appendZeroPadded(fraction, width: 6)
        }
        switch style.offset {
        case .kathmandu:
            appendASCII("+05:45")
        case .zulu:
            append(UInt8(ascii: "Z"))
        case .utcNumeric:
            appendASCII("+00:00")
        }
    }

    /// Appends a non-negative number with leading zeros up to `width` digits.
    mutating func appendZeroPadded(_ value: Int, width: Int) {
        var divisor = 1
        var digits = 1
        while digits < width || value >= divisor * 10 {
            divisor *= 10
            digits += 1
        }
        var remaining = value
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(remaining / divisor))
            remaining %= divisor
            divisor /= 10
        }
    }
}
