/// Converts instants to local days and wall-clock times in one timezone, caching
/// the zone's offset per quarter hour (every real offset change falls on a quarter
/// hour), so millions of conversions cost a dictionary look-up each, not a
/// Foundation call.
package struct LocalClock {
    /// The timezone of the conversions.
    package let timeZone: ReportTimeZone
    private var offsetByQuarterHour: [Int64: Int32] = [:]
    private var lastQuarterHour: Int64 = .min
    private var lastOffset: Int32 = 0

    package init(timeZone: ReportTimeZone) {
        self.timeZone = timeZone
    }

    /// The offset from UTC, in seconds, at `instant`.
    package mutating func offsetSeconds(at instant: Instant) -> Int {
        let quarterHour = instant.microseconds >= 0
            ? instant.microseconds / 900_000_000
            : (instant.microseconds - 899_999_999) / 900_000_000
        if quarterHour == lastQuarterHour {
            return Int(lastOffset)
        }
        let offset: Int32
        if let cached = offsetByQuarterHour[quarterHour] {
            offset = cached
        } else {
            offset = Int32(timeZone.offsetSeconds(at: Instant(microseconds: quarterHour * 900_000_000)))
            offsetByQuarterHour[quarterHour] = offset
        }
        lastQuarterHour = quarterHour
        lastOffset = offset
        return Int(offset)
    }

    /// The local calendar day of `instant`.
    package mutating func day(of instant: Instant) -> LocalDay {
        let localMicroseconds = instant.microseconds + Int64(offsetSeconds(at: instant)) * 1_000_000
        let days = CivilCalendar.floorDivide(localMicroseconds, 86_400_000_000)
        return LocalDay(daysSinceEpoch: Int32(days))
    }

    /// Appends `instant` as ISO 8601 local time with six fractional digits and the
    /// zone's offset, e.g. `2025-11-04T17:00:45.153834+05:45`.
    package mutating func appendISO8601(_ instant: Instant, to bytes: inout [UInt8]) {
        let offset = offsetSeconds(at: instant)
        let local = instant.microseconds + Int64(offset) * 1_000_000
        let days = CivilCalendar.floorDivide(local, 86_400_000_000)
        let microsecondOfDay = Int(local - days * 86_400_000_000)
        let (year, month, day) = CivilCalendar.civilFromDays(Int(days))
        let secondOfDay = microsecondOfDay / 1_000_000
        let absoluteMinutes = abs(offset) / 60
        // A local year outside 0000–9999 (an instant at the very edge of the supported
        // range, in a far zone) is written with the digits it needs, before the rest.
        let yearFits = (0...9999).contains(year)
        if !yearFits {
            ASCIIDigits.append(year, width: 4, to: &bytes)
        }
        // `YYYY-MM-DDTHH:MM:SS.ffffff±HH:MM`: 32 bytes, written in place and appended at once.
        withUnsafeTemporaryAllocation(byteCount: 32, alignment: 1) { buffer in
            ASCIIDigits.write(yearFits ? year : 0, width: 4, into: buffer, at: 0)
            buffer[4] = UInt8(ascii: "-")
            ASCIIDigits.write(month, width: 2, into: buffer, at: 5)
            buffer[7] = UInt8(ascii: "-")
            ASCIIDigits.write(day, width: 2, into: buffer, at: 8)
            buffer[10] = UInt8(ascii: "T")
            ASCIIDigits.write(secondOfDay / 3600, width: 2, into: buffer, at: 11)
            buffer[13] = UInt8(ascii: ":")
            ASCIIDigits.write(secondOfDay / 60 % 60, width: 2, into: buffer, at: 14)
            buffer[16] = UInt8(ascii: ":")
            ASCIIDigits.write(secondOfDay % 60, width: 2, into: buffer, at: 17)
            buffer[19] = UInt8(ascii: ".")
            ASCIIDigits.write(microsecondOfDay % 1_000_000, width: 6, into: buffer, at: 20)
            buffer[26] = offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            ASCIIDigits.write(absoluteMinutes / 60, width: 2, into: buffer, at: 27)
            buffer[29] = UInt8(ascii: ":")
            ASCIIDigits.write(absoluteMinutes % 60, width: 2, into: buffer, at: 30)
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(yearFits ? 0 : 4)...]))
        }
    }

    /// `instant` as ISO 8601 local time (see ``appendISO8601(_:to:)``).
    package mutating func iso8601(_ instant: Instant) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        appendISO8601(instant, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
