import SMSCore
import SMSSupport

/// Writes the outputs of `sms-report history` (contract §9) into a folder:
/// `history.csv` (the table, as every CSV of the report), `history.xlsx`
/// (``HistoryWorkbookRenderer``) and `history.html` (``HistoryPage``), each for a
/// format asked for, each written under a temporary name and renamed into place.
///
/// The missing days are not rows of the CSV, whose columns the contract fixes; the
/// workbook and the page list them, and the command prints them.
package struct HistoryRenderer: Sendable {
    /// The name of each file, without extension.
    package static let baseName = "history"

    /// The formats written, in this order: csv, xlsx, html.
    package let formats: [ReportFormat]
    /// True (the default) to guard the CSV's text cells against formula injection.
    package let csvGuardsFormulas: Bool

    package init(formats: [ReportFormat], csvGuardsFormulas: Bool = true) {
        self.formats = ReportFormat.allCases.filter(formats.contains)
        self.csvGuardsFormulas = csvGuardsFormulas
    }

    /// Writes the files of `document` into `folder`; returns their paths in the order
    /// written. The first failure stops the writing, with nothing half-written left.
    package func render(_ document: HistoryDocument, into folder: String,
                        progress: any ProgressSink) async throws(ReportError) -> [String] {
        var paths: [String] = []
        for format in formats {
            let path = "\(folder)/\(Self.baseName).\(format.rawValue)"
            switch format {
            case .csv:
                try await CSVRenderer(guardsFormulas: csvGuardsFormulas)
                    .write(document.table, timeZone: document.timeZone, to: path, progress: progress)
            case .xlsx:
                _ = try await HistoryWorkbookRenderer().render(document, into: folder, progress: progress)
            case .html:
                var writer = try AtomicFileWriter(path: path)
                let page = HistoryPage.html(document)
                try writer.write { $0.append(contentsOf: page.utf8) }
                try writer.commit()
            }
            paths.append(path)
        }
        return paths
    }
}
