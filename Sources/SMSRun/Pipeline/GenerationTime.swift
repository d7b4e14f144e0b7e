import Foundation
import SMSCore

/// The `generated_at` of a report: `SOURCE_DATE_EPOCH` when set (reproducible
/// builds' convention, seconds since the epoch), else the current time.
public enum GenerationTime {
    /// The generation instant for `environment`.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ReportError) -> Instant {
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(epoch.trimmingCharacters(in: .whitespaces)) else {
                throw .invalidOption(option: "SOURCE_DATE_EPOCH", reason: "must be whole seconds since 1970-01-01, got \"\(epoch)\"")
            }
            return Instant(unixSeconds: seconds)
        }
        return .now
    }
}
