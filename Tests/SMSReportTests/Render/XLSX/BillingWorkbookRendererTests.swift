import Foundation
@testable import SMSBilling
@testable import SMSCore
@testable import SMSRender
import Testing

/// `billing.xlsx` is written whole or not at all, and its document properties name
/// the account, the month and the card.
@Suite struct BillingWorkbookRendererTests {
    static func statement() async throws -> BillingStatement {
        let options = UnitReport.options(from: "2025-11-01", to: "2025-11-30")
        return try BillingAggregator.statement(
            for: try await UnitSnapshot.load(BillingAggregatorTests.files), options: options,
            billing: BillingOptions(account: "acme", rateCard: try BillingAggregatorTests.card(),
                                    months: BillingOptions.months(from: options.from, to: options.to)))
    }

    @Test func theWorkbookIsWrittenUnderItsName() async throws {
        let folder = try TemporaryFolder()
        let path = try await BillingWorkbookRenderer().render(try await Self.statement(), isComplete: true,
                                                              incompleteReasons: [], into: folder.path)
        #expect(path == folder.path + "/billing.xlsx")
        #expect(try folder.files() == ["billing.xlsx"])
    }

    @Test func aWorkbookThatCannotBePutInPlaceLeavesNothingBehind() async throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path + "/billing.xlsx/taken", withIntermediateDirectories: true)
        let statement = try await Self.statement()
        await #expect(throws: ReportError.self) {
            try await BillingWorkbookRenderer().render(statement, isComplete: true, incompleteReasons: [], into: folder.path)
        }
        #expect(try folder.files() == ["billing.xlsx"])
    }

    @Test func thePropertiesNameTheAccountMonthAndCard() async throws {
        let properties = BillingWorkbookRenderer.properties(of: try await Self.statement(), isComplete: false)
        #expect(properties.title == "SMS billing, acme, 2025-11")
        #expect(properties.subject.hasSuffix("INCOMPLETE data"))
        #expect(properties.comments.contains("Rate card unit in NPR"))
        #expect(properties.createdUnixSeconds == UnitReport.generatedAt.microseconds / 1_000_000)
    }
}
