@testable import SMSAggregate
@testable import SMSIngest
import Testing

/// The deliveries table made before the grouping pass, so the workbook can start on
/// it early, must be the report's own, and its bound must hold for every other table.
@Suite struct SelectedDeliveriesTests {
    @Test(arguments: ["api-doc", "rich"])
    func theEarlyTableIsTheReportsAndTheBoundHolds(sample: String) async throws {
        let snapshot = try await SnapshotReader().read(folder: PackagePaths.sample(sample))
        let options = UnitReport.options()
        let selected = Aggregator.select(snapshot, options: options)
        let tables = Aggregator.tables(for: snapshot, options: options, selected: selected)
        #expect(Array(selected.table.rows) == Array(tables.deliveries.rows))
        for table in tables.all where table.name != tables.deliveries.name {
            #expect(table.rowCount <= selected.otherTablesRowBound, "\(table.name) has more rows than the bound")
        }
        #expect(tables.summary.rowCount == TableBuilder.summaryRowCount)
    }

    @Test func theNamesOfTheTablesAreKnownBeforeTheyAreMade() async throws {
        let tables = try await UnitReport.tables([:])
        #expect(tables.all.map(\.name) == ReportTables.names)
    }
}
