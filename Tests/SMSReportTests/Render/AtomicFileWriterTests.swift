import Foundation
@testable import SMSCore
import Testing

/// Issue 11 item 7: temporary files are unique, exclusive and never written through a link.
@Suite struct AtomicFileWriterTests {
    @Test func aLinkPlantedAtTheOldPredictableNameIsNotFollowed() throws {
        let folder = try TemporaryFolder()
        try folder.write("precious\n", to: "victim.txt")
        let planted = "\(folder.path)/.report.txt.tmp-\(getpid())"
        try FileManager.default.createSymbolicLink(atPath: planted, withDestinationPath: folder.path + "/victim.txt")
        var writer = try AtomicFileWriter(path: folder.path + "/report.txt")
        try writer.write { $0.append(contentsOf: Array("report\n".utf8)) }
        try writer.commit()
        #expect(try String(contentsOfFile: folder.path + "/victim.txt", encoding: .utf8) == "precious\n")
        #expect(try String(contentsOfFile: folder.path + "/report.txt", encoding: .utf8) == "report\n")
        #expect(try folder.files() == [".report.txt.tmp-\(getpid())", "report.txt", "victim.txt"])
    }

    @Test func twoWritersOfOneFileUseTwoTemporaryNames() throws {
        let folder = try TemporaryFolder()
        var first = try AtomicFileWriter(path: folder.path + "/a.csv")
        var second = try AtomicFileWriter(path: folder.path + "/a.csv")
        try first.write { $0.append(contentsOf: Array("one\n".utf8)) }
        try second.write { $0.append(contentsOf: Array("two\n".utf8)) }
        #expect(try folder.files().filter { $0.hasPrefix(".a.csv.tmp-") }.count == 2)
        try first.commit()
        try second.commit()
        #expect(try String(contentsOfFile: folder.path + "/a.csv", encoding: .utf8) == "two\n")
        #expect(try folder.files() == ["a.csv"])
    }

    @Test func temporaryNamesSayWhoOwnsThem() throws {
        let name = TemporaryName.make(for: "report.xlsx", kind: .file)
        let owner = try #require(TemporaryName.parse(name))
        #expect(owner == TemporaryName(kind: .file, processID: getpid(), host: TemporaryName.thisHost,
                                       startTime: ProcessStartTime.ofThisProcess))
        #expect(!owner.ownerIsGone)
        #expect(TemporaryName.finalName(of: name) == "report.xlsx")
        #expect(TemporaryName.parse(".snap.partial-77") == TemporaryName(kind: .folder, processID: 77, host: nil))
        #expect(TemporaryName.parse("report.xlsx") == nil)
        #expect(TemporaryName.parse(".x.tmp-abc") == nil)
        #expect(TemporaryName.parse(".snap.partial-7.h.123.1f")
                == TemporaryName(kind: .folder, processID: 7, host: "h", startTime: 123))
    }

    @Test func longHostNamesWithACommonPrefixGetTagsOfTheirOwn() {
        // Pods of one CronJob: cut to 16 characters, their names would all be `sms-report-night`.
        let first = TemporaryName.hostTag("sms-report-nightly-29388120-0-x7k2p")
        let second = TemporaryName.hostTag("sms-report-nightly-29388120-1-q9d4m")
        #expect(first != second)
        #expect(first.count == 16 && second.count == 16 && first.hasPrefix("sms-rep"))
        #expect(TemporaryName.hostTag("build-7") == "build-7")
        #expect(TemporaryName.hostTag("...") == "host")
    }

    @Test func theStartTimeIsFieldTwentyTwoEvenWithParenthesesInTheCommandName() {
        let line = "4242 (a (b) c) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 8123456 1000 10 18446744073709551615"
        #expect(ProcessStartTime.parse(stat: line) == 8_123_456)
        #expect(ProcessStartTime.parse(stat: "garbage") == nil)
    }
}

