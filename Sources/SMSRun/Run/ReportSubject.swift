import Foundation
import SMSCore
import SMSRender

/// The subject of a report email (contract §8), from the template `subject.txt`:
/// `SMS report · <account> · <period> · <rate>% delivered`, with `[INCOMPLETE] ` in
/// front when the data is incomplete, and `[ALERT] ` at the very front when an alert
/// was raised (contract §10).
package enum ReportSubject {
    /// The template's name.
    package static let template = "subject.txt"

    /// The subject line for `report`, on one line whatever the template's line breaks.
    package static func line(for report: FinishedReport, templates: ReportTemplates) throws(ReportError) -> String {
        let delivered = report.deliveryRate.flatMap { ratio in
            ratio.denominator == 0 ? nil : DisplayFormat.percent(ratio) + " delivered"
        } ?? "no deliveries"
        let view: [String: Any] = [
            "alert": report.alerts > 0, "incomplete": !report.isComplete, "account": report.account, "period": report.period.folderName,
            "delivered": delivered,
        ]
        let text = try templates.render(template, view)
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
