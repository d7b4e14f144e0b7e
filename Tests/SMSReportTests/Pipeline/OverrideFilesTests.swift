@testable import SMSCore
@testable import SMSIngest
@testable import SMSRun
import Testing

/// `--status-map` extends the status map; `--operators` replaces the operator table.
@Suite struct OverrideFilesTests {
    @Test func statusMapFileExtendsAndOverridesTheDefault() throws {
        let folder = try TemporaryFolder()
        try folder.write(#"{"DLVRD": "delivered", "sent": "pending", "NACK": "Rejected"}"#, to: "map.json")
        let map = try OverrideFiles.statusMap(at: folder.path + "/map.json")
        #expect(map.status(forRaw: "dlvrd") == .delivered)
        #expect(map.status(forRaw: "SENT") == .pending)
        #expect(map.status(forRaw: "NACK") == .rejected)
        #expect(map.status(forRaw: "DELIVRD") == .delivered)
        #expect(map.status(forRaw: "WEIRD") == .unknown)
    }

    @Test func operatorFileReplacesTheTable() throws {
        let folder = try TemporaryFolder()
        try folder.write(#"{"NTC": ["984"], "NEWCO": ["963"]}"#, to: "ops.json")
        let table = try OverrideFiles.operatorTable(at: folder.path + "/ops.json")
        #expect(table.operatorName(forPrefix: "984") == "NTC")
        #expect(table.operatorName(forPrefix: "963") == "NEWCO")
        #expect(table.operatorName(forPrefix: "980") == OperatorTable.other)
    }

    @Test func badFilesAreUsageErrors() throws {
        let folder = try TemporaryFolder()
        try folder.write(#"{"X": "arrived"}"#, to: "status.json")
        try folder.write(#"{"NTC": ["98"]}"#, to: "ops.json")
        try folder.write("{", to: "broken.json")
        let status = #expect(throws: ReportError.self) { try OverrideFiles.statusMap(at: folder.path + "/status.json") }
        #expect(status?.exitStatus == .usageError)
        let ops = #expect(throws: ReportError.self) { try OverrideFiles.operatorTable(at: folder.path + "/ops.json") }
        #expect(ops?.exitStatus == .usageError)
        let broken = #expect(throws: ReportError.self) { try OverrideFiles.statusMap(at: folder.path + "/broken.json") }
        #expect(broken?.exitStatus == .usageError)
        let missing = #expect(throws: ReportError.self) { try OverrideFiles.statusMap(at: folder.path + "/none.json") }
        #expect(missing?.exitStatus == .usageError)
    }
}
