import Foundation
@testable import SMSBilling
@testable import SMSConfig
@testable import SMSCore
@testable import SMSRun
import Testing

/// `billing.csv` of the bundled rich sample for each of its months, compared byte for
/// byte with `Tests/Golden/billing/rich-<month>.csv`. `make golden` (UPDATE_GOLDEN=1)
/// rewrites them deliberately.
@Suite struct BillingGoldenTests {
    /// The card of `samples/rate-card.yaml`, the committed example card.
    static func sampleCard() throws -> RateCard {
        try RateCardFile.load(path: "\(PackagePaths.root)/samples/rate-card.yaml")
    }

    @Test(arguments: ["2025-10", "2025-11"])
    func richSampleMatchesItsGoldenBilling(month: String) async throws {
        let output = try TemporaryFolder()
        let request = BillingRequest(snapshotFolder: PackagePaths.sample("rich"), outputFolder: output.path,
                                     month: try #require(LocalMonth(iso: month)), account: "acme",
                                     rateCard: try Self.sampleCard(), generatedAt: GoldenFileTests.generatedAt)
        let outcome = try await BillingJob.run(request)
        #expect(outcome.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["billing.csv", "billing.xlsx"])
        #expect(try output.files() == ["billing.csv", "billing.xlsx"])
        let golden = "\(PackagePaths.root)/Tests/Golden/billing/rich-\(month).csv"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: "\(PackagePaths.root)/Tests/Golden/billing",
                                                    withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: golden)
            try FileManager.default.copyItem(atPath: outcome.files[0], toPath: golden)
        }
        let produced = try #require(FileManager.default.contents(atPath: outcome.files[0]))
        let expected = try #require(FileManager.default.contents(atPath: golden))
        #expect(produced == expected, "billing.csv of \(month) differs from \(golden)")
    }
}
