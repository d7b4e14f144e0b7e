import Foundation
import Logging
import MailTransport
import SMSSupport

/// Sends a report email over SMTP, retrying what may heal: network failures,
/// timeouts and 4xx replies are tried again after a backoff; a 5xx reply (a
/// refused recipient, refused credentials), a missing STARTTLS or a TLS/certificate
/// failure stops at once, since the next attempt would fail the same way (and
/// repeated bad logins can lock the account). The message is rendered once, so
/// every attempt carries the same Message-ID.
package struct EmailDelivery: Sendable {
    /// What a delivery did.
    package struct Receipt: Sendable, Equatable {
        /// The Message-ID of the sent message.
        package let messageID: String
        /// The attempts it took, 1 when the first one succeeded.
        package let attempts: Int
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

    /// Renders `message` (dated now in `timeZone`) and sends it, with retries.
    /// Throws ``EmailDeliveryError/sendFailed(attempts:lastError:)`` (exit 4) when
    /// every attempt failed or a failure is permanent.
    package func deliver(_ message: EmailMessage, timeZone: TimeZone = .current) async throws(EmailDeliveryError) -> Receipt {
        let envelope: SMTPEnvelope
        do {
            envelope = try message.envelope()
        } catch {
            throw .sendFailed(attempts: 0, lastError: error)
        }
        let rendered = MIMEMessage.render(message, date: Date(), timeZone: timeZone)
        var generator = SystemRandomNumberGenerator()
        var attempt = 0
        while true {
            attempt += 1
            do {
                try await client.send(rendered.bytes, envelope: envelope)
                logger.info("email \(rendered.messageID) sent to \(envelope.recipients.joined(separator: ", ")) (attempt \(attempt))")
                return Receipt(messageID: rendered.messageID, attempts: attempt)
            } catch {
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
