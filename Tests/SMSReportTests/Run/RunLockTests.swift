import Foundation
@testable import SMSRun
import Testing

/// Contract §8 "Lock": one run per config at a time; a dead holder never blocks.
@Suite struct RunLockTests {
    static func lockPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("run-lock-\(UUID().uuidString).yaml.lock").path
    }

    @Test func aSecondHolderIsRefusedWithExitSixAndTheHolder() throws {
        let path = Self.lockPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try RunLock(path: path)
        // flock locks belong to open file descriptions: a second open in this process
        // conflicts exactly as a second process would.
        #expect(throws: RunLockError.held(path: path, holder: getpid())) { try RunLock(path: path) }
        #expect(RunLockError.held(path: path, holder: 42).exitStatus == .lockHeld)
        #expect(RunLockError.held(path: path, holder: 42).description.contains(path))
        withExtendedLifetime(first) {}
    }

    @Test func aReleasedLockLetsTheNextRunIn() throws {
        let path = Self.lockPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do { _ = try RunLock(path: path) }
        #expect(FileManager.default.fileExists(atPath: path))
        _ = try RunLock(path: path)
    }

    @Test func aLockFileLeftByADeadProcessDoesNotBlock() throws {
        let path = Self.lockPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [path, "true"]
        try holder.run()
        holder.waitUntilExit()
        try "999999\n".write(toFile: path, atomically: false, encoding: .utf8)
        _ = try RunLock(path: path)
    }

    @Test func aLockHeldByAnotherProcessIsRefused() throws {
        let path = Self.lockPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = ["--exclusive", path, "sleep", "5"]
        try holder.run()
        defer { holder.terminate() }
        let deadline = Date().addingTimeInterval(5)
        var refused = false
        while !refused, Date() < deadline {
            do {
                _ = try RunLock(path: path)
                Thread.sleep(forTimeInterval: 0.05)
            } catch .held {
                refused = true
            }
        }
        #expect(refused)
    }
}

/// Issue 11 item 7: the lock file is never truncated and never opened through a link.
@Suite struct RunLockFileTests {
    @Test func takingTheLockDoesNotTruncateTheFile() throws {
        let path = RunLockTests.lockPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let earlier = "1234567890123\n" + String(repeating: "notes of the administrator\n", count: 4)
        try earlier.write(toFile: path, atomically: false, encoding: .utf8)
        let lock = try RunLock(path: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.utf8.count == earlier.utf8.count)
        #expect(text.hasPrefix("\(getpid()) "))
        #expect(text.hasSuffix(String(repeating: "notes of the administrator\n", count: 4)))
        // A second opener, refused, leaves the content as it was and names the holder.
        #expect(throws: RunLockError.held(path: path, holder: getpid())) { try RunLock(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
        withExtendedLifetime(lock) {}
    }

    @Test func aLinkAtTheLockPathIsNotFollowed() throws {
        let folder = try TemporaryFolder()
        try folder.write("precious\n", to: "victim.txt")
        let path = folder.path + "/config.yaml.lock"
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: folder.path + "/victim.txt")
        #expect(throws: RunLockError.self) { try RunLock(path: path) }
        #expect(try String(contentsOfFile: folder.path + "/victim.txt", encoding: .utf8) == "precious\n")
    }
}
