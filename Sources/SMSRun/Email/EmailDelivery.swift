import Foundation
import Logging
import MailCore
import MailTransport
import SMSSupport
import Synchronization

/// Sends a report email over SMTP, retrying what may heal: network failures,
/// timeouts and 4xx replies are tried again after a backoff; a 5xx reply (a
/// refused recipient, refused credentials), a missing STARTTLS or a TLS/certificate
/// failure stops at once, since the next attempt would fail the same way (and
/// repeated bad logins can lock the account).
///
/// The size guard (contract §8) runs once the server has answered EHLO: the
/// message is composed within the smaller of `max_attachments_mb` and the server's
/// SIZE, measured as sent. A server that still refuses it as too big gets it once
/// more without attachments; only a refusal of that is a failure. Every message
/// of one delivery has the same date and Message-ID.
package struct EmailDelivery: Sendable {
    /// What a delivery did.
    package struct Receipt: Sendable {
        /// The Message-ID of the sent message.
        package let messageID: String
        /// The attempts it took, 1 when the first one succeeded.
        package let attempts: Int
        /// The message that was accepted, with the size guard's plan.
        package let sent: ReportEmail.Composed
        /// Its size in bytes as sent (before dot-stuffing, as SIZE counts it).
        package let byteCount: Int
    }

    /// The default for email: 3 retries after 5 s, 10 s, 20 s (with jitter), at
    /// most a minute apart.
    package static let defaultRetryPolicy = RetryPolicy(retries: 3, baseDelay: .seconds(5), maximumDelay: .seconds(60))

    private let client: SMTPClient
    private let retry: RetryPolicy
    private let logger: Logger

    /// A delivery through the server of `settings`.
    package init(settings: SMTPServerSettings, retry: RetryPolicy = EmailDelivery.defaultRetryPolicy,
                logger: Logger = Logger(label: "sms-report.email")) {
        self.client = SMTPClient(settings: settings, logger: logger)
        self.retry = retry
        self.logger = logger
    }

    /// Composes `email` within `maximumBytes` (`max_attachments_mb` in bytes, nil
    /// for none) and the server's SIZE, dated now in `timeZone`, and sends it, with
    /// retries. Throws ``EmailDeliveryError/sendFailed(attempts:lastError:)`` (exit 4)
    /// when every attempt failed or a failure is permanent.
    package func deliver(_ email: ReportEmail, maximumBytes: Int?, timeZone: TimeZone = .current) async throws(EmailDeliveryError) -> Receipt {
        let envelope: SMTPEnvelope
        do {
            envelope = try email.envelope()
        } catch {
            throw .sendFailed(attempts: 0, lastError: error)
        }
        let date = Date()
        let token = MIMEMessage.newToken()
        let lastSent = Mutex<(composed: ReportEmail.Composed, rendered: MIMEMessage.Rendered)?>(nil)
        var refused: (plan: AttachmentPlan, reply: String)?
        var generator = SystemRandomNumberGenerator()
        // Set when the task is cancelled (the tool is stopping): a session that has not
        // yet sent the message gives it up before MAIL FROM; one past that finishes.
        let stopping = Mutex(false)
        var attempt = 0
        while true {
            attempt += 1
            let refusal = refused
            do {
                let attemptOutcome: Result<Void, SMTPError> = await withTaskCancellationHandler {
                    do throws(SMTPError) {
                        try await client.send(envelope: envelope) { capabilities in
                            guard !stopping.withLock({ $0 }) else { return nil }
                            let composed = refusal.map { email.composedWithoutAttachments(after: $0.plan, reply: $0.reply) }
                                ?? email.composed(within: MessageSizeLimit(configured: maximumBytes, server: capabilities.maximumMessageSize),
                                                  date: date, timeZone: timeZone)
                            let rendered = MIMEMessage.render(composed.message, date: date, timeZone: timeZone, token: token)
                            lastSent.withLock { $0 = (composed, rendered) }
                            return rendered.bytes
                        }
                        return .success(())
                    } catch {
                        return .failure(error)
                    }
                } onCancel: {
                    stopping.withLock { $0 = true }
                }
                try attemptOutcome.get()
                // safe: the client composes the message before the server can accept it.
                let sent = lastSent.withLock { $0 }!
                logger.info("email \(sent.rendered.messageID) of \(sent.rendered.bytes.count) bytes sent to \(envelope.recipients.joined(separator: ", ")) (attempt \(attempt))")
                return Receipt(messageID: sent.rendered.messageID, attempts: attempt, sent: sent.composed,
                               byteCount: sent.rendered.bytes.count)
            } catch {
                if case .messageTooBig(_, let reply) = error, refusal == nil,
                   let plan = lastSent.withLock({ $0?.composed.plan }), !plan.attached.isEmpty {
                    logger.warning("email refused as too big (\(reply)); sending it once more without attachments")
                    refused = (plan, reply.description)
                    continue
                }
                guard error.isTransient, attempt <= retry.retries, !Task.isCancelled else {
                    throw .sendFailed(attempts: attempt, lastError: error)
                }
                let wait = retry.backoff(beforeRetry: attempt, using: &generator)
                logger.warning("email attempt \(attempt) failed: \(error); retrying in \(wait)")
                try? await Task.sleep(for: wait)
            }
        }
    }
}
