import Foundation
import SMSSupport

/// The advisory lock that keeps two `run`s of one config from overlapping
/// (contract §8 "Lock"): `flock` on `<config>.lock`.
///
/// The kernel drops a `flock` when its holder's last descriptor closes, including
/// when the process dies, so a lock file left behind by a crashed run never blocks
/// the next night: only a living process holds the lock.
package final class RunLock: Sendable {
    /// The lock file's path.
    package let path: String
    private let descriptor: Int32

    /// Takes the lock at once or throws ``RunLockError/held(path:holder:)``; never waits.
    /// The holder's process id is written over the file's first line, for the message
    /// of the run that is refused; the file is never truncated, and a symbolic link
    /// at `path` is refused.
    package init(path: String) throws(RunLockError) {
        self.path = path
        // Never O_TRUNC and never through a symbolic link: the lock file is only ever
        // locked, and its first line overwritten with the holder's id.
        var descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == EACCES {
            // A lock file set up by an administrator in a folder the job cannot write:
            // flock works as well on a descriptor open for reading.
            descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard descriptor >= 0 else {
            throw .unusable(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            let holder = Self.recordedHolder(descriptor)
            close(descriptor)
            throw busy ? .held(path: path, holder: holder) : .unusable(path: path, reason: reason)
        }
        _ = Self.holderLine.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    /// Lets the next run in. The lock file stays: removing it could let two runs
    /// lock two different files of the same name.
    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// This process's id as the lock file's first line, padded with spaces to a fixed
    /// width so that it covers any earlier id without truncating the file.
    private static var holderLine: [UInt8] {
        let pid = "\(getpid())"
        return Array((pid + String(repeating: " ", count: max(0, holderWidth - pid.count)) + "\n").utf8)
    }

    /// The width of the holder's id in the lock file (an `Int32` has at most 11 characters).
    private static let holderWidth = 11

    private static func recordedHolder(_ descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0, let line = bytes[..<count].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).first else {
            return nil
        }
        return Int32(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces))
    }
}

/// Why `run` could not take its lock.
package enum RunLockError: ToolError, Sendable, Equatable {
    /// Another living process holds the lock (exit 6).
    case held(path: String, holder: Int32?)
    /// The lock file cannot be opened or locked (exit 1).
    case unusable(path: String, reason: String)

    /// The process exit code (contract §1).
    package var exitStatus: ExitStatus {
        switch self {
        case .held: .lockHeld
        case .unusable: .unexpectedError
        }
    }

    package var description: String {
        switch self {
        case let .held(path, holder):
            let who = holder.map { " (process \($0))" } ?? ""
            return "another run of this config is in progress\(who): it holds the lock \(path)"
        case let .unusable(path, reason):
            return "cannot lock \(path): \(reason)"
        }
    }
}
