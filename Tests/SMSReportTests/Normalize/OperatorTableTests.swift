@testable import SMSIngest
import Testing

/// Contract §3 "Operator": the first three digits of a valid number; OTHER for any other prefix.
@Suite struct OperatorTableTests {
    @Test(arguments: [
        ("984", "NTC"), ("985", "NTC"), ("986", "NTC"), ("974", "NTC"), ("975", "NTC"), ("976", "NTC"),
        ("980", "NCELL"), ("981", "NCELL"), ("982", "NCELL"), ("970", "NCELL"),
        ("961", "SMART"), ("962", "SMART"), ("988", "SMART"),
        ("972", "UTL"),
    ])
    func defaultPrefix(prefix: String, operatorName: String) {
        #expect(OperatorTable.standard.operatorName(forPrefix: prefix) == operatorName)
    }

    @Test(arguments: ["963", "983", "971", "999", "900"])
    func unlistedPrefixIsOther(prefix: String) {
        #expect(OperatorTable.standard.operatorName(forPrefix: prefix) == "OTHER")
    }

    @Test func defaultTableHasExactlyTheContractPrefixes() {
        #expect(OperatorTable.standard.operatorByPrefix.count == 14)
    }

    @Test func overrideTableReplacesTheDefault() {
        let table = OperatorTable(operators: ["NTC": ["984"], "NEWCO": ["963", "980"]])
        #expect(table.operatorName(forPrefix: "963") == "NEWCO")
        #expect(table.operatorName(forPrefix: "980") == "NEWCO")
        #expect(table.operatorName(forPrefix: "984") == "NTC")
        // A replacement table no longer knows the default prefixes it leaves out.
        #expect(table.operatorName(forPrefix: "985") == "OTHER")
    }

    @Test func overrideTableIsUsedWhenReadingASnapshot() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 3, rows: [
                UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", phone: "9631234567"),
                UnitJSON.row(sentAt: "2025-11-04T10:00:01+05:45", phone: "9841234567"),
                UnitJSON.row(sentAt: "2025-11-04T10:00:02+05:45", phone: "12345"),
            ]),
        ], operators: OperatorTable(operators: ["NEWCO": ["963"]]))
        let byPhone = Dictionary(uniqueKeysWithValues: snapshot.normalized.deliveries.map { ($0.phone, $0.operatorName) })
        #expect(byPhone == ["9631234567": "NEWCO", "9841234567": "OTHER", "12345": "INVALID"])
    }
}
