import SMSCore
import SMSAggregate

/// Renders a report's summary page from templates: `report.html` (contract §5), the
/// self-contained, email-safe page, and `report.txt`, its plain-text alternative
/// (the two parts of the nightly email). Both are drawn from the same tables as
/// CSV and XLSX; the renderer formats their cells and computes no figure.
package struct SummaryPageRenderer: Sendable {
    /// The template of `report.html`.
    package static let htmlTemplate = "report.html"
    /// The template of `report.txt`.
    package static let textTemplate = "report.txt"
    /// The file names written by ``write(_:source:into:)``.
    package static let fileNames = ["report.html", "report.txt"]

    /// The templates the page is drawn with.
    package let templates: ReportTemplates

    /// A renderer with `templates`; exit 2 when `report.html`, `report.txt` or a
    /// partial they include is missing.
    package init(templates: ReportTemplates) throws(ReportError) {
        try templates.require([Self.htmlTemplate, Self.textTemplate])
        self.templates = templates
    }

    /// The HTML page of `tables`.
    package func html(_ tables: ReportTables, source: ReportSource) throws(ReportError) -> String {
        try templates.render(Self.htmlTemplate, HTMLReportViewBuilder.view(of: tables, source: source))
    }

    /// The plain-text alternative of `tables`.
    package func text(_ tables: ReportTables, source: ReportSource) throws(ReportError) -> String {
        try templates.render(Self.textTemplate, TextReportView(HTMLReportViewBuilder.view(of: tables, source: source)))
    }

    /// Writes `report.html` and `report.txt` into `folder`, each under a temporary
    /// name renamed into place when complete; returns their paths.
    package func write(_ tables: ReportTables, source: ReportSource, into folder: String) throws(ReportError) -> [String] {
        let view = HTMLReportViewBuilder.view(of: tables, source: source)
        let documents = [try templates.render(Self.htmlTemplate, view),
                         try templates.render(Self.textTemplate, TextReportView(view))]
        var paths: [String] = []
        for (name, document) in zip(Self.fileNames, documents) {
            let path = "\(folder)/\(name)"
            var writer = try AtomicFileWriter(path: path)
            try writer.write { $0.append(contentsOf: document.utf8) }
            try writer.commit()
            paths.append(path)
        }
        return paths
    }
}