/// Leftovers of dead processes are removed at the next run; a living process's are kept.
@Suite struct LeftoverCleanupTests {
    /// The id of a process that has just ended.
    static func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func leftoversOfADeadProcessGoAndThoseOfLivingOnesStay() throws {
        let folder = try TemporaryFolder()
        let dead = try Self.deadProcessID()
        let host = TemporaryName.thisHost
        let names = [
            ".report.xlsx.tmp-\(dead).\(host).1a", // dead, this host: removed
            ".20251105T011502Z.partial-\(dead)", // dead, older version's name: removed
            ".run.json.tmp-\(getpid()).\(host).2b", // this living process: kept
            ".report.xlsx.tmp-\(dead).other-host.3c", // another machine's: kept
            ".hidden-user-file", "notes.txt", // not temporary names: kept
        ]
        for name in names {
            try folder.write("x", to: name)
        }
        try FileManager.default.createDirectory(atPath: folder.path + "/.2025-11-04.partial-\(dead).\(host).4d/inner",
                                                withIntermediateDirectories: true)
        let removed = LeftoverCleanup.clean(folder.path)
        #expect(removed.count == 3)
        #expect(try folder.files() == [".hidden-user-file", ".report.xlsx.tmp-\(dead).other-host.3c",
                                       ".run.json.tmp-\(getpid()).\(host).2b", "notes.txt"])
    }

    @Test func aLivingProcessWhoseIdWasReusedDoesNotKeepADeadOnesLeftovers() throws {
        #if os(Linux)
        let folder = try TemporaryFolder()
        let host = TemporaryName.thisHost
        let start = try #require(ProcessStartTime.ofThisProcess)
        let reused = ".20251105T011502Z.partial-\(getpid()).\(host).\(start + 1).1a" // same id, other start: removed
        let living = ".20251106T011502Z.partial-\(getpid()).\(host).\(start).2b" // this process: kept
        try folder.write("x", to: reused + "/page.json")
        try folder.write("x", to: living + "/page.json")
        LeftoverCleanup.clean(folder.path)
        #expect(try folder.files() == [living])
        #endif
    }

    @Test func aFolderMovedAsideByADeadSwapIsPutBack() throws {
        let folder = try TemporaryFolder()
        let dead = try Self.deadProcessID()
        try folder.write("old report", to: ".2025-11-04.old-\(dead).\(TemporaryName.thisHost).5e/report.txt")
        try folder.write("kept", to: "2025-11-05/report.txt")
        try folder.write("older", to: ".2025-11-05.old-\(dead).\(TemporaryName.thisHost).6f/report.txt")
        LeftoverCleanup.clean(folder.path)
        #expect(try folder.files() == ["2025-11-04", "2025-11-05"])
        #expect(try String(contentsOfFile: folder.path + "/2025-11-04/report.txt", encoding: .utf8) == "old report")
        #expect(try String(contentsOfFile: folder.path + "/2025-11-05/report.txt", encoding: .utf8) == "kept")
    }
}

/// A period folder is replaced whole; `report --out` replaces only its own files.
@Suite struct StagingFolderTests {
    @Test func replacingTheFinalFolderLeavesOnlyTheNewFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("old", to: "2025-11-04/deliveries.csv")
        try folder.write("old", to: "2025-11-04/report.xlsx")
        let staging = try StagingFolder(finalPath: folder.path + "/2025-11-04")
        try "new".write(toFile: staging.path + "/report.xlsx", atomically: false, encoding: .utf8)
        let files = try staging.replaceFinal(files: [staging.path + "/report.xlsx"])
        #expect(files == [folder.path + "/2025-11-04/report.xlsx"])
        #expect(try folder.files() == ["2025-11-04"])
        #expect(try folder.files(in: "2025-11-04") == ["report.xlsx"])
        #expect(try String(contentsOfFile: files[0], encoding: .utf8) == "new")
    }

    @Test func publishingFilesKeepsTheUsersOtherFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("mine", to: "notes.txt")
        try folder.write("old", to: "by_day.csv")
        let staging = try StagingFolder.forFiles(in: folder.path)
        try "new".write(toFile: staging.path + "/by_day.csv", atomically: false, encoding: .utf8)
        let files = try staging.publish(files: [staging.path + "/by_day.csv"])
        #expect(files == [folder.path + "/by_day.csv"])
        #expect(try folder.files() == ["by_day.csv", "notes.txt"])
        #expect(try String(contentsOfFile: folder.path + "/by_day.csv", encoding: .utf8) == "new")
    }
}
