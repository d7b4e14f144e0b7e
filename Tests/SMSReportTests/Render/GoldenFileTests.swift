import Foundation
@testable import SMSCore
@testable import SMSIngest
@testable import SMSRun
import Testing

/// The CSV files, `report.html` and `report.txt` of both bundled samples, compared
/// byte for byte with the checked-in golden files under `Tests/Golden/<sample>/`.
/// Run `make golden` to rewrite them deliberately after an intended change (it sets
/// `UPDATE_GOLDEN=1`). XLSX is checked by reading it back (openpyxl), not byte for byte.
@Suite struct GoldenFileTests {
    /// A fixed generation time, as `SOURCE_DATE_EPOCH=1762300800` gives.
    static let generatedAt = Instant(unixSeconds: 1_762_300_800)

    @Test(arguments: ["api-doc", "rich"])
    func sampleMatchesGoldenFiles(sample: String) async throws {
        let output = try TemporaryFolder()
        let request = ReportRequest(
            snapshotFolder: PackagePaths.sample(sample), outputFolder: output.path,
            options: ReportOptions(generatedAt: Self.generatedAt), formats: [.csv, .html])
        let outcome = try await ReportJob.run(request)
        let goldenFolder = PackagePaths.golden(sample)

        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: goldenFolder)
            try FileManager.default.createDirectory(atPath: goldenFolder, withIntermediateDirectories: true)
            for file in outcome.files {
                let name = URL(fileURLWithPath: file).lastPathComponent
                try FileManager.default.copyItem(atPath: file, toPath: "\(goldenFolder)/\(name)")
            }
        }

        let goldenNames = try FileManager.default.contentsOfDirectory(atPath: goldenFolder).sorted()
        #expect(try output.files() == goldenNames)
        for name in goldenNames {
            let produced = try #require(FileManager.default.contents(atPath: "\(output.path)/\(name)"))
            let golden = try #require(FileManager.default.contents(atPath: "\(goldenFolder)/\(name)"))
            #expect(produced == golden, "\(sample)/\(name) differs from its golden file")
        }
    }
}
