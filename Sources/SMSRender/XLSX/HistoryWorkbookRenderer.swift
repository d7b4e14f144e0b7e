import SMSCore
import SMSSupport
import XLSXWriter

/// Writes `history.xlsx` (contract §9): the `summary` sheet with the native charts,
/// the `history` table as a sheet like the report's (bold header, frozen top row,
/// autofilter, widths, rates in percent), and for a grouped history the sheets its
/// charts read (``XLSXHistoryCharts``). The file is renamed into place only when
/// complete.
package struct HistoryWorkbookRenderer: Sendable {
    /// The file name inside the output folder.
    package static let fileName = "history.xlsx"

    /// Data rows on one sheet before the table continues on the next sheet.
    package let rowsPerSheet: Int

    /// A renderer that puts at most `rowsPerSheet` data rows on a sheet (clamped to 1…1,048,575).
    package init(rowsPerSheet: Int = XLSXLimits.dataRowsPerSheet) {
        self.rowsPerSheet = min(max(rowsPerSheet, 1), XLSXLimits.dataRowsPerSheet)
    }

    /// Writes `history.xlsx` into `folder`; returns its path.
    package func render(_ document: HistoryDocument, into folder: String,
                        progress: any ProgressSink = SilentProgress()) async throws(ReportError) -> String {
        try await XLSXOutputFile.write(folder: folder, name: Self.fileName) { (output) throws(XLSXError) in
            try await write(document, to: output, progress: progress)
        }
    }

    private func write(_ document: HistoryDocument, to output: XLSXOutputFile,
                       progress: any ProgressSink) async throws(XLSXError) {
        let workbook = try XLSXWorkbook(path: output.temporaryPath,
                                        options: XLSXWorkbookOptions(constantMemory: true, temporaryFolder: output.folder))
        let chartData = document.chartData
        let summary = try XLSXHistorySummarySheet(workbook: workbook).write(document, chartData: chartData)
        var writer = XLSXTableWriter(workbook: workbook, formats: try XLSXReportFormats(in: workbook),
                                     timeZone: document.timeZone, rowsPerSheet: rowsPerSheet)
        writer.fileName = Self.fileName
        let tables = [document.table]
            + XLSXHistoryCharts.pivotTables(chartData, grouped: document.groupColumn != nil)
        for table in tables {
            _ = try await writer.write(table, progress: progress)
        }
        try XLSXHistoryCharts(workbook: workbook, document: document, chartData: chartData, rowsPerSheet: rowsPerSheet)
            .insert(on: summary)
        try workbook.setProperties(Self.properties(of: document))
        try workbook.close()
    }

    /// Title, subject and comments naming the account, the range and the bucketing.
    package static func properties(of document: HistoryDocument) -> XLSXDocumentProperties {
        let missing = document.missingDays.isEmpty ? "" : ", \(document.missingDays.count) days missing"
        return XLSXDocumentProperties(
            title: "SMS delivery history, \(document.account), \(document.rangeText)",
            subject: "Deliveries and delivery rate per \(document.bucketing)\(missing)",
            author: "sms-report",
            comments: "Built from the history store; \(document.storedDaysText); days in \(document.timeZone.identifier).",
            createdUnixSeconds: document.generatedAt.microseconds / 1_000_000)
    }
}
