@testable import SMSIngest
import SMSCore
@testable import SnapshotFormat
import Testing

/// A parsed file's records hold numbers and indices into the file's own tables of
/// statuses, names and invalid phones (issue 16). Every index must lead back to what
/// its row said, in any file, however many distinct values a file has.
@Suite struct RecordTableTests {
    static let sentAt = "2025-11-04T17:00:45.153834+05:45"

    /// The same invalid phones in two files are the same deliveries, each keeping its
    /// text; valid phones between them keep their operators.
    @Test func invalidPhonesInTwoFilesMeetAsTheSameDeliveries() async throws {
        let rows = [
            UnitJSON.row(sentAt: Self.sentAt, recipients: [
                UnitJSON.recipient(#""+1 555 0100""#), UnitJSON.recipient("9842271353"),
                UnitJSON.recipient(#""abc""#), UnitJSON.recipient(#""+1 555 0100""#),
            ]),
        ]
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: rows),
            UnitSnapshot.batch("B"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: Self.sentAt, recipients: [UnitJSON.recipient(#""abc""#), UnitJSON.recipient("9801912821")]),
            ]),
        ])
        let deliveries = snapshot.normalized.deliveries
        #expect(deliveries.map(\.phone) == ["+1 555 0100", "9842271353", "abc", "9801912821"])
        #expect(deliveries.map(\.operatorName) == ["INVALID", "NTC", "INVALID", "NCELL"])
        #expect(deliveries.map(\.batchID) == ["", "", "B", "B"])
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 0)
    }

    /// Two invalid phones written with other but equivalent characters are two phones,
    /// each kept as received: a phone is told apart by its bytes.
    @Test func invalidPhonesAreToldApartByTheirBytes() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, recipients: [
                    UnitJSON.recipient(UnitJSON.quoted("\u{0958}1")), UnitJSON.recipient(UnitJSON.quoted("\u{0915}\u{093C}1")),
                ]),
            ]),
        ])
        let phones = snapshot.normalized.deliveries.map { Array($0.phone.utf8) }
        #expect(phones == [Array("\u{0958}1".utf8), Array("\u{0915}\u{093C}1".utf8)])
    }

    /// Names that come back after another name, and null between them, each stay with
    /// their recipient.
    @Test func eachRecipientKeepsItsName() async throws {
        // The last pairs are one name written with other but equivalent characters
        // (क़ as one letter and as क with a nukta; é composed and decomposed): each
        // recipient keeps its own bytes.
        let names: [String?] = ["Sita", "Sita", "Ram", nil, "Sita", "सीता थापा", "सीता थापा", nil,
                                "\u{0958}", "\u{0915}\u{093C}", "Jos\u{E9}", "Jose\u{301}"]
        let recipients = names.enumerated().map { index, name in
            UnitJSON.recipient("98422713\(10 + index)", name: name)
        }
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [UnitJSON.row(sentAt: Self.sentAt, recipients: recipients)]),
        ])
        let byPhone = Dictionary(uniqueKeysWithValues: snapshot.normalized.deliveries.map { ($0.phone, $0.recipientName) })
        for (index, name) in names.enumerated() {
            let read = byPhone["98422713\(10 + index)"]
            #expect(read.map { $0.map { Array($0.utf8) } } == .some(name.map { Array($0.utf8) }), "recipient \(index)")
        }
    }

    /// More distinct statuses than the parser remembers (an API that sends free text):
    /// every row keeps its own raw status, in every file.
    @Test func everyRowKeepsItsRawStatusPastTheRememberedOnes() async throws {
        let statuses = (0..<40).map { "status \($0)" } + ["DELIVERED", "status 3"]
        func rows(_ offset: Int) -> [String] {
            statuses.enumerated().map { index, status in
                UnitJSON.row(sentAt: Self.sentAt, status: status, phone: "98\(String(format: "%08d", offset + index))")
            }
        }
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 84, hasNext: true, rows: rows(0)),
            UnitSnapshot.page(2): UnitJSON.page(count: 84, rows: rows(100)),
        ])
        let deliveries = snapshot.normalized.deliveries
        #expect(deliveries.map(\.statusRaw) == statuses + statuses)
        #expect(deliveries.filter { $0.status == .delivered }.count == 2)
    }

    /// The same in `batch-ids.json`, whose rows keep their own raw status: the file's
    /// table does not grow by a status for every row past the remembered ones.
    @Test func batchIDRowsKeepTheirRawStatusPastTheRememberedOnes() throws {
        let statuses = (0..<40).map { "status \($0)" }
        let rows = (statuses + statuses + ["DELIVERED"]).map {
            UnitJSON.batchIDRow(sentAt: Self.sentAt, status: $0, batchID: "b-1")
        }
        let bytes = Array("[\(rows.joined(separator: ","))]".utf8)
        var parser = ReportFileParser(statusMap: .standard)
        let file = try bytes.withUnsafeBytes { buffer throws(ReportError) in
            try parser.parse(buffer, path: "batch-ids.json", kind: .batchIDs)
        }
        #expect(file.batchIDRows.map(\.statusRaw) == statuses + statuses + ["DELIVERED"])
        #expect(file.batchIDRows.last?.status == .delivered)
        #expect(file.statuses.count <= 32)
    }

    @Test(arguments: [Int64(9_000_000_000), 9_842_271_353, 9_999_999_999, 9_000_000_009])
    func aValidNumberGivesBackItsTenDigits(number: Int64) {
        let text = PhoneNormalizer.text(ofNumber: number)
        #expect(text == String(number))
        #expect(PhoneNormalizer.normalize(text).numericValue == number)
    }
}
