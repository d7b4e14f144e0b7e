import Foundation
@testable import SMSAggregate
@testable import SMSCore
@testable import SMSRender
@testable import SMSSupport
@testable import SnapshotFormat
import Testing
@testable import XLSXWriter

/// The report workbook: tables split across sheets past the row limit, text cut to
/// a cell, values as the CSV has them, and no file left behind by a failure.
@Suite struct XLSXRendererTests {
    /// `count` deliveries, one a minute from 2025-11-04 10:00 local.
    private func tables(deliveries count: Int, message: String = "Hello") async throws -> ReportTables {
        let rows = (0..<count).map { index in
            UnitJSON.row(sentAt: String(format: "2025-11-04T10:%02d:00+05:45", index),
                         deliveredAt: String(format: "2025-11-04T10:%02d:03.250000+05:45", index),
                         status: "DELIVERED", message: message, phone: String(9_841_000_000 + index))
        }
        return try await UnitReport.tables([UnitSnapshot.page(1): UnitJSON.page(count: count, rows: rows)])
    }

    private func writeTable(_ table: Table, rowsPerSheet: Int, in folder: TemporaryFolder) async throws -> [String] {
        let workbook = try XLSXWorkbook(path: folder.path + "/split.xlsx",
                                        options: XLSXWorkbookOptions(temporaryFolder: folder.path))
        let writer = XLSXTableWriter(workbook: workbook, formats: try XLSXReportFormats(in: workbook),
                                     timeZone: .kathmandu, rowsPerSheet: rowsPerSheet)
        let sheets = try await writer.write(table, progress: SilentProgress())
        try workbook.close()
        return sheets.map(\.name)
    }

    @Test func aTablePastTheRowLimitContinuesOnNumberedSheets() async throws {
        let deliveries = try await tables(deliveries: 7).deliveries
        let folder = try TemporaryFolder()
        #expect(try await writeTable(deliveries, rowsPerSheet: 3, in: folder)
            == ["deliveries", "deliveries (2)", "deliveries (3)"])
        #expect(try await writeTable(deliveries, rowsPerSheet: 7, in: folder) == ["deliveries"])
        #expect(try await writeTable(deliveries, rowsPerSheet: 6, in: folder) == ["deliveries", "deliveries (2)"])
    }

    @Test func anEmptyTableStillGetsItsSheetAndHeader() async throws {
        let empty = Table(name: "by_batch", columns: [Column("batch_id", .text)], rows: [])
        let folder = try TemporaryFolder()
        #expect(try await writeTable(empty, rowsPerSheet: 3, in: folder) == ["by_batch"])
    }

    @Test func theRendererSplitsThroughItsInjectedLimit() async throws {
        let tables = try await tables(deliveries: 5)
        let folder = try TemporaryFolder()
        let path = try await XLSXRenderer(rowsPerSheet: 2).render(tables, snapshotName: "unit", into: folder.path)
        #expect(path == folder.path + "/report.xlsx")
        #expect(try folder.files() == ["report.xlsx"])
        #expect(XLSXRenderer(rowsPerSheet: 0).rowsPerSheet == 1)
        #expect(XLSXRenderer(rowsPerSheet: 5_000_000).rowsPerSheet == XLSXLimits.dataRowsPerSheet)
    }

    @Test func aMessageOverTheCellLimitIsCutAndCounted() async throws {
        let long = String(repeating: "नमस्ते ", count: 6_000)
        let tables = try await tables(deliveries: 1, message: long)
        #expect(UnitReport.qualityCount(tables, "truncated_text") == 1)
        var encoder = XLSXCellEncoder(timeZone: .kathmandu, columns: tables.deliveries.columns)
        var batch = XLSXCellBatch(columnCount: tables.deliveries.columns.count)
        encoder.append(tables.deliveries.row(0), to: &batch)
        let texts = batch.textBytes.split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        let message = try #require(texts.first { $0.hasPrefix("नमस्ते") })
        #expect(message.unicodeScalars.count == XLSXLimits.charactersPerCell)
        #expect(long.unicodeScalars.starts(with: message.unicodeScalars))
        let folder = try TemporaryFolder()
        _ = try await XLSXRenderer().render(tables, snapshotName: "unit", into: folder.path)
        #expect(try folder.files() == ["report.xlsx"])
    }

    @Test func cellsHoldTheCSVsValues() async throws {
        let tables = try await tables(deliveries: 1)
        var encoder = XLSXCellEncoder(timeZone: .kathmandu, columns: [
            Column("sent_at", .timestamp), Column("share", .rate), Column("latency_s", .seconds), Column("share", .rate),
        ])
        var batch = XLSXCellBatch(columnCount: 4)
        let sentAt = try #require(TimestampParser.parse("2025-11-04T17:00:45.153834+05:45"))
        encoder.append([.timestamp(sentAt), .rate(Ratio(2, over: 3)), .seconds(2_500_500), .rate(Ratio(0, over: 0))],
                       to: &batch)
        let expectedSerial = Double(LocalDay(iso: "2025-11-04")!.daysSinceEpoch) + 25_569
            + (17 * 3600 + 45.153834) / 86_400
        guard case .number(let serial, _) = batch.entries[0], case .number(let rate, _) = batch.entries[1],
              case .number(let seconds, _) = batch.entries[2], case .blank = batch.entries[3] else {
            Issue.record("unexpected cells \(batch.entries)")
            return
        }
        #expect(abs(serial - expectedSerial) < 1e-9)
        #expect(rate == Double("0.666667"))
        #expect(seconds == Double("2.500"))
        #expect(tables.deliveries.rowCount == 1)
    }

    @Test func anOutputThatCannotBeWrittenIsAnErrorAndLeavesNoFile() async throws {
        let tables = try await tables(deliveries: 3)
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/report.xlsx/taken", withIntermediateDirectories: true)
        let error = await #expect(throws: ReportError.self) {
            try await XLSXRenderer().render(tables, snapshotName: "unit", into: folder.path)
        }
        guard case .outputFailed(let path, _)? = error else {
            Issue.record("expected outputFailed, got \(String(describing: error))")
            return
        }
        #expect(path == folder.path + "/report.xlsx")
        #expect(error?.exitStatus == .unexpectedError)
        #expect(try folder.files() == ["report.xlsx"])

        let missing = folder.path + "/missing"
        let missingError = await #expect(throws: ReportError.self) {
            try await XLSXRenderer().render(tables, snapshotName: "unit", into: missing)
        }
        #expect(missingError?.exitStatus == .unexpectedError)
        #expect(missingError == .outputFailed(path: missing + "/report.xlsx", reason: "No such file or directory"))
    }
}
