/// An output format of `report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case csv
    case xlsx
    case html

    /// The formats this build writes. HTML arrives with its renderer.
    public static let available: [ReportFormat] = [.csv, .xlsx]
}
