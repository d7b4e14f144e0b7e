/// An output format of `report`.
package enum ReportFormat: String, CaseIterable, Sendable {
    case csv
    case xlsx
    case html

    /// The formats this build writes, and the default of `--format`. `html` writes
    /// `report.html` and its plain-text alternative `report.txt`.
    package static let available: [ReportFormat] = [.csv, .xlsx, .html]
}
