import SMSCore

/// Parses the API's ISO 8601 timestamps to the microsecond (contract §3):
/// `YYYY-MM-DDTHH:MM:SS`, then 0 to 6 fractional digits, then `Z` or an offset
/// `±HH:MM` (`±HHMM` and `±HH` are accepted too). A space may stand for the `T`.
/// The instant must lie in ``Instant/supportedRange`` (years 0001–9999 in UTC).
package enum TimestampParser {
    /// Why a text is not a usable timestamp.
    package enum Failure: Error, Sendable, Equatable {
        /// The text is not a timestamp of the accepted form.
        case malformed
        /// A well-formed timestamp whose instant is outside ``Instant/supportedRange``.
        case outOfRange

        /// The reason, for an error message that quotes the text after it.
        package var reason: String {
            switch self {
            case .malformed: return "not an ISO 8601 timestamp"
            case .outOfRange: return "timestamp out of range (years 0001 to 9999 in UTC)"
            }
        }
    }

    /// The instant that `text` names, or nil when it is not such a timestamp.
    package static func parse(_ text: String) -> Instant? {
        try? read(text).get()
    }

    /// The instant that the UTF-8 bytes name, or nil when they are not such a timestamp.
    package static func parse(_ bytes: UnsafeRawBufferPointer) -> Instant? {
        try? read(bytes).get()
    }

    /// The instant that `text` names, or why it names none.
    package static func read(_ text: String) -> Result<Instant, Failure> {
        var copy = text
        return copy.withUTF8 { read(UnsafeRawBufferPointer($0)) }
    }

    /// The instant that the UTF-8 bytes name, or why they name none.
    package static func read(_ bytes: UnsafeRawBufferPointer) -> Result<Instant, Failure> {
        inRange(instant(bytes))
    }

    /// The instant of a well-formed timestamp, in or out of range. Years have four
    /// digits and offsets are under a day, so the arithmetic cannot overflow.
    private static func instant(_ bytes: UnsafeRawBufferPointer) -> Instant? {
        guard let minute = localMinute(bytes) else { return nil }
        return instant(bytes, localMinute: minute)
    }

    /// The local seconds since the epoch of the minute that the first 16 bytes name
    /// (`YYYY-MM-DDTHH:MM`, a space or `t` for the `T`); nil unless they are a valid date
    /// and time of day in a text long enough for the seconds that must follow.
    fileprivate static func localMinute(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count >= 19,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"),
              let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
              let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2),
              CivilCalendar.isValid(year: year, month: month, day: day),
              hour < 24, minute < 60
        else { return nil }
        let days = Int64(CivilCalendar.daysFromCivil(year: year, month: month, day: day))
        return days * 86_400 + Int64(hour * 3600 + minute * 60)
    }

    /// The instant of a timestamp whose first 16 bytes name the local minute
    /// `localMinute`: reads the `:SS`, the fraction and the offset that follow.
    fileprivate static func instant(_ bytes: UnsafeRawBufferPointer, localMinute: Int64) -> Instant? {
        guard bytes.count >= 19, bytes[16] == UInt8(ascii: ":"), let second = digits(bytes, 17, 2), second < 60 else {
            return nil
        }
        var index = 19
        var fraction = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard let microseconds = fractionMicroseconds(bytes, from: &index) else { return nil }
            fraction = microseconds
        }

        guard index < bytes.count, let offsetSeconds = offset(bytes, from: index) else { return nil }
        let localSeconds = localMinute + Int64(second)
        return Instant(microseconds: (localSeconds - Int64(offsetSeconds)) * 1_000_000 + Int64(fraction))
    }

    /// The microseconds of the 1 to 6 fractional digits at `index`, which is moved past
    /// them; nil when there are none or more than six.
    @inline(__always)
    private static func fractionMicroseconds(_ bytes: UnsafeRawBufferPointer, from index: inout Int) -> Int? {
        // The API writes six digits: read at once when something else follows them.
        if index + 6 < bytes.count, let six = digits(bytes, index, 6), digitValue(bytes[index + 6]) == nil {
            index += 6
            return six
        }
        var fraction = 0
        var fractionDigits = 0
        while index < bytes.count, let digit = digitValue(bytes[index]) {
            guard fractionDigits < 6 else { return nil }
            fraction = fraction * 10 + digit
            fractionDigits += 1
            index += 1
        }
        guard fractionDigits > 0 else { return nil }
        for _ in fractionDigits..<6 {
            fraction *= 10
        }
        return fraction
    }

    /// The instant checked against ``Instant/supportedRange``.
    fileprivate static func inRange(_ instant: Instant?) -> Result<Instant, Failure> {
        guard let instant else { return .failure(.malformed) }
        guard Instant.supportedRange.contains(instant) else { return .failure(.outOfRange) }
        return .success(instant)
    }

    private static func offset(_ bytes: UnsafeRawBufferPointer, from index: Int) -> Int? {
        let remaining = bytes.count - index
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return remaining == 1 ? 0 : nil
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard let hours = digits(bytes, index + 1, 2), hours <= 23 else { return nil }
            var minutes = 0
            switch remaining {
            case 3:
                minutes = 0
            case 5:
                guard let value = digits(bytes, index + 3, 2) else { return nil }
                minutes = value
            case 6:
                guard bytes[index + 3] == UInt8(ascii: ":"), let value = digits(bytes, index + 4, 2) else { return nil }
                minutes = value
            default:
                return nil
            }
            guard minutes < 60 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        default:
            return nil
        }
    }

    /// The value of the `count` ASCII digits at `start`; nil when any is not a digit.
    /// Read for every timestamp of a snapshot, so without an optional per digit.
    @inline(__always)
    private static func digits(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        var notDigit = false
        for index in start..<(start + count) {
            let digit = Int(bytes[index]) &- Int(UInt8(ascii: "0"))
            notDigit = notDigit || UInt(bitPattern: digit) > 9
            value = value &* 10 &+ digit
        }
        return notDigit ? nil : value
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}

