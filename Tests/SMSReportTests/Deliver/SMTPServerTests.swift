import Crypto
import Foundation
@testable import MailCore
@testable import MailTransport
@testable import SMSRun
@testable import SMSSupport
import Testing

/// The SMTP client against a real SMTP server (Python's aiosmtpd) on 127.0.0.1, and
/// what arrived read back with Python's `email` package. Serialized: starting the
/// server and reading messages back wait on Python processes, which would hold the
/// two cores' worth of concurrency threads if these tests ran side by side.
@Suite("SMTP delivery to a real server", .serialized)
struct SMTPServerTests {
    private static let user = "reports@example.com"
    private static let password = "pa55-w0rd:with=signs"
    private static let recipients = ["ops@acme.example", "Björn Ops <bjorn@acme.example>", "finance@acme.example"]
    private static let text = """
        SMS report · acme · 2025-11-04
        .a line that starts with a dot
        .
        Nepali: नमस्ते संसार
        \(String(repeating: "a long line ", count: 20))
        trailing spaces   

        """
    private static let html = "<!doctype html>\n<html><body style=\"margin:0\"><p>Delivered: <b>96.2%</b> · नमस्ते</p>\n.dot\n</body></html>\n"

    private static func fast(_ settings: SMTPServerSettings) -> SMTPServerSettings {
        var settings = settings
        settings.timeouts = SMTPTimeouts(connect: .seconds(5), command: .seconds(10), messageAccepted: .seconds(10))
        return settings
    }

    private static let noRetries = RetryPolicy(retries: 0, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(1))

