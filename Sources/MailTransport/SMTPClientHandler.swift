import Logging
import MailCore
import NIOCore
import NIOSSL
import NIOTLS

/// Carries out an ``SMTPSession`` on a channel: it parses the server's bytes into
/// replies, feeds them to the session, writes the commands the session asks for,
/// adds TLS for STARTTLS, and arms a timer for every step. It completes
/// `completion` exactly once: with success when the message was accepted, or with
/// the ``SMTPError`` that ended the session.
package final class SMTPClientHandler: ChannelInboundHandler {
    package typealias InboundIn = ByteBuffer
    package typealias OutboundOut = ByteBuffer

    private var session: SMTPSession
    private var parser = SMTPReplyParser()
    private let composeMessage: (SMTPCapabilities) -> [UInt8]?
    private var payload: [UInt8] = []
    private let timeouts: SMTPTimeouts
    private let makeTLSHandler: () throws -> NIOSSLClientHandler
    private let completion: EventLoopPromise<Void>
    private let logger: Logger
    private var timer: Scheduled<Void>?
    private var isCompleted = false

    /// A handler for one session; `composeMessage` makes the message (with CRLF line
    /// endings, not yet dot-stuffed) for the server's capabilities once EHLO is
    /// answered, and `makeTLSHandler` makes the TLS handler added after STARTTLS.
    package init(session: SMTPSession, composeMessage: @escaping (SMTPCapabilities) -> [UInt8]?, timeouts: SMTPTimeouts,
         makeTLSHandler: @escaping () throws -> NIOSSLClientHandler,
         completion: EventLoopPromise<Void>, logger: Logger) {
        self.session = session
        self.composeMessage = composeMessage
        self.timeouts = timeouts
        self.makeTLSHandler = makeTLSHandler
        self.completion = completion
        self.logger = logger
    }

    package func channelActive(context: ChannelHandlerContext) {
        armTimer(context: context, timeout: timeouts.command)
        context.fireChannelActive()
    }

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        parser.append(buffer.readableBytesView)
        do {
            while !isCompleted, let reply = try parser.nextReply() {
                logger.debug("SMTP server: \(session.redactingCredentials(reply))")
                cancelTimer()
                perform(session.receive(reply), context: context)
            }
        } catch {
            perform(session.fail(error), context: context)
        }
    }

    package func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted? = event as? TLSUserEvent, session.step == .tlsHandshake {
            logger.debug("SMTP: TLS established")
            cancelTimer()
            perform(session.tlsEstablished(), context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    package func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !isCompleted else { return }
        if session.messageAccepted {
            // The message was accepted; a server that then drops the connection
            // (or ends TLS uncleanly) before answering QUIT does not undo that.
            complete(.success(()))
            context.close(promise: nil)
            return
        }
        if error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError {
            perform(session.fail(.tlsFailed(reason: String(describing: error))), context: context)
        } else {
            logger.debug("SMTP: connection error during \(session.step): \(error)")
            perform(session.fail(.connectionClosed(step: session.step)), context: context)
        }
    }

    package func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        if session.messageAccepted {
            complete(.success(()))
        } else {
            complete(.failure(.connectionClosed(step: session.step)))
        }
        context.fireChannelInactive()
    }

    package func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
        complete(.failure(.connectionClosed(step: session.step)))
    }

    private func perform(_ action: SMTPSession.Action, context: ChannelHandlerContext) {
        switch action {
        case .send(let command):
            logger.debug("SMTP client: \(command.loggedLine)")
            write(command.wireBytes, context: context)
            armTimer(context: context, timeout: timeouts.command)
        case .composeMessage:
            guard let message = composeMessage(session.capabilities) else {
                perform(session.fail(.abandoned), context: context)
                return
            }
            payload = SMTPMessageData.dotStuffed(message)
            perform(session.messageComposed(byteCount: message.count), context: context)
        case .sendMessage:
            logger.debug("SMTP client: message of \(payload.count) bytes")
            write(payload, context: context)
            armTimer(context: context, timeout: timeouts.messageAccepted)
        case .startTLS:
            guard !parser.hasBufferedBytes else {
                perform(session.fail(.malformedReply(reason: "the server sent more after its 220 to STARTTLS")),
                        context: context)
                return
            }
            do {
                try context.pipeline.syncOperations.addHandler(try makeTLSHandler(), position: .first)
                armTimer(context: context, timeout: timeouts.command)
            } catch {
                perform(session.fail(.tlsFailed(reason: String(describing: error))), context: context)
            }
        case .finished:
            complete(.success(()))
            context.close(promise: nil)
        case .fail(let error):
            complete(.failure(error))
            let channel = context.channel
            if channel.isActive {
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: SMTPCommand.quit.wireBytes)))
                    .whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }

    private func write(_ bytes: [UInt8], context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
    }

    private func armTimer(context: ChannelHandlerContext, timeout: Duration) {
        cancelTimer()
        let step = session.step
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(timeout)) {
            self.complete(.failure(.timedOut(step: step, after: timeout)))
            context.close(promise: nil)
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
    }

    private func complete(_ result: Result<Void, SMTPError>) {
        guard !isCompleted else { return }
        isCompleted = true
        cancelTimer()
        switch result {
        case .success:
            completion.succeed(())
        case .failure(let error):
            logger.debug("SMTP: session failed: \(error)")
            completion.fail(error)
        }
    }
}
