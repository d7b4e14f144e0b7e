#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a file under a temporary name in its final folder, through a large buffer,
/// and renames it into place only when it is complete (contract §6). Until
/// ``commit()`` no file exists under the final name; ``abandon()`` removes the
/// temporary file.
///
/// The temporary name is unique (``TemporaryName``) and created exclusively without
/// following symbolic links (`O_CREAT | O_EXCL | O_NOFOLLOW`), so a link planted at
/// a guessed name is never written through. ``commit()`` syncs the file and then
/// its folder: a renamed file is on disk whole.
package struct AtomicFileWriter: ~Copyable {
    /// The final path.
    package let path: String
    private let temporaryPath: String
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var isFinished = false
    private static let flushThreshold = 1 << 20

    /// Opens a temporary file beside `path`.
    package init(path: String) throws(ReportError) {
        self.path = path
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        temporaryPath = "\(folder)/\(TemporaryName.make(for: name, kind: .file))"
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .outputFailed(path: path, reason: String(cString: strerror(errno)))
        }
        buffer.reserveCapacity(Self.flushThreshold + 64 * 1024)
    }

    /// Appends bytes built by `body` to the buffer, flushing it when it is large.
    package mutating func write(_ body: (inout [UInt8]) -> Void) throws(ReportError) {
        body(&buffer)
        if buffer.count >= Self.flushThreshold {
            try flush()
        }
    }

    /// Writes `bytes` after what is buffered. A large block already made on its own (a
    /// chunk of formatted rows) is written from where it is instead of being copied
    /// into the buffer first.
    package mutating func write(contentsOf bytes: [UInt8]) throws(ReportError) {
        guard bytes.count >= Self.directWriteMinimum else {
            try write { $0.append(contentsOf: bytes) }
            return
        }
        try flush()
        let descriptor = descriptor
        try check(bytes.withUnsafeBytes { Self.writeAll($0, to: descriptor) })
    }

    /// Blocks at least this large skip the buffer.
    private static let directWriteMinimum = flushThreshold / 4

    /// Writes what is buffered, syncs and closes the file, renames it to its final
    /// name and syncs the folder.
    /// - Parameter syncingFolder: false for a file in a staging folder that is synced
    ///   once before it is renamed into place (a snapshot's pages): the file's data is
    ///   still synced here, and one folder sync then covers every rename in it.
    package consuming func commit(syncingFolder: Bool = true) throws(ReportError) {
        do {
            try flush()
            try FileDurability.sync(descriptor: descriptor, path: path)
        } catch {
            abandonFile()
            throw error
        }
        isFinished = true
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw .outputFailed(path: path, reason: reason)
        }
        do {
            try FileDurability.rename(temporaryPath, to: path, syncingFolder: syncingFolder)
        } catch {
            unlink(temporaryPath)
            throw error
        }
    }

    /// Closes and removes the temporary file.
    package consuming func abandon() {
        abandonFile()
    }

    private mutating func abandonFile() {
        guard !isFinished else { return }
        isFinished = true
        close(descriptor)
        unlink(temporaryPath)
    }

    private mutating func flush() throws(ReportError) {
        let descriptor = descriptor
        try check(buffer.withUnsafeBytes { Self.writeAll($0, to: descriptor) })
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes every byte of `bytes`, however many calls it takes; returns the system's
    /// error number when writing fails, nil when all is written.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            // safe: the loop runs only while `bytes` is non-empty, so it has a base address.
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// Throws the output error for a failed write's error number.
    private func check(_ failure: Int32?) throws(ReportError) {
        if let failure {
            throw .outputFailed(path: path, reason: String(cString: strerror(failure)))
        }
    }

    deinit {
        if !isFinished {
            close(descriptor)
            unlink(temporaryPath)
        }
    }
}
