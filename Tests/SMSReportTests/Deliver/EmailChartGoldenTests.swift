import Foundation
@testable import SMSCore
@testable import SMSIngest
@testable import SMSRun
import Testing

/// The rich sample's charts as the email carries them (PNG at 2×), compared with the
/// golden images under `Tests/Golden/email-charts/` within a tolerance: font hinting and
/// anti-aliasing differ a little between machines and library versions, shapes and
/// colours do not. `make golden` rewrites them deliberately (`UPDATE_GOLDEN=1`).
@Suite struct EmailChartGoldenTests {
    /// The largest mean difference allowed, per pixel and channel on 0–255.
    static let tolerance = 2.0

    @Test func richSampleChartsMatchTheirGoldenImages() async throws {
        let output = try TemporaryFolder()
        let request = ReportRequest(
            snapshotFolder: PackagePaths.sample("rich"), outputFolder: output.path,
            options: ReportOptions(generatedAt: GoldenFileTests.generatedAt), formats: [.html])
        _ = try await ReportJob.run(request)
        let html = try String(contentsOfFile: output.path + "/report.html", encoding: .utf8)
        let charts = EmailChartImages.replacingCharts(in: html, folder: output.path)
        #expect(charts.problems == [])
        #expect(charts.images.map(\.fileName) == ["chart-1.png", "chart-2.png", "chart-3.png"])
        let goldenFolder = PackagePaths.root + "/Tests/Golden/email-charts"

        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: goldenFolder, withIntermediateDirectories: true)
            for image in charts.images {
                try image.data.write(to: URL(fileURLWithPath: "\(goldenFolder)/rich-\(image.fileName)"))
            }
        }

        for image in charts.images {
            let golden = try #require(FileManager.default.contents(atPath: "\(goldenFolder)/rich-\(image.fileName)"))
            let expected = try #require(DecodedPNG(Array(golden)))
            let produced = try #require(DecodedPNG(Array(image.data)))
            #expect((produced.width, produced.height) == (expected.width, expected.height), "\(image.fileName)")
            guard produced.rgba.count == expected.rgba.count else { continue }
            let mean = produced.meanDifference(from: expected)
            #expect(mean <= Self.tolerance, "\(image.fileName) differs from its golden image by \(mean)")
        }
    }
}
