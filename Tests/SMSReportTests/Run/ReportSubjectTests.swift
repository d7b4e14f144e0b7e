@testable import SMSConfig
@testable import SMSCore
@testable import SMSRender
@testable import SMSRun
import Testing

/// Contract §8 "Subject": `SMS report · <account> · <period> · <rate>% delivered`,
/// `[INCOMPLETE] ` in front when the data is incomplete; from `templates/subject.txt`.
@Suite struct ReportSubjectTests {
    static func report(rate: Ratio?, complete: Bool) -> FinishedReport {
        FinishedReport(account: "acme", period: RunPeriod(day: LocalDay(iso: "2025-11-04")!), folder: "/tmp",
                       files: [], isComplete: complete, deliveryRate: rate, recipients: ["ops@acme.example"])
    }

    @Test func aCompleteDayGivesTheRateWithOneDecimal() throws {
        let subject = try ReportSubject.line(for: Self.report(rate: Ratio(962, over: 1000), complete: true),
                                             templates: ReportTemplates.bundled())
        #expect(subject == "SMS report · acme · 2025-11-04 · 96.2% delivered")
    }

    @Test func incompleteDataIsMarkedInFront() throws {
        let subject = try ReportSubject.line(for: Self.report(rate: Ratio(1, over: 3), complete: false),
                                             templates: ReportTemplates.bundled())
        #expect(subject == "[INCOMPLETE] SMS report · acme · 2025-11-04 · 33.3% delivered")
    }

    @Test func aPeriodWithoutDeliveriesSaysSo() throws {
        let subject = try ReportSubject.line(for: Self.report(rate: Ratio(0, over: 0), complete: true),
                                             templates: ReportTemplates.bundled())
        #expect(subject == "SMS report · acme · 2025-11-04 · no deliveries")
    }

    @Test func aUsersTemplateIsOneLineWhateverItsBreaks() throws {
        let templates = try ReportTemplates(origin: "test", files: [(name: "subject.txt", text: "Daily\n  {{account}}\n{{period}}\n")])
        let subject = try ReportSubject.line(for: Self.report(rate: nil, complete: true), templates: templates)
        #expect(subject == "Daily acme 2025-11-04")
    }
}
