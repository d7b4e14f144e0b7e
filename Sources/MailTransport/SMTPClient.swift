import Foundation
import Logging
import MailCore
import NIOCore
import NIOPosix
import NIOSSL

/// Sends one message to one SMTP server over SwiftNIO, with TLS from swift-nio-ssl.
/// The protocol lives in ``SMTPSession``; this type opens the connection, sets up
/// TLS and waits for the session's outcome. One call is one attempt: retries are
/// the caller's job (`EmailDelivery` in SMSRun).
package struct SMTPClient: Sendable {
    /// The server and how to reach it.
    package let settings: SMTPServerSettings
    private let logger: Logger

    /// A client for `settings`, logging steps at debug level (never a password).
    package init(settings: SMTPServerSettings, logger: Logger = Logger(label: "sms-report.smtp")) {
        self.settings = settings
        self.logger = logger
    }

    /// Sends `message` (an RFC 5322 message with CRLF line endings, e.g. from
    /// ``MIMEMessage/render(_:date:timeZone:)``) to the envelope's recipients.
    package func send(_ message: [UInt8], envelope: SMTPEnvelope) async throws(SMTPError) {
        try await send(envelope: envelope) { _ in message }
    }

    /// Sends the message that `composeMessage` makes once the server has answered
    /// EHLO, so that it can fit the server's ``SMTPCapabilities/maximumMessageSize``
    /// (RFC 1870). It is called on the connection's event loop, once per attempt,
    /// and returns an RFC 5322 message with CRLF line endings, or nil to give the
    /// session up before `MAIL FROM` (``SMTPError/abandoned``: QUIT, nothing sent).
    package func send(envelope: SMTPEnvelope,
                      composeMessage: @escaping @Sendable (SMTPCapabilities) -> [UInt8]?) async throws(SMTPError) {
        let tlsContext = try makeTLSContext()
        let settings = self.settings
        let logger = self.logger
        let session = SMTPSession(envelope: envelope, security: settings.security,
                                  credentials: settings.credentials, helloName: settings.helloName)
        let serverHostname = Self.isIPAddress(settings.host) ? nil : settings.host
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let completion = eventLoop.makePromise(of: Void.self)
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(TimeAmount(settings.timeouts.connect))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let makeTLSHandler = {
                        // tlsContext is set whenever security is not `none`, the only case that asks for TLS.
                        try NIOSSLClientHandler(context: tlsContext!, serverHostname: serverHostname)
                    }
                    if settings.security == .tls {
                        try channel.pipeline.syncOperations.addHandler(try makeTLSHandler())
                    }
                    try channel.pipeline.syncOperations.addHandler(SMTPClientHandler(
                        session: session, composeMessage: composeMessage, timeouts: settings.timeouts,
                        makeTLSHandler: makeTLSHandler, completion: completion, logger: logger))
                }
            }
        logger.debug("SMTP: connecting to \(settings.host):\(settings.port) (\(settings.security.rawValue))")
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: settings.host, port: settings.port).get()
        } catch {
            let failure = SMTPError.connectionFailed(host: settings.host, port: settings.port,
                                                     reason: Self.describe(error))
            completion.fail(failure)
            throw failure
        }
        do {
            try await completion.futureResult.get()
        } catch let error as SMTPError {
            try? await channel.closeFuture.get()
            throw error
        } catch {
            throw .connectionClosed(step: .connect)
        }
        try? await channel.closeFuture.get()
    }

    /// The TLS context for STARTTLS or TLS, nil for `none`. Verification is on
    /// unless ``SMTPServerSettings/tlsVerify`` is false, which is logged as a warning.
    private func makeTLSContext() throws(SMTPError) -> NIOSSLContext? {
        guard settings.security != .none else {
            if settings.credentials != nil {
                logger.warning("SMTP security is none: the password goes to \(settings.host) without encryption")
            }
            return nil
        }
        var configuration = TLSConfiguration.makeClientConfiguration()
        if !settings.tlsVerify {
            logger.warning("TLS certificate verification is off for the SMTP server \(settings.host) (tls_verify: false); use this only with a test server")
            configuration.certificateVerification = .none
        }
        if let caFile = settings.caFile {
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw .tlsFailed(reason: "cannot read the CA file \(caFile)")
            }
            configuration.trustRoots = .file(caFile)
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .tlsFailed(reason: "cannot set up TLS: \(error)")
        }
    }

    private static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    private static func describe(_ error: any Error) -> String {
        if let connectError = error as? NIOConnectionError, let first = connectError.connectionErrors.first {
            return String(describing: first.error)
        }
        return String(describing: error)
    }
}
