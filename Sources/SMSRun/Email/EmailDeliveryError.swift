import MailCore
import SMSSupport

/// Why a report email was not delivered, as typed values. Every case is exit code 4
/// (contract §1, "delivery failed"); the report files stay on disk.
package enum EmailDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A report file could not be read or the message could not be built.
    case composeFailed(path: String, reason: String)
    /// Sending failed after `attempts` attempts; `lastError` is the last one's.
    case sendFailed(attempts: Int, lastError: SMTPError)
    /// A dry-run `.eml` file could not be written.
    case dryRunFailed(path: String, reason: String)

    /// 4: delivery failed.
    package var exitStatus: ExitStatus { .deliveryFailed }

    package var description: String {
        switch self {
        case let .composeFailed(path, reason):
            return "cannot build the report email from \(path): \(reason)"
        case let .sendFailed(0, lastError):
            return "email not sent: \(lastError)"
        case let .sendFailed(attempts, lastError):
            let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
            return "email not delivered after \(tries): \(lastError)"
        case let .dryRunFailed(path, reason):
            return "cannot write the email to \(path): \(reason)"
        }
    }
}
