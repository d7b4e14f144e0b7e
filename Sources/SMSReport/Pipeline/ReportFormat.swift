/// An output format of `report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case csv
    case xlsx
    case html

    /// The formats this build writes. XLSX and HTML arrive with their renderers.
    public static let available: [ReportFormat] = [.csv]
}
