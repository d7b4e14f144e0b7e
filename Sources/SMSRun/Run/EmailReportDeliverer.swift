import Foundation
import Logging
import MailCore
import SMSConfig
import SMSCore
import SMSRender
import SMSSupport

/// Delivers each account's finished report by email through the config's SMTP
/// server (contract §8 "Email"), or writes it as an `.eml` file for
/// `run --email-dry-run DIR`.
package struct EmailReportDeliverer: ReportDeliverer {
    private let smtp: SMTPSettings?
    private let timeZone: ReportTimeZone
    private let dryRunFolder: String?
    private let retry: RetryPolicy
    private let templates: ReportTemplates
    private let zipsCSVWithByteOrderMark: Bool
    private let logger: Logger

    /// The sender of `.eml` files when the config has no `smtp` section.
    package static let dryRunSender = "sms-report <sms-report@localhost>"

    /// A deliverer for `config`'s `smtp` section; with `dryRunFolder`, messages are
    /// written there instead of sent. The subject comes from `templates`' `subject.txt`.
    package init(config: RunConfig, dryRunFolder: String?, retry: RetryPolicy = EmailDelivery.defaultRetryPolicy,
                templates: ReportTemplates, logger: Logger) {
        smtp = config.smtp
        self.templates = templates
        zipsCSVWithByteOrderMark = config.csvByteOrderMark.marksEmailedFiles
        timeZone = config.timeZone
        self.dryRunFolder = dryRunFolder
        self.retry = retry
        self.logger = logger
    }

    package func deliver(_ report: FinishedReport) async -> AccountRunRecord.Email {
        guard !report.recipients.isEmpty else {
            return AccountRunRecord.Email(status: .skipped, recipients: [])
        }
        let subject: String
        do {
            subject = try ReportSubject.line(for: report, templates: templates)
        } catch {
            return AccountRunRecord.Email(status: .failed, recipients: report.recipients, error: error.description)
        }
        var record = AccountRunRecord.Email(status: .failed, recipients: report.recipients, subject: subject)
        do throws(EmailDeliveryError) {
            let email = try read(report, subject: subject)
            for problem in email.chartProblems {
                logger.warning("\(problem)")
            }
            let zone = TimeZone(identifier: timeZone.identifier) ?? .current
            if let dryRunFolder {
                let date = Date()
                let composed = email.composed(within: MessageSizeLimit(configured: smtp?.maxAttachmentBytes), date: date, timeZone: zone)
                record.note(composed.plan, logger: logger)
                record.file = try EmailDryRun.write(composed.message, folder: dryRunFolder, account: report.account,
                                                    period: report.period.folderName, date: date, timeZone: zone)
                record.status = .dryRun
            } else if let smtp {
                let receipt = try await EmailDelivery(settings: Self.server(smtp), retry: retry, logger: logger)
                    .deliver(email, maximumBytes: smtp.maxAttachmentBytes, timeZone: zone)
                record.note(receipt.sent.plan, logger: logger)
                record.messageBytes = receipt.byteCount
                logger.info("email sent to \(report.recipients.joined(separator: ", ")) (\(receipt.messageID))")
                record.status = .sent
            } else {
                record.status = .skipped
            }
        } catch {
            record.error = error.description
        }
        return record
    }

    private func read(_ report: FinishedReport, subject: String) throws(EmailDeliveryError) -> ReportEmail {
        let from: EmailAddress
        let to: [EmailAddress]
        do {
            from = try EmailAddress(parsing: smtp?.from ?? Self.dryRunSender)
            to = try report.recipients.map { address throws(EmailAddressError) in try EmailAddress(parsing: address) }
        } catch {
            throw .composeFailed(path: report.folder, reason: error.description)
        }
        return try ReportEmail.read(folder: report.folder, files: report.files, from: from, to: to, subject: subject,
                                    csvByteOrderMark: zipsCSVWithByteOrderMark)
    }

    /// The SMTP client's settings from the config's `smtp` section.
    package static func server(_ smtp: SMTPSettings) -> SMTPServerSettings {
        let credentials = smtp.username.flatMap { username in
            smtp.password.map { SMTPCredentials(username: username, password: $0) }
        }
        return SMTPServerSettings(host: smtp.host, port: smtp.port, security: smtp.security, credentials: credentials,
                                  tlsVerify: smtp.verifiesCertificates, caFile: smtp.caFile)
    }
}

private extension AccountRunRecord.Email {
    /// Records the size guard's decision and logs it when files were left out.
    mutating func note(_ plan: AttachmentPlan, logger: Logger) {
        leftOut = plan.leftOut.map(\.fileName)
        leftOutReason = plan.reasonText
        if let reason = plan.reasonText {
            logger.warning("left out of the email: \(leftOut.joined(separator: ", ")), because \(reason)")
        }
    }
}