    private func reportFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(Self.text, to: "report.txt")
        try folder.write(Self.html, to: "report.html")
        try MIMEFixtures.randomBytes(40_000, seed: 5).write(to: URL(fileURLWithPath: folder.path + "/report.xlsx"))
        try folder.write("day,deliveries\n2025-11-04,10\n", to: "by_day.csv")
        try folder.write("operator,rate\nNTC,0.962\n", to: "by_operator.csv")
        return folder
    }

    private func email(_ folder: TemporaryFolder) throws -> ReportEmail {
        try ReportEmail.read(folder: folder.path, files: try folder.files().map { folder.path + "/" + $0 },
                             from: MIMEFixtures.address("SMS Reports <\(Self.user)>"),
                             to: Self.recipients.map(MIMEFixtures.address), subject: MIMEFixtures.subject)
    }

    private func composed(_ folder: TemporaryFolder) throws -> ReportEmail.Composed {
        try email(folder).composed(within: MessageSizeLimit(configured: nil), date: Date(), timeZone: .current)
    }

    private func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    private func sha256(file path: String) throws -> String {
        sha256(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Text parts are line-oriented: on the wire (and as Python hands them back)
    /// their line breaks are CRLF.
    private func lf(_ text: String?) -> String? {
        text?.replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func starttlsWithAuthDeliversTheReportExactly() async throws {
        let server = try SMTPTestServer(mode: "starttls", options: ["--auth", "\(Self.user):\(Self.password)"])
        let folder = try reportFolder()
        let settings = Self.fast(SMTPServerSettings(
            host: "127.0.0.1", port: server.port, security: .starttls,
            credentials: SMTPCredentials(username: Self.user, password: SMTPPassword(Self.password)),
            tlsVerify: true, caFile: server.caFile))
        let receipt = try await EmailDelivery(settings: settings, retry: Self.noRetries)
            .deliver(try email(folder), maximumBytes: nil)
        #expect(receipt.attempts == 1)

        let received = try server.received()
        try #require(received.count == 1)
        let envelope = received[0].envelope
        let message = received[0].message
        #expect(envelope.mail_from == Self.user)
        #expect(envelope.rcpt_tos == ["ops@acme.example", "bjorn@acme.example", "finance@acme.example"])
        #expect(envelope.tls, "STARTTLS was used")
        #expect(envelope.authenticated_as == Self.user)
        #expect(message.to == envelope.rcpt_tos)
        #expect(message.from == "SMS Reports <\(Self.user)>")
        #expect(message.subject == MIMEFixtures.subject)
        #expect(message.message_id == receipt.messageID)
        #expect(message.structure == ["multipart/mixed", "multipart/alternative", "text/plain", "text/html",
                                      EmailAttachment.workbookType, "application/zip"])
        #expect(lf(message.text) == (try String(contentsOfFile: folder.path + "/report.txt", encoding: .utf8)))
        #expect(lf(message.html) == (try String(contentsOfFile: folder.path + "/report.html", encoding: .utf8)))
        #expect(message.attachments.map(\.filename) == ["report.xlsx", "report-csv.zip"])
        #expect(message.attachments[0].sha256 == (try sha256(file: folder.path + "/report.xlsx")))
        #expect(message.attachments[0].content_type == EmailAttachment.workbookType)
        // The zipped CSVs are the files on disk after a UTF-8 BOM (contract §5, csv_bom: email).
        let byteOrderMark = Data([0xEF, 0xBB, 0xBF])
        #expect(message.attachments[1].zip_entries == [
            "by_day.csv": sha256(byteOrderMark + (try Data(contentsOf: URL(fileURLWithPath: folder.path + "/by_day.csv")))),
            "by_operator.csv": sha256(byteOrderMark + (try Data(contentsOf: URL(fileURLWithPath: folder.path + "/by_operator.csv")))),
        ])
        #expect(message.defects == 0)
        // 80: the workbook's Content-Type, whose MIME type has no space to fold at.
        #expect(message.longest_line <= 80)
        #expect(message.bare_line_feeds == 0)
    }

    @Test func authLoginOverImplicitTLS() async throws {
        let server = try SMTPTestServer(mode: "tls", options: ["--auth", "\(Self.user):\(Self.password)", "--auth-mechanisms", "LOGIN"])
        let settings = Self.fast(SMTPServerSettings(
            host: "127.0.0.1", port: server.port, security: .tls,
            credentials: SMTPCredentials(username: Self.user, password: SMTPPassword(Self.password)), caFile: server.caFile))
        try await SMTPClient(settings: settings).send(MIMEMessage.render(MIMEFixtures.message()).bytes,
                                                      envelope: try MIMEFixtures.message().envelope())
        let received = try server.received()
        try #require(received.count == 1)
        #expect(received[0].envelope.tls)
        #expect(received[0].envelope.authenticated_as == Self.user)
        #expect(received[0].message.attachments.map(\.sha256) == MIMEFixtures.message().attachments.map { sha256($0.data) })
        #expect(lf(received[0].message.text) == MIMEFixtures.message().textBody, "dot-stuffed lines arrive unchanged")
    }

    @Test func serverWithoutEHLOGetsHELO() async throws {
        let server = try SMTPTestServer(options: ["--no-ehlo"])
        let settings = Self.fast(SMTPServerSettings(host: "127.0.0.1", port: server.port, security: .none))
        try await SMTPClient(settings: settings).send(MIMEMessage.render(MIMEFixtures.message()).bytes,
                                                      envelope: try MIMEFixtures.message().envelope())
        #expect(try server.received().count == 1)
    }

    /// Issue 20: a tool that is stopping gives up a session that has not sent its
    /// message yet: QUIT before MAIL FROM, nothing delivered, a typed error.
    @Test func aSessionGivenUpBeforeTheMessageDeliversNothing() async throws {
        let server = try SMTPTestServer(options: [])
        let settings = Self.fast(SMTPServerSettings(host: "127.0.0.1", port: server.port, security: .none))
        await #expect(throws: SMTPError.abandoned) {
            try await SMTPClient(settings: settings).send(envelope: try MIMEFixtures.message().envelope()) { _ in nil }
        }
        #expect(try server.received().isEmpty)
    }

    @Test func refusedRecipientIsNotRetriedAndQuotesTheServer() async throws {
        let server = try SMTPTestServer(options: ["--refuse-rcpt", "bjorn@acme.example"])
        let settings = Self.fast(SMTPServerSettings(host: "127.0.0.1", port: server.port, security: .none))
        let retry = RetryPolicy(retries: 3, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(5))
        let error = await #expect(throws: EmailDeliveryError.self) {
            try await EmailDelivery(settings: settings, retry: retry).deliver(try email(reportFolder()), maximumBytes: nil)
        }
        guard case .sendFailed(let attempts, .rejected(.recipient("bjorn@acme.example"), let reply))? = error else {
            Issue.record("expected a refused recipient, got \(String(describing: error))")
            return
        }
        #expect(attempts == 1, "a 5xx refusal is permanent")
        #expect(reply.code == 550)
        #expect(error?.exitStatus == .deliveryFailed)
        #expect(error?.description.contains("refused RCPT TO:<bjorn@acme.example>: 550 5.1.1 <bjorn@acme.example>: Recipient address rejected") == true)
        #expect(try server.received().isEmpty, "nobody gets a copy the others miss")
    }

    @Test func serverDownFailsAfterTheRetries() async throws {
        let port = try SilentListener.closedPort()
        let settings = Self.fast(SMTPServerSettings(host: "127.0.0.1", port: port, security: .starttls))
        let retry = RetryPolicy(retries: 2, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(5))
        let error = await #expect(throws: EmailDeliveryError.self) {
            try await EmailDelivery(settings: settings, retry: retry).deliver(try email(reportFolder()), maximumBytes: nil)
        }
        guard case .sendFailed(3, .connectionFailed(host: "127.0.0.1", port: port, _))? = error else {
            Issue.record("expected 3 failed connections, got \(String(describing: error))")
            return
        }
        #expect(error?.exitStatus == .deliveryFailed)
        #expect(error?.description.hasPrefix("email not delivered after 3 attempts: cannot connect to the SMTP server 127.0.0.1:\(port)") == true)
    }

    @Test func wrongPasswordFailsWithoutShowingIt() async throws {
        let server = try SMTPTestServer(mode: "starttls", options: ["--auth", "\(Self.user):\(Self.password)"])
        let wrong = "not-the-Pa55word"
        let settings = Self.fast(SMTPServerSettings(
            host: "127.0.0.1", port: server.port, security: .starttls,
            credentials: SMTPCredentials(username: Self.user, password: SMTPPassword(wrong)), caFile: server.caFile))
        let retry = RetryPolicy(retries: 3, baseDelay: .milliseconds(1), maximumDelay: .milliseconds(5))
        let error = await #expect(throws: EmailDeliveryError.self) {
            try await EmailDelivery(settings: settings, retry: retry).deliver(try email(reportFolder()), maximumBytes: nil)
        }
        guard case .sendFailed(1, .authenticationFailed(let reply))? = error else {
            Issue.record("expected refused credentials on the first attempt, got \(String(describing: error))")
            return
        }
        #expect(reply.code == 535)
        let shown = [String(describing: error), String(reflecting: error), error?.description ?? ""].joined()
        let plain = Data("\u{0}\(Self.user)\u{0}\(wrong)".utf8).base64EncodedString()
        #expect(!shown.contains(wrong) && !shown.contains(plain) && !shown.contains(Data(wrong.utf8).base64EncodedString()))
        #expect(try server.received().isEmpty)
    }

    @Test func certificateIsVerifiedUnlessTurnedOff() async throws {
        let server = try SMTPTestServer(mode: "starttls")
        let message = MIMEMessage.render(MIMEFixtures.message()).bytes
        let envelope = try MIMEFixtures.message().envelope()
        let verifying = Self.fast(SMTPServerSettings(host: "127.0.0.1", port: server.port, security: .starttls))
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient(settings: verifying).send(message, envelope: envelope)
        }
        guard case .tlsFailed? = error else {
            Issue.record("a self-signed certificate must fail verification, got \(String(describing: error))")
            return
        }
        #expect(try server.received().isEmpty)

        var unverified = verifying
        unverified.tlsVerify = false
        try await SMTPClient(settings: unverified).send(message, envelope: envelope)
        #expect(try server.received().count == 1)
    }

    @Test func silentServerTimesOut() async throws {
        let listener = try SilentListener()
        var settings = SMTPServerSettings(host: "127.0.0.1", port: listener.port, security: .none)
        settings.timeouts = SMTPTimeouts(connect: .seconds(2), command: .milliseconds(300), messageAccepted: .seconds(1))
        let started = ContinuousClock.now
        let error = await #expect(throws: SMTPError.self) {
            try await SMTPClient(settings: settings).send(Array("Subject: x\r\n\r\nx\r\n".utf8),
                                                          envelope: try SMTPEnvelope(sender: "a@b.example", recipients: ["c@d.example"]))
        }
        #expect(error == .timedOut(step: .greeting, after: .milliseconds(300)))
        #expect(ContinuousClock.now - started < .seconds(20), "well before the default 60 s")
    }

    /// Delivers the report folder's email through a server started with `options`,
    /// within `maximumBytes`; returns the receipt and what the server accepted.
    private func deliver(_ folder: TemporaryFolder, maximumBytes: Int?, server options: [String]) async throws
        -> (receipt: EmailDelivery.Receipt, received: [SMTPTestServer.Received], raw: [Data]) {
        let server = try SMTPTestServer(options: options)
        let settings = Self.fast(SMTPServerSettings(host: "127.0.0.1", port: server.port, security: .none))
        let receipt = try await EmailDelivery(settings: settings, retry: Self.noRetries)
            .deliver(try email(folder), maximumBytes: maximumBytes)
        return (receipt, try server.received(), try server.rawMessages())
    }

    /// The raw files pass the old check (40,000 + zip < limit) but base64 makes the
    /// message larger than the limit: both files are left out, and the note says so.
    @Test func sizeGuardMeasuresTheEncodedMessageNotTheFiles() async throws {
        let folder = try reportFolder()
        let files = try email(folder).composed(within: MessageSizeLimit(configured: nil), date: Date(), timeZone: .current)
            .message.attachments.reduce(0) { $0 + $1.data.count }
        let limit = files + 2_000
        let (receipt, received, raw) = try await deliver(folder, maximumBytes: limit, server: [])
        try #require(received.count == 1)
        let message = received[0].message
        #expect(message.attachments.isEmpty)
        #expect(raw[0].count <= limit, "the message as sent is within the limit")
        #expect(receipt.byteCount == raw[0].count, "the measured size is the size received")
        let text = try #require(lf(message.text))
        #expect(text.hasPrefix("These files were left out of this email because with them it would be larger than 42 kB, the limit of max_attachments_mb:"))
        #expect(text.contains("report.xlsx (40 kB) is on disk at \(folder.path)/report.xlsx"))
        #expect(text.contains("the CSV files are on disk in \(folder.path)/"))
        #expect(text.hasSuffix(Self.text))
        let html = try #require(lf(message.html))
        #expect(html.contains("report.xlsx (40 kB) is on disk at \(folder.path)/report.xlsx"))
    }

    /// A server that advertises SIZE: the message is composed within it, and MAIL FROM
    /// declares its size. The zip alone is left out when the workbook still fits.
    @Test func serverSIZEIsTheLimitAndMailFromDeclaresTheSize() async throws {
        let folder = try reportFolder()
        // A zip that is much larger than the note that replaces it.
        try folder.write(MIMEFixtures.randomBytes(6_000, seed: 3).base64EncodedString(), to: "deliveries.csv")
        let full = try email(folder).composed(within: MessageSizeLimit(configured: nil), date: Date(), timeZone: .current)
        #expect(try #require(full.message.attachments.last).data.count > 5_000)
        let size = MIMEMessage.encodedSize(of: full.message, date: Date(), timeZone: .current) - 40
        let (receipt, received, raw) = try await deliver(folder, maximumBytes: 10_000_000, server: ["--size", "\(size)"])
        try #require(received.count == 1)
        #expect(received[0].message.attachments.map(\.filename) == ["report.xlsx"])
        #expect(received[0].envelope.mail_options == ["SIZE=\(raw[0].count)"])
        #expect(raw[0].count <= size)
        #expect(receipt.sent.plan.leftOut.map(\.fileName) == ["report-csv.zip"])
        #expect(receipt.sent.plan.reasonText == "with them it would be larger than \(AttachmentPlan.megabytesText(size)), the mail server's limit (SIZE \(size))")
        #expect(lf(received[0].message.text)?.contains("report-csv.zip (") == true)
    }

    /// A server that advertises no SIZE but refuses the message as too big (552 5.3.4)
    /// gets it once more without attachments, with the note; that is a delivery.
    @Test func messageRefusedAsTooBigIsSentOnceMoreWithoutAttachments() async throws {
        let folder = try reportFolder()
        let (receipt, received, _) = try await deliver(folder, maximumBytes: nil,
                                                       server: ["--size", "0", "--refuse-over", "20000"])
        try #require(received.count == 1)
        #expect(received[0].envelope.mail_options.isEmpty, "no SIZE= to a server that does not offer SIZE")
        #expect(received[0].message.attachments.isEmpty)
        #expect(receipt.attempts == 2)
        #expect(receipt.sent.plan.leftOut.map(\.fileName) == ["report-csv.zip", "report.xlsx"])
        let text = try #require(lf(received[0].message.text))
        #expect(text.hasPrefix("These files were left out of this email because the mail server refused it as too big with them (552 5.3.4 Message size exceeds fixed maximum message size):"))
        #expect(text.contains("report.xlsx (40 kB) is on disk at \(folder.path)/report.xlsx"))
        #expect(text.hasSuffix(Self.text))
    }

    /// Only a refusal of the message without attachments fails the delivery (exit 4).
    @Test func refusalOfTheMessageWithoutAttachmentsIsADeliveryFailure() async throws {
        let folder = try reportFolder()
        let error = await #expect(throws: EmailDeliveryError.self) {
            _ = try await self.deliver(folder, maximumBytes: nil, server: ["--size", "0", "--refuse-over", "100"])
        }
        guard case .sendFailed(2, .messageTooBig(.message, let reply))? = error else {
            Issue.record("expected the second message to be refused too, got \(String(describing: error))")
            return
        }
        #expect(reply.code == 552)
        #expect(error?.exitStatus == .deliveryFailed)
    }

    /// A limit below even the bare bodies: the smallest message is still sent, with the notes.
    @Test func limitBelowTheBodiesStillSendsTheBodiesWithTheNote() async throws {
        let folder = try reportFolder()
        let (receipt, received, _) = try await deliver(folder, maximumBytes: 100, server: [])
        try #require(received.count == 1)
        #expect(received[0].message.attachments.isEmpty)
        #expect(receipt.attempts == 1)
        let text = try #require(lf(received[0].message.text))
        #expect(text.hasPrefix("These files were left out of this email because with them it would be larger than 1 kB, the limit of max_attachments_mb:"))
        #expect(text.hasSuffix(Self.text))
    }

    @Test func nonASCIIFileNamesAndSubjectsReadBackWithPythonEmail() throws {
        let names = ["रिपोर्ट · नोभेम्बर २०२५ — धेरै लामो फाइलको नाम, जुन धेरै लाइनमा जान्छ.xlsx",
                     "rapport \"été\"; données.zip", "plain-name.csv"]
        let subject = "[INCOMPLETE] SMS report · कम्पनी · 2025-11 · 96.2% delivered · " + String(repeating: "long ", count: 12)
        var message = MIMEFixtures.message(attachments: names.enumerated().map { index, name in
            EmailAttachment(fileName: name, contentType: "application/octet-stream",
                            data: MIMEFixtures.randomBytes(100 + index, seed: UInt64(index)))
        })
        message.subject = subject
        let out = try TemporaryFolder()
        let path = try EmailDryRun.write(message, folder: out.path, account: "acme", period: "2025-11")
        let inspected = try SMTPTestServer.inspect(file: path)
        #expect(inspected.attachments.map(\.filename) == names)
        #expect(inspected.subject == subject)
        #expect(inspected.from == "SMS Reports <reports@example.com>")
        #expect(inspected.defects == 0)
    }

    @Test func dryRunFileReadsBackLikeASentMessage() throws {
        let folder = try reportFolder()
        let out = try TemporaryFolder()
        let email = try composed(folder)
        let path = try EmailDryRun.write(email.message, folder: out.path, account: "acme", period: "2025-11-04")
        let message = try SMTPTestServer.inspect(file: path)
        #expect(message.subject == MIMEFixtures.subject)
        #expect(message.to == ["ops@acme.example", "bjorn@acme.example", "finance@acme.example"])
        #expect(lf(message.text) == Self.text)
        #expect(lf(message.html) == Self.html)
        #expect(message.attachments.map(\.sha256) == email.message.attachments.map { sha256($0.data) })
        #expect(message.defects == 0)
    }
}
