import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The Python SMTP test server (`Tests/integration/smtp_server.py`, aiosmtpd) on
/// 127.0.0.1, started for one test and stopped when the value goes away. What it
/// received is read back with Python's `email` package, an independent MIME reader.
final class SMTPTestServer {
    /// What the server saved for one message, as Python read it.
    struct Received: Decodable {
        struct Envelope: Decodable {
            let mail_from: String
            let rcpt_tos: [String]
            let mail_options: [String]
            let authenticated_as: String?
            let tls: Bool
        }

        let envelope: Envelope
        let message: InspectedMessage
    }

    /// What Python's `email` package reads from a message (`inspect_message`).
    struct InspectedMessage: Decodable {
        struct Attachment: Decodable {
            let filename: String
            let content_type: String
            let size: Int
            let sha256: String
            let zip_entries: [String: String]?
        }

        let from: String
        let to: [String]
        let subject: String
        let date: String
        let message_id: String
        let structure: [String]
        let text: String?
        let html: String?
        let attachments: [Attachment]
        let defects: Int
        let longest_line: Int
        let bare_line_feeds: Int
    }

    static let script = PackagePaths.root + "/Tests/integration/smtp_server.py"

    let port: Int
    let caFile: String?
    private let folder: TemporaryFolder
    private let process = Process()
    private let input = Pipe()

    /// Starts the server: `mode` is plain, starttls or tls; `options` are more
    /// `serve` options (`--auth`, `--refuse-rcpt`, `--no-ehlo` …).
    init(mode: String = "plain", options: [String] = []) throws {
        folder = try TemporaryFolder()
        let output = Pipe()
        let errors = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, "serve", "--out", folder.path, "--mode", mode] + options
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty {
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                throw ServerFailed(message: "smtp_server.py did not start: \(message)")
            }
            line += chunk
        }
        struct Ready: Decodable {
            let port: Int
            let ca_file: String?
        }
        let ready = try JSONDecoder().decode(Ready.self, from: line)
        port = ready.port
        caFile = ready.ca_file
    }

    /// Every message the server accepted, in order, as Python's `email` reads it.
    func received() throws -> [Received] {
        try JSONDecoder().decode([Received].self, from: Self.python(["inspect", "--out", folder.path]))
    }

    /// The bytes of every message the server accepted, in order, as received.
    func rawMessages() throws -> [Data] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".eml") }.sorted()
            .map { try Data(contentsOf: URL(fileURLWithPath: folder.path + "/" + $0)) }
    }

    /// What Python's `email` reads from the message file at `path`.
    static func inspect(file path: String) throws -> InspectedMessage {
        try JSONDecoder().decode(InspectedMessage.self, from: python(["inspect", "--file", path]))
    }

    private static func python(_ arguments: [String]) throws -> Data {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServerFailed(message: "smtp_server.py \(arguments.joined(separator: " ")) failed")
        }
        return data
    }

    struct ServerFailed: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    deinit {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// A TCP port on 127.0.0.1 that listens but never answers: the kernel completes
/// connections into the backlog, nobody reads or writes. For timeout tests.
final class SilentListener {
    let port: Int
    private let descriptor: Int32

    init() throws {
        let listening = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listening, socketAddress, length) == 0 && listen(listening, 8) == 0
                    && getsockname(listening, socketAddress, &length) == 0
            }
        }
        guard listening >= 0, bound else {
            close(listening)
            throw SMTPTestServer.ServerFailed(message: "cannot listen on 127.0.0.1")
        }
        descriptor = listening
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// A port that nothing listens on (bound, then closed).
    static func closedPort() throws -> Int {
        let listener = try SilentListener()
        return listener.port
    }

    deinit {
        close(descriptor)
    }
}
