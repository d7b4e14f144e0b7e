import Foundation
@testable import SMSBilling
@testable import SMSConfig
@testable import SMSCore
@testable import SMSIngest
@testable import SMSRun
import Testing

/// Issue 7: with a rate card (a monthly run), report.html carries the billing lines,
/// the same amounts as billing.csv; without one it has no billing section.
@Suite struct HTMLBillingSectionTests {
    static func request(folder: String, billing: BillingOptions?) -> ReportRequest {
        ReportRequest(snapshotFolder: PackagePaths.sample("rich"), outputFolder: folder,
                      options: ReportOptions(from: LocalDay(iso: "2025-11-01"), to: LocalDay(iso: "2025-11-30"),
                                             generatedAt: Instant(unixSeconds: 1_762_300_800)),
                      formats: [.html], billing: billing)
    }

    @Test func theBillingLinesAppearWithTheirAmounts() async throws {
        let output = try TemporaryFolder()
        let card = try RateCardFile.load(path: "\(PackagePaths.root)/samples/rate-card.yaml")
        let billing = BillingOptions(account: "acme", rateCard: card, months: [LocalMonth(iso: "2025-11")!])
        let outcome = try await ReportJob.run(Self.request(folder: output.path, billing: billing))
        let html = try String(contentsOfFile: output.path + "/report.html", encoding: .utf8)
        let invoice = try #require(outcome.billing?.invoices.first)
        #expect(html.contains(">Billing<"))
        #expect(html.contains("rate card \(card.name)"))
        for line in invoice.lines {
            #expect(html.contains(">\(line.operatorName)<"))
            #expect(html.contains(">\(Money.text(line.amount)) \(invoice.currency)<"))
        }
        #expect(html.contains(">\(BillingStatement.totalLabel)<"))
        #expect(html.contains(">\(Money.text(invoice.amount)) \(invoice.currency)<"))
    }

    @Test func withoutARateCardThereIsNoBillingSection() async throws {
        let output = try TemporaryFolder()
        _ = try await ReportJob.run(Self.request(folder: output.path, billing: nil))
        let html = try String(contentsOfFile: output.path + "/report.html", encoding: .utf8)
        #expect(!html.contains(">Billing<"))
    }
}
