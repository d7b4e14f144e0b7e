import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written with plain POSIX calls. Foundation's `Data.write(to:)` syncs every
/// file to disk, which makes a snapshot of 20,000 files several times slower; a
/// snapshot is renamed into place when done, so it needs no per-file sync.
struct OutputFile {
    private let descriptor: Int32
    private let path: String

    /// Creates the file at `url`, or empties it when it exists.
    init(url: URL) throws {
        path = url.path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure("cannot create", path) }
    }

    /// Writes `bytes` as the whole content of the file at `url`, replacing it.
    static func save(_ bytes: [UInt8], to url: URL) throws {
        let file = try OutputFile(url: url)
        do {
            try file.append(bytes)
        } catch {
            try? file.close()
            throw error
        }
        try file.close()
    }

    /// Writes all of `bytes` at the end of the file.
    func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Self.failure("cannot write", path)
                }
                offset += written
            }
        }
    }

    /// Closes the file.
    func close() throws {
        guard systemClose(descriptor) == 0 else { throw Self.failure("cannot close", path) }
    }

    private static func failure(_ action: String, _ path: String) -> OutputFileError {
        OutputFileError(description: "\(action) \(path): \(String(cString: strerror(errno)))")
    }
}

/// Why a file could not be written: one line with the path and the system's reason.
package struct OutputFileError: Error, Sendable, CustomStringConvertible {
    /// The action, the path and the reason, such as `cannot create /x/y: Permission denied`.
    package let description: String
}

/// A long file written in chunks from a reused byte buffer, so that it never sits in
/// memory whole.
struct ChunkedFile {
    private let file: OutputFile
    /// The bytes not yet written; append to it, then call ``flushIfFull()``.
    var buffer: [UInt8] = []
    private let chunkSize = 1 << 20

    /// Creates (or empties) the file at `url`.
    init(url: URL) throws {
        file = try OutputFile(url: url)
        buffer.reserveCapacity(chunkSize + 64 * 1024)
    }

    /// Writes the buffer out once it holds a chunk's worth.
    mutating func flushIfFull() throws {
        if buffer.count >= chunkSize {
            try file.append(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Writes what is left and closes the file.
    mutating func finish() throws {
        try file.append(buffer)
        buffer.removeAll()
        try file.close()
    }
}

/// `write(2)`, named apart from the methods above.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}

/// `close(2)`, named apart from the methods above.
private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
