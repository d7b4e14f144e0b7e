import Foundation
import MailCore
import SMSCore
import SnapshotFormat

/// `run --email-dry-run DIR`: writes each message as an `.eml` file instead of
/// sending it. The file opens in any mail client and is exactly what would have
/// been sent.
package enum EmailDryRun {
    /// The file name for an account and period: `<account>_<period>.eml`, each part
    /// made file-safe as in contract §2 (`A-Z a-z 0-9 . _ -` kept, other bytes
    /// percent-encoded).
    package static func fileName(account: String, period: String) -> String {
        "\(FileSafeName.encode(account))_\(FileSafeName.encode(period)).eml"
    }

    /// Renders `message`, dated `date`, and writes it atomically into `folder`
    /// (created when missing) under ``fileName(account:period:)``; returns the file's path.
    @discardableResult
    package static func write(_ message: EmailMessage, folder: String, account: String, period: String,
                             date: Date = Date(), timeZone: TimeZone = .current) throws(EmailDeliveryError) -> String {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(fileName(account: account, period: period)).path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .dryRunFailed(path: folder, reason: "cannot create the folder")
        }
        let rendered = MIMEMessage.render(message, date: date, timeZone: timeZone)
        do {
            var writer = try AtomicFileWriter(path: path)
            try writer.write { $0.append(contentsOf: rendered.bytes) }
            try writer.commit()
        } catch {
            throw .dryRunFailed(path: path, reason: String(describing: error))
        }
        return path
    }
}