/// Reads timestamps as ``TimestampParser`` does, remembering the minutes of the last
/// two: a snapshot's rows come in time order, so most timestamps share the date, hour
/// and minute of one read just before, and only their seconds, fraction and offset need
/// reading. Two, because a row's `sent_at` and `delivered_at` alternate, and a delivery
/// that takes a minute or more would otherwise push out the minute the next row is sent in.
package struct TimestampReader {
    /// A minute read, by the first 16 bytes of its timestamp (as two words).
    private struct RememberedMinute {
        var bytes: (UInt64, UInt64)
        /// The local seconds since the epoch of the minute.
        var localMinute: Int64
    }

    /// The minute of the last timestamp read whose minute was valid and new.
    private var latest: RememberedMinute?
    /// The minute ``latest`` replaced.
    private var previous: RememberedMinute?

    package init() {}

    /// The instant that the UTF-8 bytes name, or why they name none: always the same
    /// answer as ``TimestampParser``'s `read` of the same bytes.
    package mutating func read(_ bytes: UnsafeRawBufferPointer) -> Result<Instant, TimestampParser.Failure> {
        guard bytes.count >= 19 else { return .failure(.malformed) }
        let minuteBytes = (bytes.loadUnaligned(as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if let latest, latest.bytes == minuteBytes {
            return TimestampParser.inRange(TimestampParser.instant(bytes, localMinute: latest.localMinute))
        }
        if let previous, previous.bytes == minuteBytes {
            return TimestampParser.inRange(TimestampParser.instant(bytes, localMinute: previous.localMinute))
        }
        guard let minute = TimestampParser.localMinute(bytes) else { return .failure(.malformed) }
        previous = latest
        latest = RememberedMinute(bytes: minuteBytes, localMinute: minute)
        return TimestampParser.inRange(TimestampParser.instant(bytes, localMinute: minute))
    }
}
