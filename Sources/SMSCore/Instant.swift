import Foundation

/// A point in time, exact to the microsecond: microseconds since 1970-01-01T00:00:00Z.
///
/// The API's timestamps carry six fractional digits; a `Date` (a `Double` of seconds)
/// loses the last of them for present-day instants, so every timestamp is kept as this
/// integer instead.
package struct Instant: Hashable, Comparable, Sendable {
    /// Microseconds since the Unix epoch.
    package var microseconds: Int64

    package init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// The instant `seconds` whole seconds after the Unix epoch.
    package init(unixSeconds seconds: Int64) {
        self.microseconds = seconds * 1_000_000
    }

    package static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.microseconds < rhs.microseconds
    }

    /// The signed duration from `start` to this instant, in microseconds.
    package func microseconds(since start: Instant) -> Int64 {
        microseconds - start.microseconds
    }
}

extension Instant {
    /// The instants the tool accepts from outside (timestamps, `SOURCE_DATE_EPOCH`):
    /// 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999Z, the years a four-digit
    /// `YYYY` can name. Within it every sum and difference of instants fits an `Int64`,
    /// and every local day in any timezone has a year from 0 to 10000.
    package static let supportedRange = Instant(microseconds: -62_135_596_800_000_000)...Instant(microseconds: 253_402_300_799_999_999)

    /// The current time, to the microsecond.
    package static var now: Instant {
        Instant(microseconds: Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()))
    }
}
