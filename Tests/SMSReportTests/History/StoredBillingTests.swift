import Foundation
@testable import SMSBilling
@testable import SMSConfig
@testable import SMSCore
@testable import SMSHistory
@testable import SMSIngest
@testable import SMSRender
@testable import SMSStore
import Testing

/// Contract §9 `billing --store`: when every day of the month is stored complete,
/// `billing.csv` from the rollups is byte-identical to billing from the snapshot;
/// otherwise the days that are not are named.
@Suite struct StoredBillingTests {
    static let card = Task { try RateCardFile.load(path: "\(PackagePaths.root)/samples/rate-card.yaml") }

    /// `billing.csv` bytes of `statement`.
    static func csv(_ statement: BillingStatement) async throws -> Data {
        let folder = try TemporaryFolder()
        let path = folder.path + "/billing.csv"
        try await CSVRenderer().write(statement.table, timeZone: statement.timeZone, to: path)
        return try #require(FileManager.default.contents(atPath: path))
    }

    static func expectSameBilling(_ snapshot: LoadedSnapshot) async throws {
        let card = try await Self.card.value
        let data = try HistoryFixture.dataDays(snapshot)
        let months = LocalMonth.months(from: LocalMonth(containing: data.lowerBound), through: LocalMonth(containing: data.upperBound))
        for month in months {
            let billing = BillingOptions(account: HistoryFixture.account, rateCard: card, months: [month])
            let options = ReportOptions(timeZone: HistoryFixture.timeZone, from: month.firstDay, to: month.lastDay,
                                        generatedAt: HistoryFixture.generatedAt)
            let fromSnapshot = try BillingAggregator.statement(for: snapshot, options: options, billing: billing)
            let writes = HistoryFixture.writes(snapshot, days: month.firstDay...month.lastDay)
            let stored = try StoredBilling.statement(month: month, days: writes.map(\.day),
                                                     rollups: writes.flatMap(\.operatorRollups), billing: billing,
                                                     timeZone: HistoryFixture.timeZone, generatedAt: HistoryFixture.generatedAt)
            #expect(stored.unsettledDays.isEmpty)
            #expect(stored.statement.invoices == fromSnapshot.invoices)
            let storedCSV = try await csv(stored.statement)
            let snapshotCSV = try await csv(fromSnapshot)
            #expect(storedCSV == snapshotCSV, "billing.csv of \(month)")
        }
    }

    @Test func richSampleBillsTheSameFromTheStore() async throws {
        try await Self.expectSameBilling(try await HistoryFixture.rich.value)
    }

    @Test func generatedWorldBillsTheSameFromTheStore() async throws {
        try await Self.expectSameBilling(try await HistoryFixture.world.value)
    }

    @Test func daysNotStoredCompleteAreNamed() async throws {
        let snapshot = try await HistoryFixture.rich.value
        let month = try #require(LocalMonth(iso: "2025-11"))
        var writes = HistoryFixture.writes(snapshot, days: month.firstDay...month.lastDay)
        let withDeliveries = try #require(writes.firstIndex { $0.day.deliveries > 0 })
        let prunedDay = writes[withDeliveries].day.day
        writes[withDeliveries].operatorRollups = []
        writes[withDeliveries + 1].day.isComplete = false
        let incompleteDay = writes[withDeliveries + 1].day.day
        let missingDay = writes.removeLast().day.day
        let stored = try StoredBilling.statement(month: month, days: writes.map(\.day),
                                                 rollups: writes.flatMap(\.operatorRollups),
                                                 billing: BillingOptions(account: HistoryFixture.account,
                                                                         rateCard: try await Self.card.value),
                                                 timeZone: HistoryFixture.timeZone, generatedAt: HistoryFixture.generatedAt)
        #expect(stored.missingDays == [missingDay])
        #expect(stored.prunedDays == [prunedDay])
        #expect(stored.incompleteDays == [incompleteDay])
        #expect(stored.unsettledDays == [prunedDay, incompleteDay, missingDay])
        #expect(stored.statement.invoices.map(\.month) == [month])
    }
}
