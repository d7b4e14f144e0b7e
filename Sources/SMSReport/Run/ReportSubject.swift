/// The subject of a report email (contract §8):
/// `SMS report · <account> · <period> · <rate>% delivered`, with `[INCOMPLETE] ` in
/// front when the data is incomplete.
enum ReportSubject {
    static func line(for report: FinishedReport) -> String {
        let rate = report.deliveryRate.map { ratio in
            ratio.denominator == 0 ? "no deliveries" : String(format: "%.1f%% delivered", ratio.value * 100)
        } ?? "no deliveries"
        let subject = "SMS report · \(report.account) · \(report.period.folderName) · \(rate)"
        return report.isComplete ? subject : "[INCOMPLETE] " + subject
    }
}
