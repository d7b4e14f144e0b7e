import Foundation
@testable import SMSRun
import SVGRaster
import Testing

@Suite("Email chart images")
struct EmailChartImagesTests {
    static let bar = """
        <svg xmlns="http://www.w3.org/2000/svg" width="300" height="120" viewBox="0 0 300 120" role="img" \
        aria-label="Delivery rate by operator: NTC 95.1%, NCELL 88.0%" style="display:block;max-width:100%;height:auto;">
        <title>Delivery rate by operator</title><rect x="10" y="10" width="50" height="100" fill="#2e7d32"><title>NTC</title></rect>
        <svg x="100" width="20" height="20"><rect width="20" height="20" fill="#000000"/></svg>
        </svg>
        """
    static let spark = """
        <svg xmlns="http://www.w3.org/2000/svg" width="100px" height="24"><title>NCELL &amp; co: 93%</title></svg>
        """

    @Test func everySVGBecomesAnImgOfItsPNGAtTwiceItsSize() throws {
        let html = "<html><body><p>before</p>\(Self.bar)<p>between</p>\(Self.spark)<p>after</p></body></html>"
        let charts = EmailChartImages.replacingCharts(in: html, folder: "/srv/reports/acme/2025-11-04")
        #expect(charts.problems == [])
        #expect(!charts.html.lowercased().contains("<svg"))
        #expect(charts.images.count == 2)
        let ids = charts.images.map(\.contentID.value)
        #expect(ids[0].hasPrefix("chart-1.") && ids[1].hasPrefix("chart-2.") && ids.allSatisfy { $0.hasSuffix("@sms-report") })
        #expect(charts.images.map(\.fileName) == ["chart-1.png", "chart-2.png"])
        #expect(charts.html.contains("<p>before</p><img src=\"cid:\(ids[0])\" "
            + "alt=\"Delivery rate by operator: NTC 95.1%, NCELL 88.0%\" width=\"300\" height=\"120\" "
            + "style=\"display:block;max-width:100%;height:auto;\"><p>between</p>"))
        #expect(charts.html.contains("<img src=\"cid:\(ids[1])\" alt=\"NCELL &amp; co: 93%\" width=\"100\" height=\"24\"><p>after</p>"))
        let sizes = try charts.images.map { image in
            let decoded = try #require(DecodedPNG(Array(image.data)))
            return [decoded.width, decoded.height]
        }
        #expect(sizes == [[600, 240], [200, 48]])
    }

    @Test func aChartThatCannotBeDrawnBecomesItsTextAndTheEmailStillHasTheRest() {
        let broken = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" aria-label=\"Latency: &lt;1s 12\"><title>x</title></svg>"
        #expect(throws: SVGRasterError.noIntrinsicSize) { try SVGRaster.png(svg: Array(broken.utf8), scale: 1) }
        let html = "<body>\(broken)\(Self.spark)</body>"
        let charts = EmailChartImages.replacingCharts(in: html, folder: "/srv/reports/acme/2025-11-04")
        #expect(charts.images.count == 1)
        #expect(!charts.html.lowercased().contains("<svg"))
        #expect(charts.html.hasPrefix("<body><div role=\"img\" aria-label=\"Latency: &lt;1s 12\""))
        #expect(charts.html.contains("report.html in /srv/reports/acme/2025-11-04 shows it."))
        #expect(charts.problems == ["the chart \"Latency: <1s 12\" is text in the email, not an image: "
            + SVGRasterError.noIntrinsicSize.description])
    }

    @Test func htmlWithoutChartsIsUnchanged() {
        let html = "<p>no charts, an <svgfoo> tag and an unclosed <svg width=\"1\" height=\"1\">"
        let charts = EmailChartImages.replacingCharts(in: html, folder: "/tmp")
        #expect(charts.html == html)
        #expect(charts.images.isEmpty && charts.problems.isEmpty)
    }
}
