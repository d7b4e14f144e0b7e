import SMSSupport
import XLSXWriter
import SMSCore
import SMSBilling

/// Writes `billing.xlsx` (contract §7): an invoice-style sheet per month of a
/// ``BillingStatement`` (`invoice YYYY-MM`), then the `billing` table as a sheet
/// like the report's, amounts as numbers in a currency format. The file is renamed
/// into place only when complete.
package struct BillingWorkbookRenderer: Sendable {
    /// The file name inside the output folder.
    package static let fileName = "billing.xlsx"

    /// A renderer of `billing.xlsx`.
    package init() {}

    /// Writes `billing.xlsx` into `folder`; returns its path. `isComplete` and
    /// `incompleteReasons` describe the snapshot the statement comes from.
    package func render(_ statement: BillingStatement, isComplete: Bool, incompleteReasons: [String],
                       into folder: String) async throws(ReportError) -> String {
        let context = XLSXInvoiceSheet.Context(isComplete: isComplete, incompleteReasons: incompleteReasons)
        return try await XLSXOutputFile.write(folder: folder, name: Self.fileName) { (output) throws(XLSXError) in
            try await write(statement, context: context, to: output)
        }
    }

    private func write(_ statement: BillingStatement, context: XLSXInvoiceSheet.Context,
                       to output: XLSXOutputFile) async throws(XLSXError) {
        let workbook = try XLSXWorkbook(path: output.temporaryPath,
                                        options: XLSXWorkbookOptions(constantMemory: true, temporaryFolder: output.folder))
        let invoiceSheet = try XLSXInvoiceSheet(workbook: workbook)
        for invoice in statement.invoices {
            try invoiceSheet.write(invoice, of: statement, context: context)
        }
        let writer = XLSXTableWriter(workbook: workbook, formats: try XLSXReportFormats(in: workbook),
                                     timeZone: statement.timeZone, rowsPerSheet: XLSXLimits.dataRowsPerSheet)
        _ = try await writer.write(statement.table, progress: SilentProgress())
        try workbook.setProperties(Self.properties(of: statement, isComplete: context.isComplete))
        try workbook.close()
    }

    /// Title, subject and comments naming the account, the months and the card.
    package static func properties(of statement: BillingStatement, isComplete: Bool) -> XLSXDocumentProperties {
        let months = statement.invoices.map(\.month.description)
        let period = months.count > 1 ? "\(months[0]) to \(months[months.count - 1])" : (months.first ?? "(no month)")
        return XLSXDocumentProperties(
            title: "SMS billing, \(statement.account), \(period)",
            subject: "SMS segments billed to \(statement.account) for \(period)\(isComplete ? "" : ", INCOMPLETE data")",
            author: "sms-report",
            comments: "Rate card \(statement.rateCard.name) in \(statement.rateCard.currency); "
                + "months of local days in \(statement.timeZone.identifier).",
            createdUnixSeconds: statement.generatedAt.microseconds / 1_000_000)
    }
}
