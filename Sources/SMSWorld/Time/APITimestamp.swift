import SMSCore


/// How many fractional second digits a timestamp is written with.
package enum FractionDigits: Int, Sendable, Hashable, CaseIterable {
    /// Whole seconds: `2025-11-04T17:00:45+05:45`.
    case none = 0
    /// Milliseconds: `2025-11-04T17:00:45.153+05:45`.
    case milliseconds = 3
    /// Microseconds, as the API usually writes: `2025-11-04T17:00:45.153834+05:45`.
    case microseconds = 6

    /// The smallest step, in microseconds, that this precision can write.
    package var stepMicroseconds: Int64 {
        switch self {
        case .none: 1_000_000
        case .milliseconds: 1_000
        case .microseconds: 1
        }
    }
}

/// The UTC offset a timestamp is written with.
package enum TimestampOffset: Sendable, Hashable, CaseIterable {
    /// Nepal's `+05:45`, as the API usually writes.
    case kathmandu
    /// UTC written as `Z`.
    case zulu
    /// UTC written as `+00:00`.
    case utcNumeric

    /// The offset from UTC in seconds.
    package var seconds: Int64 {
        switch self {
        case .kathmandu: KathmanduTime.offsetSeconds
        case .zulu, .utcNumeric: 0
        }
    }
}

/// How a timestamp is written: its precision and its offset.
package struct TimestampStyle: Sendable, Hashable {
    /// The fractional second digits.
    package var fractionDigits: FractionDigits
    /// The UTC offset.
    package var offset: TimestampOffset

    /// The style the API writes almost always, and the ground truth always:
    /// six fractional digits and `+05:45`.
    package static let standard = TimestampStyle(fractionDigits: .microseconds, offset: .kathmandu)

    /// The style with `fractionDigits` and `offset`.
    package init(fractionDigits: FractionDigits, offset: TimestampOffset) {
        self.fractionDigits = fractionDigits
        self.offset = offset
    }
}

/// A timestamp as an API row carries it: an instant, exact to the microsecond, and the
/// style it is written in. The instant is always representable in the style's precision.
package struct APITimestamp: Sendable, Hashable, Comparable {
    /// Microseconds since 1970-01-01T00:00:00Z.
    package var microseconds: Int64
    /// How the timestamp is written.
    package var style: TimestampStyle

    /// The instant `microseconds` after the epoch, written in `style`.
    package init(microseconds: Int64, style: TimestampStyle = .standard) {
        self.microseconds = microseconds
        self.style = style
    }

    /// The same instant written in another style.
    package func written(as style: TimestampStyle) -> APITimestamp {
        APITimestamp(microseconds: microseconds, style: style)
    }

    /// The calendar day of the instant in Asia/Kathmandu.
    package var kathmanduDay: CalendarDay {
        KathmanduTime.day(of: microseconds)
    }

    /// The ISO 8601 text, such as `2025-11-04T17:00:45.153834+05:45`.
    package var iso8601: String {
        var bytes: [UInt8] = []
        bytes.appendISO8601(self)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Ordered by instant; the style does not take part.
    package static func < (lhs: APITimestamp, rhs: APITimestamp) -> Bool {
        lhs.microseconds < rhs.microseconds
    }
}

/// Asia/Kathmandu, which has kept UTC+05:45 without daylight saving since 1986.
package enum KathmanduTime {
    /// UTC+05:45 in seconds.
    package static let offsetSeconds: Int64 = 5 * 3600 + 45 * 60

    /// The instant (microseconds since the epoch) at which `day` starts in Kathmandu.
    package static func startOfDay(_ day: CalendarDay) -> Int64 {
        (Int64(day.daysSinceEpoch) * 86_400 - offsetSeconds) * 1_000_000
    }

    /// The calendar day in Kathmandu of an instant (microseconds since the epoch).
    package static func day(of microseconds: Int64) -> CalendarDay {
        CalendarDay(daysSinceEpoch: dayNumber(of: microseconds))
    }
}

extension KathmanduTime {
    /// Days since 1970-01-01 of the Kathmandu calendar day of an instant.
    static func dayNumber(of microseconds: Int64) -> Int {
        let localSeconds = CivilCalendar.floorDivide(microseconds, 1_000_000) + offsetSeconds
        return Int(CivilCalendar.floorDivide(localSeconds, 86_400))
    }
}
