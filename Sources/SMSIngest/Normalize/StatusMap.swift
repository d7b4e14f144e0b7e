import Foundation
import SMSCore

/// Maps a raw API status to its canonical ``DeliveryStatus`` (contract §3).
///
/// Raw values are trimmed and compared case-insensitively. Anything the map does not
/// list is ``DeliveryStatus/unknown``.
package struct StatusMap: Sendable, Equatable {
    /// Upper-cased, trimmed raw value → canonical status.
    package private(set) var entries: [String: DeliveryStatus]

    /// The contract's default map.
    package static let standard = StatusMap(entries: [
        "DELIVERED": .delivered, "DELIVRD": .delivered, "1": .delivered,
        "SENT": .sent, "SUBMITTED": .sent, "ACCEPTED": .sent, "ACCEPTD": .sent, "ENROUTE": .sent,
        "PENDING": .pending, "QUEUED": .pending, "SCHEDULED": .pending, "BUFFERED": .pending,
        "UNDELIVERABLE": .undeliverable, "UNDELIV": .undeliverable, "4": .undeliverable,
        "FAILED": .failed, "ERROR": .failed,
        "REJECTED": .rejected, "REJECTD": .rejected,
        "EXPIRED": .expired,
    ])

    private init(entries: [String: DeliveryStatus]) {
        self.entries = entries
    }

    /// This map with `overrides` (raw value → status) added, replacing what they name.
    package func extended(with overrides: [String: DeliveryStatus]) -> StatusMap {
        var copy = self
        for (raw, status) in overrides {
            copy.entries[Self.canonicalKey(raw)] = status
        }
        return copy
    }

    /// The canonical status of `raw`.
    package func status(forRaw raw: String) -> DeliveryStatus {
        entries[Self.canonicalKey(raw)] ?? .unknown
    }

    /// The key a raw value is looked up by: trimmed of white space, upper-cased.
    package static func canonicalKey(_ raw: String) -> String {
        raw.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
    }
}
