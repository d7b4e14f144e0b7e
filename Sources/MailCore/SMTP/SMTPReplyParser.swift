/// Reads SMTP replies from the bytes a server sends, in whatever pieces they arrive
/// (RFC 5321 §4.2). Lines end in CRLF (a bare LF is accepted); a line whose code is
/// followed by `-` continues the reply, one followed by a space or nothing ends it.
package struct SMTPReplyParser {
    /// The longest reply line accepted; RFC 5321 allows 512 bytes, servers send less.
    package static let maximumLineLength = 4096
    /// The most lines in one reply (EHLO lists a few dozen at most).
    package static let maximumLineCount = 256

    private var buffer: [UInt8] = []
    private var scanned = 0
    private var pendingCode: Int?
    private var pendingLines: [String] = []

    /// A parser that has read nothing yet.
    package init() {}

    /// Whether bytes have arrived that are not yet part of a whole reply. After the
    /// 220 answer to STARTTLS this must be false: bytes already buffered would have
    /// been sent in clear text before the handshake (a STARTTLS injection).
    package var hasBufferedBytes: Bool { !buffer.isEmpty || pendingCode != nil }

    /// Adds bytes received from the server.
    package mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next whole reply, or nil when more bytes are needed.
    package mutating func nextReply() throws(SMTPError) -> SMTPReply? {
        while let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
            var end = newline
            if end > 0, buffer[end - 1] == UInt8(ascii: "\r") {
                end -= 1
            }
            let line = Array(buffer[0..<end])
            buffer.removeSubrange(0...newline)
            scanned = 0
            if let reply = try take(line) {
                return reply
            }
        }
        scanned = buffer.count
        if buffer.count > Self.maximumLineLength {
            throw .malformedReply(reason: "a reply line is longer than \(Self.maximumLineLength) bytes")
        }
        return nil
    }

    private mutating func take(_ line: [UInt8]) throws(SMTPError) -> SMTPReply? {
        guard line.count >= 3, line[0..<3].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(line[0]) else {
            throw .malformedReply(reason: "a reply line does not start with a reply code: \(Self.quoted(line))")
        }
        let code = line[0..<3].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        if let pendingCode, pendingCode != code {
            throw .malformedReply(reason: "a multi-line reply changes its code from \(pendingCode) to \(code)")
        }
        let separator = line.count > 3 ? line[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            throw .malformedReply(reason: "a reply code is not followed by a space or '-': \(Self.quoted(line))")
        }
        pendingLines.append(String(decoding: line.dropFirst(4), as: UTF8.self))
        guard separator == UInt8(ascii: " ") else {
            pendingCode = code
            if pendingLines.count > Self.maximumLineCount {
                throw .malformedReply(reason: "a reply has more than \(Self.maximumLineCount) lines")
            }
            return nil
        }
        let reply = SMTPReply(code: code, lines: pendingLines)
        pendingCode = nil
        pendingLines = []
        return reply
    }

    private static func quoted(_ line: [UInt8]) -> String {
        SMTPReply(code: 0, lines: [String(decoding: line.prefix(80), as: UTF8.self)]).text
    }
}
