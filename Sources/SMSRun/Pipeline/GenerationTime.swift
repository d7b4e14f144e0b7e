import Foundation
import SMSCore

/// The `generated_at` of a report: `SOURCE_DATE_EPOCH` when set (reproducible
/// builds' convention, seconds since the epoch), else the current time.
package enum GenerationTime {
    /// The `SOURCE_DATE_EPOCH` values accepted: 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    package static let epochSeconds: ClosedRange<Int64> = 0...(Instant.supportedRange.upperBound.microseconds / 1_000_000)

    /// The generation instant for `environment`.
    /// - Throws: ``ReportError/invalidOption(option:reason:)`` (exit 2) when `SOURCE_DATE_EPOCH`
    ///   is not whole seconds in ``epochSeconds``.
    package static func current(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ReportError) -> Instant {
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(epoch.trimmingCharacters(in: .whitespaces)), epochSeconds.contains(seconds) else {
                throw .invalidOption(
                    option: "SOURCE_DATE_EPOCH",
                    reason: "must be whole seconds since 1970-01-01 from 0 to \(epochSeconds.upperBound) (9999-12-31), got \"\(epoch)\"")
            }
            return Instant(unixSeconds: seconds)
        }
        return .now
    }
}
