import Foundation

/// The timezone a report is drawn in (IANA name, default `Asia/Kathmandu`).
package struct ReportTimeZone: Sendable, Equatable {
    /// The IANA identifier, as the user gave it.
    package let identifier: String
    private let timeZone: TimeZone

    /// The default report timezone, Asia/Kathmandu (UTC+05:45).
    package static let kathmandu = ReportTimeZone(validIdentifier: "Asia/Kathmandu")

    /// The timezone named `identifier`; nil when the name is not a known IANA zone.
    package init?(identifier: String) {
        guard let timeZone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.timeZone = timeZone
    }

    private init(validIdentifier identifier: String) {
        self.identifier = identifier
        // safe: Asia/Kathmandu is in every IANA database that Foundation ships.
        self.timeZone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 20_700)!
    }

    /// The zone's offset from UTC, in seconds, at `instant`.
    package func offsetSeconds(at instant: Instant) -> Int {
        let seconds = Double(instant.microseconds / 1_000_000)
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))
    }

    /// The instant at which local day `day` starts (its local midnight).
    package func startOfDay(_ day: LocalDay) -> Instant {
        let midnightUTC = Int64(day.daysSinceEpoch) * 86_400
        // The offset in force at local midnight; probing at the UTC guess twice settles
        // zones whose offset changes near midnight.
        var offset = offsetSeconds(at: Instant(unixSeconds: midnightUTC))
        offset = offsetSeconds(at: Instant(unixSeconds: midnightUTC - Int64(offset)))
        return Instant(unixSeconds: midnightUTC - Int64(offset))
    }

    package static func == (lhs: ReportTimeZone, rhs: ReportTimeZone) -> Bool {
        lhs.identifier == rhs.identifier
    }
}
