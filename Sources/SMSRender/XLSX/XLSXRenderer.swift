import SMSSupport
import XLSXWriter
import SMSCore
import SMSAggregate

/// Writes `report.xlsx` (contract §5) from the report tables with libxlsxwriter:
/// one sheet per table in the order of contract §4, the summary first with the
/// charts beside it, document properties, and the whole file renamed into place
/// only when it is complete. With billing, the deliveries sheet carries each
/// delivery's `billable` flag, and an invoice sheet per month follows the `billing` sheet.
///
/// The workbook is written in constant-memory mode, rows in order, so a million
/// deliveries never sit in memory at once.
package struct XLSXRenderer: Sendable {
    /// The file name inside the output folder.
    package static let fileName = "report.xlsx"

    /// Data rows on one sheet before a table continues on the next sheet.
    package let rowsPerSheet: Int

    /// A renderer that puts at most `rowsPerSheet` data rows on a sheet: Excel's
    /// 1,048,575 unless a test lowers it. Values outside 1…1,048,575 are clamped.
    package init(rowsPerSheet: Int = XLSXLimits.dataRowsPerSheet) {
        self.rowsPerSheet = min(max(rowsPerSheet, 1), XLSXLimits.dataRowsPerSheet)
    }

    /// Writes `report.xlsx` into `folder`; returns its path. `snapshotName` is named
    /// in the document's comments.
    package func render(_ tables: ReportTables, snapshotName: String, into folder: String,
                       progress: any ProgressSink = SilentProgress()) async throws(ReportError) -> String {
        let otherRows = tables.all.filter { $0.name != tables.deliveries.name }.map(\.rowCount).max() ?? 0
        return try await render(deliveries: tables.deliveriesWithBillableFlag ?? tables.deliveries, otherTablesRowBound: otherRows, timeZone: tables.timeZone,
                                tables: { tables }, snapshotName: snapshotName, into: folder, progress: progress)
    }

    /// Writes `report.xlsx` into `folder` from the deliveries table alone at first:
    /// while `tables` (which must give the same deliveries table) is still being
    /// grouped, the workbook is already writing its largest sheet. This needs every
    /// other sheet added before the deliveries', so it is done only when no other
    /// table can need a second sheet (`otherTablesRowBound` rows at most, a bound the
    /// aggregation guarantees); otherwise the workbook waits for `tables`. Timestamps
    /// are drawn in `timeZone`, the tables' own.
    package func render(deliveries: Table, otherTablesRowBound: Int, timeZone: ReportTimeZone,
                       tables: @escaping @Sendable () async -> ReportTables,
                       snapshotName: String, into folder: String,
                       progress: any ProgressSink = SilentProgress()) async throws(ReportError) -> String {
        let startsEarly = otherTablesRowBound <= rowsPerSheet
        return try await XLSXOutputFile.write(folder: folder, name: Self.fileName) { (output) throws(XLSXError) in
            try await write(deliveries: startsEarly ? deliveries : nil, timeZone: timeZone, tables: tables,
                            snapshotName: snapshotName, to: output, progress: progress)
        }
    }

    /// Writes the workbook; with `deliveries`, that table first, on a sheet placed
    /// after empty sheets kept for the tables before it.
    private func write(deliveries: Table?, timeZone: ReportTimeZone, tables makeTables: () async -> ReportTables,
                       snapshotName: String, to output: XLSXOutputFile, progress: any ProgressSink) async throws(XLSXError) {
        let workbook = try XLSXWorkbook(path: output.temporaryPath,
                                        options: XLSXWorkbookOptions(constantMemory: true, temporaryFolder: output.folder))
        let formats = try XLSXReportFormats(in: workbook)
        let writer = XLSXTableWriter(workbook: workbook, formats: formats, timeZone: timeZone, rowsPerSheet: rowsPerSheet)
        var sheetsKept: [String: XLSXWorksheet] = [:]
        if let deliveries {
            for name in ReportTables.names.prefix(while: { $0 != deliveries.name }) {
                sheetsKept[name] = try writer.addSheet(named: name)
            }
            _ = try await writer.write(deliveries, progress: progress)
        }
        let tables = await makeTables()
        var summarySheet: XLSXWorksheet?
        let comparisons = try tables.trends.map { (trends) throws(XLSXError) in
            try XLSXSummaryComparisons(trends: trends, workbook: workbook)
        }
        for table in tables.workbookTables where deliveries == nil || table.name != deliveries?.name {
            let beside = table.name == tables.summary.name ? comparisons : nil
            let sheets = try await writer.write(table, firstSheet: sheetsKept[table.name], beside: beside,
                                                progress: progress)
            if table.name == tables.summary.name {
                summarySheet = sheets.first
            }
            // Each month's invoice follows the billing sheet, before the alerts and reconciliation sheets.
            if let billing = tables.billing, table.name == billing.table.name {
                let invoiceSheet = try XLSXInvoiceSheet(workbook: workbook)
                let context = XLSXInvoiceSheet.Context(isComplete: tables.isComplete,
                                                       incompleteReasons: tables.incompleteReasons)
                for invoice in billing.invoices {
                    try invoiceSheet.write(invoice, of: billing, context: context)
                }
            }
        }
        if let summarySheet {
            try XLSXSummaryCharts(workbook: workbook, isComplete: tables.isComplete, rowsPerSheet: rowsPerSheet)
                .insert(on: summarySheet, tables: tables, firstRow: (comparisons?.rowCount ?? 0) + 1,
                        tableRows: min(tables.summary.rowCount, rowsPerSheet) + 1)
            if !tables.isComplete {
                try summarySheet.setTabColor(XLSXColor(rgb: 0xC00000))
            }
        }
        try workbook.setProperties(XLSXReportProperties.make(for: tables, snapshotName: snapshotName))
        let closing = "writing report.xlsx: compressing"
        progress.update(stage: closing, done: 0, total: 0, unit: "files")
        try workbook.close()
        progress.finish(stage: closing)
    }
}
