import Foundation
@testable import SMSCore
@testable import SMSIngest

/// Small snapshot folders written to a fresh temporary directory, read back with
/// `SnapshotReader`, then removed. The bodies are written by hand with ``UnitJSON``.
enum UnitSnapshot {
    /// The manifest-less page path of page `number`.
    static func page(_ number: Int) -> String {
        "sms-report/page-" + String(repeating: "0", count: 6 - String(number).count) + String(number) + ".json"
    }

    /// The path of a batch report whose file name is `name` (already file-safe).
    static func batch(_ name: String) -> String {
        "sms-report-batch/\(name).json"
    }

    static let batchIDs = "batch-ids.json"
    static let manifest = "manifest.json"
    static let metrics = "metrics-snapshot.json"

    /// Writes `files` (path relative to the snapshot → body) and reads the folder.
    static func load(_ files: [String: String], statusMap: StatusMap = .standard,
                     operators: OperatorTable = .standard) async throws -> LoadedSnapshot {
        let folder = try write(files)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try await SnapshotReader(statusMap: statusMap, operators: operators).read(folder: folder)
    }

    /// Writes `files` and returns the `ReportError` that reading them throws, or nil.
    static func readError(_ files: [String: String]) async throws -> ReportError? {
        let folder = try write(files)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try await SnapshotReader().read(folder: folder)
            return nil
        } catch {
            return error
        }
    }

    /// Writes `files` into a new temporary folder and returns its path.
    static func write(_ files: [String: String]) throws -> String {
        let folder = NSTemporaryDirectory() + "sms-report-unit-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (path, body) in files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(body.utf8).write(to: url)
        }
        return folder
    }
}

/// Hand-written API bodies (contract §2, `api/sms_delivery_report.md`).
enum UnitJSON {
    /// A recipient. `phone` is the JSON literal as the API would send it: a number
    /// (`9841234567`) or a string (`"\"+977-984-1234567\""`).
    static func recipient(_ phone: String, name: String? = nil) -> String {
        #"{"client_name": \#(name.map(quoted) ?? "null"), "client_phone": \#(phone)}"#
    }

    /// A report row, as pages and batch reports give it.
    static func row(sentAt: String, deliveredAt: String? = nil, status: String = "SENT",
                    message: String = "Hello", recipients: [String]) -> String {
        #"{"message": \#(quoted(message)), "recipients": [\#(recipients.joined(separator: ", "))], "#
            + #""sent_at": \#(quoted(sentAt)), "delivered_at": \#(deliveredAt.map(quoted) ?? "null"), "#
            + #""status": \#(quoted(status))}"#
    }

    /// A report row with one recipient.
    static func row(sentAt: String, deliveredAt: String? = nil, status: String = "SENT",
                    message: String = "Hello", phone: String, name: String? = nil) -> String {
        row(sentAt: sentAt, deliveredAt: deliveredAt, status: status, message: message,
            recipients: [recipient(phone, name: name)])
    }

    /// A page of `GET /api/sms-report/?page=N`.
    static func page(count: Int, hasNext: Bool = false, rows: [String]) -> String {
        let next = hasNext ? #""https://dicesms.asia/api/sms-report/?page=2""# : "null"
        return #"{"count": \#(count), "next": \#(next), "previous": null, "results": [\#(rows.joined(separator: ",\n"))]}"#
    }

    /// A batch report body, `GET /api/sms-report/{batch_id}/`.
    static func batchReport(_ rows: [String]) -> String {
        "[" + rows.joined(separator: ",\n") + "]"
    }

    /// A row of `GET /api/batch-ids`.
    static func batchIDRow(sentAt: String, deliveredAt: String? = nil, status: String, batchID: String) -> String {
        #"{"sent_at": \#(quoted(sentAt)), "delivered_at": \#(deliveredAt.map(quoted) ?? "null"), "#
            + #""status": \#(quoted(status)), "batch_id": \#(quoted(batchID))}"#
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
