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
        guard let instant = instant(bytes) else { return .failure(.malformed) }
        guard Instant.supportedRange.contains(instant) else { return .failure(.outOfRange) }
        return .success(instant)
    }

    /// The instant of a well-formed timestamp, in or out of range. Years have four
    /// digits and offsets are under a day, so the arithmetic cannot overflow.
    private static func instant(_ bytes: UnsafeRawBufferPointer) -> Instant? {
        guard bytes.count >= 19,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = digits(bytes, 0, 4), let month = digits(bytes, 5, 2), let day = digits(bytes, 8, 2),
              let hour = digits(bytes, 11, 2), let minute = digits(bytes, 14, 2), let second = digits(bytes, 17, 2),
              CivilCalendar.isValid(year: year, month: month, day: day),
              hour < 24, minute < 60, second < 60
        else { return nil }

        var index = 19
        var fraction = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
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
        }

        guard index < bytes.count, let offsetSeconds = offset(bytes, from: index) else { return nil }
        let days = Int64(CivilCalendar.daysFromCivil(year: year, month: month, day: day))
        let localSeconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Instant(microseconds: (localSeconds - Int64(offsetSeconds)) * 1_000_000 + Int64(fraction))
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
