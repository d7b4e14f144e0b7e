import Foundation
@testable import SMSCore
@testable import SMSIngest
@testable import SMSRun
import Testing

/// Bad input stops the report with a clear, typed error and leaves no file behind
/// (contract §6).
@Suite struct ReportJobErrorTests {
    private func snapshot(page: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write(page, to: "sms-report/page-000001.json")
        return folder
    }

    private func run(_ snapshot: TemporaryFolder, out: String) async throws(ReportError) {
        let request = ReportRequest(snapshotFolder: snapshot.path, outputFolder: out,
                                    options: ReportOptions(generatedAt: Instant(unixSeconds: 0)))
        _ = try await ReportJob.run(request)
    }

    @Test func malformedJSONNamesTheFileAndPlaceAndWritesNothing() async throws {
        let input = try snapshot(page: "{\"count\": 1, \"next\": null,\n \"results\": [ {\"sent_at\": } ] }")
        let output = try TemporaryFolder()
        await #expect(throws: ReportError.invalidJSON(file: "sms-report/page-000001.json", line: 2, column: 27,
                                                      reason: "expected a value")) {
            try await run(input, out: output.path + "/report")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path + "/report"))
    }

    @Test func missingSentAtNamesTheRowAndField() async throws {
        let input = try snapshot(page: """
            {"count": 2, "next": null, "results": [
              {"message": "ok", "recipients": [{"client_name": null, "client_phone": 9841234567}],
               "sent_at": "2025-11-04T17:00:45+05:45", "delivered_at": null, "status": "SENT"},
              {"message": "no time", "recipients": [{"client_name": null, "client_phone": 9841234568}],
               "delivered_at": null, "status": "SENT"}
            ]}
            """)
        let output = try TemporaryFolder()
        let error = await #expect(throws: ReportError.self) { try await run(input, out: output.path) }
        #expect(error == .missingField(file: "sms-report/page-000001.json", path: "results[1].sent_at"))
        #expect(error?.exitStatus == .usageError)
        #expect(try output.files().isEmpty)
    }

    @Test func missingSnapshotFolderIsAUsageError() async throws {
        let output = try TemporaryFolder()
        let request = ReportRequest(snapshotFolder: output.path + "/nope", outputFolder: output.path + "/out",
                                    options: ReportOptions(generatedAt: Instant(unixSeconds: 0)))
        let error = await #expect(throws: ReportError.self) { _ = try await ReportJob.run(request) }
        #expect(error == .snapshotNotFound(path: output.path + "/nope"))
        #expect(error?.exitStatus == .usageError)
    }

    @Test func unwritableOutputIsAnOutputError() async throws {
        let input = try snapshot(page: "{\"count\": 0, \"next\": null, \"results\": []}")
        let blocker = try TemporaryFolder()
        try blocker.write("a file, not a folder", to: "taken")
        let error = await #expect(throws: ReportError.self) { try await run(input, out: blocker.path + "/taken/report") }
        #expect(error?.exitStatus == .unexpectedError)
    }
}
