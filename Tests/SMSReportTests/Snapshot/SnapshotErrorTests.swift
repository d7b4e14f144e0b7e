@testable import SMSIngest
import Testing

/// Contract §6: a file that is not valid JSON, or a row that lacks required fields,
/// gets an error naming the file, the row index and the field, with exit code 2.
@Suite struct SnapshotErrorTests {
    static let page = UnitSnapshot.page(1)
    static let goodRow = UnitJSON.row(sentAt: "2025-11-04T17:00:45.153834+05:45", phone: "9841234567")

    @Test func malformedPageNamesTheFileLineAndColumn() async throws {
        // Line 3 is ` "results": [,]}`: the stray comma is its 14th character.
        let body = "{\"count\": 1,\n \"next\": null,\n \"results\": [,]}"
        let error = try #require(try await UnitSnapshot.readError([Self.page: body]))
        guard case let .invalidJSON(file, line, column, _) = error else {
            Issue.record("expected invalidJSON, got \(error)")
            return
        }
        #expect(file == "sms-report/page-000001.json")
        #expect(line == 3)
        #expect(column == 14)
        #expect(error.exitStatus == .usageError)
    }

    @Test func trailingCommaIsNotValidJSON() async throws {
        let body = "[\n" + Self.goodRow + ",\n]"
        let error = try #require(try await UnitSnapshot.readError([UnitSnapshot.batch("B1"): body]))
        guard case let .invalidJSON(file, line, _, _) = error else {
            Issue.record("expected invalidJSON, got \(error)")
            return
        }
        #expect(file == "sms-report-batch/B1.json")
        #expect(line == 3)
    }

    @Test func truncatedFileIsNotValidJSON() async throws {
        let body = UnitJSON.page(count: 1, rows: [Self.goodRow]).dropLast(3)
        let error = try #require(try await UnitSnapshot.readError([Self.page: String(body)]))
        guard case .invalidJSON(let file, _, _, _) = error else {
            Issue.record("expected invalidJSON, got \(error)")
            return
        }
        #expect(file == "sms-report/page-000001.json")
    }

    @Test func malformedManifestIsNamed() async throws {
        let error = try #require(try await UnitSnapshot.readError([UnitSnapshot.manifest: #"{"complete": true,"#]))
        guard case .invalidJSON(let file, let line, _, _) = error else {
            Issue.record("expected invalidJSON, got \(error)")
            return
        }
        #expect(file == "manifest.json")
        #expect(line == 1)
    }

    @Test func rowWithoutSentAtNamesTheRowAndTheField() async throws {
        let rowWithoutSentAt = #"{"message": "Hi", "recipients": [{"client_name": null, "client_phone": 9841234567}], "delivered_at": null, "status": "SENT"}"#
        let error = try await UnitSnapshot.readError([
            Self.page: UnitJSON.page(count: 2, rows: [Self.goodRow, rowWithoutSentAt]),
        ])
        #expect(error == .missingField(file: "sms-report/page-000001.json", path: "results[1].sent_at"))
        #expect(error?.exitStatus == .usageError)
    }

    @Test func nullSentAtIsAMissingField() async throws {
        let row = #"{"message": "Hi", "recipients": [{"client_name": null, "client_phone": 9841234567}], "sent_at": null, "status": "SENT"}"#
        let error = try await UnitSnapshot.readError([Self.page: UnitJSON.page(count: 1, rows: [row])])
        #expect(error == .missingField(file: "sms-report/page-000001.json", path: "results[0].sent_at"))
    }

    @Test func rowWithoutRecipientsNamesTheRowAndTheField() async throws {
        let row = #"{"message": "Hi", "sent_at": "2025-11-04T17:00:45+05:45", "delivered_at": null, "status": "SENT"}"#
        let error = try await UnitSnapshot.readError([
            Self.page: UnitJSON.page(count: 3, rows: [Self.goodRow, Self.goodRow, row]),
        ])
        #expect(error == .missingField(file: "sms-report/page-000001.json", path: "results[2].recipients"))
    }

    @Test func recipientWithoutPhoneNamesTheRecipient() async throws {
        let row = #"{"message": "Hi", "recipients": [{"client_name": "Sita"}], "sent_at": "2025-11-04T17:00:45+05:45", "status": "SENT"}"#
        let error = try await UnitSnapshot.readError([Self.page: UnitJSON.page(count: 1, rows: [row])])
        #expect(error == .missingField(file: "sms-report/page-000001.json", path: "results[0].recipients[0].client_phone"))
    }

    @Test func batchReportRowWithoutSentAtNamesTheFileAndRow() async throws {
        let row = #"{"message": "Hi", "recipients": [{"client_name": null, "client_phone": 9841234567}], "status": "SENT"}"#
        let error = try #require(try await UnitSnapshot.readError([UnitSnapshot.batch("B1"): "[" + row + "]"]))
        guard case .missingField(let file, let path) = error else {
            Issue.record("expected missingField, got \(error)")
            return
        }
        #expect(file == "sms-report-batch/B1.json")
        #expect(path.contains("[0]"))
        #expect(path.hasSuffix("sent_at"))
    }

    @Test func unreadableTimestampNamesTheField() async throws {
        let row = UnitJSON.row(sentAt: "2025-11-04 5pm", phone: "9841234567")
        let error = try #require(try await UnitSnapshot.readError([Self.page: UnitJSON.page(count: 1, rows: [row])]))
        guard case let .invalidField(file, path, _) = error else {
            Issue.record("expected invalidField, got \(error)")
            return
        }
        #expect(file == "sms-report/page-000001.json")
        #expect(path == "results[0].sent_at")
        #expect(error.exitStatus == .usageError)
    }

    @Test func missingSnapshotFolderIsReported() async throws {
        do {
            _ = try await SnapshotReader().read(folder: "/nonexistent/sms-report-unit-snapshot")
            Issue.record("reading a missing folder succeeded")
        } catch {
            #expect(error == .snapshotNotFound(path: "/nonexistent/sms-report-unit-snapshot"))
            #expect(error.exitStatus == .usageError)
        }
    }

    @Test(arguments: ["batch-ids.json", "metrics-snapshot.json"])
    func malformedTopLevelFileIsNamed(file: String) async throws {
        let error = try #require(try await UnitSnapshot.readError([file: "[{\"sent_at\" \"x\"}]"]))
        guard case let .invalidJSON(named, line, column, _) = error else {
            Issue.record("expected invalidJSON, got \(error)")
            return
        }
        #expect(named == file)
        #expect(line == 1)
        #expect(column == 13)   // the value after the key, where its colon should be
    }

    @Test func messageShownToTheUserNamesFileRowAndField() async throws {
        let row = #"{"message": "Hi", "recipients": [], "status": "SENT"}"#
        let error = try #require(try await UnitSnapshot.readError([
            Self.page: UnitJSON.page(count: 2, rows: [Self.goodRow, row]),
        ]))
        #expect(error.description.contains("sms-report/page-000001.json"))
        #expect(error.description.contains("results[1].sent_at"))
    }

    @Test func messageShownToTheUserForBadJSONNamesFileLineAndColumn() async throws {
        let error = try #require(try await UnitSnapshot.readError([Self.page: "{\n  \"count\": 1,,\n}"]))
        #expect(error.description.contains("sms-report/page-000001.json"))
        #expect(error.description.contains("line 2"))
        #expect(error.description.contains("column 14"))
    }
}
