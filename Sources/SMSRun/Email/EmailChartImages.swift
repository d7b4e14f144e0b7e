import Crypto
import Foundation
import MailCore
import SMSSupport
import SVGRaster

/// The report email's HTML part (contract §8): `report.html` with each inline `<svg>`
/// replaced by an `<img>` of its PNG rendering, sent beside the HTML as an inline part
/// (`cid:` URL), because Gmail, Outlook and Yahoo Mail do not show SVG. `report.html`
/// on disk keeps its SVG.
///
/// Each PNG is drawn at ``scale`` × the SVG's size for sharp screens; the `<img>`'s
/// `width` and `height` are the SVG's size, and its `alt` is the SVG's `aria-label`
/// (the chart's title and the numbers it shows, written by the HTML renderer), else
/// its `<title>`. A chart that cannot be drawn is replaced by that text in a box that
/// says where report.html is, and ``problems`` says why; the email still goes.
package struct EmailChartImages: Sendable {
    /// The HTML with `<img>` elements in place of the `<svg>` elements.
    package let html: String
    /// One PNG part per drawn chart, in the page's order.
    package let images: [EmailRelatedPart]
    /// One line per chart that could not be drawn, for the run's log.
    package let problems: [String]

    /// Pixels per CSS pixel of the PNG images.
    package static let scale = 2
    /// The domain of the images' Content-IDs.
    static let contentIDDomain = "sms-report"

    /// Draws each `<svg>` element of `html` (outermost ones; a malformed one without
    /// its end tag is left as it is). `folder` is where report.html is on disk, named
    /// in place of a chart that could not be drawn.
    package static func replacingCharts(in html: String, folder: String) -> EmailChartImages {
        var output = ""
        var images: [EmailRelatedPart] = []
        var problems: [String] = []
        var rest = html[...]
        while let element = nextSVGElement(in: rest) {
            output += rest[..<element.lowerBound]
            let svg = rest[element]
            let chart = ChartText(svg)
            do throws(SVGRasterError) {
                let image = try SVGRaster.png(svg: Array(svg.utf8), size: chart.size, scale: scale, background: .white)
                let number = images.count + 1
                let digest = SHA256.hash(data: image.png).prefix(8).map { String(format: "%02x", $0) }.joined()
                // safe: the local part and the domain are letters, digits, `-` and `.` only.
                let contentID = EmailContentID(local: "chart-\(number).\(digest)", domain: contentIDDomain)!
                images.append(EmailRelatedPart(contentID: contentID, contentType: EmailRelatedPart.pngType,
                                               fileName: "chart-\(number).png", data: Data(image.png)))
                output += "<img src=\"\(contentID.url)\" alt=\"\(XMLText.escape(chart.alt))\" width=\"\(image.width)\" "
                    + "height=\"\(image.height)\"\(chart.style.map { " style=\"\(XMLText.escape($0))\"" } ?? "")>"
            } catch {
                problems.append("the chart \"\(chart.alt.prefix(80))\" is text in the email, not an image: \(error)")
                output += "<div role=\"img\" aria-label=\"\(XMLText.escape(chart.alt))\" style=\"border:1px dashed "
                    + "#9aa5b1;padding:8px 12px;color:#1f2933;font-size:13px;\">\(XMLText.escape(chart.alt))"
                    + "<div style=\"color:#6b7280;margin-top:4px;\">This chart could not be drawn for this email; "
                    + "report.html in \(XMLText.escape(folder)) shows it.</div></div>"
            }
            rest = rest[element.upperBound...]
        }
        return EmailChartImages(html: output + rest, images: images, problems: problems)
    }

    /// The range of the first `<svg …>…</svg>` element of `html`, nested ones included;
    /// nil when there is none, or when it has no end tag.
    static func nextSVGElement(in html: Substring) -> Range<Substring.Index>? {
        guard let start = tagStart("<svg", in: html) else { return nil }
        var depth = 1
        var position = start.upperBound
        while depth > 0 {
            guard let closing = tagStart("</svg", in: html[position...]) else { return nil }
            if let opening = tagStart("<svg", in: html[position..<closing.lowerBound]) {
                depth += 1
                position = opening.upperBound
                continue
            }
            depth -= 1
            guard let end = html[closing.upperBound...].firstIndex(of: ">") else { return nil }
            position = html.index(after: end)
        }
        return start.lowerBound..<position
    }

    /// The first `name` (`<svg`, `</svg`) in `html` that is a whole tag name: followed by
    /// a space, `>` or `/`. Case-insensitive.
    private static func tagStart(_ name: String, in html: Substring) -> Range<Substring.Index>? {
        var searched = html
        while let found = searched.range(of: name, options: .caseInsensitive) {
            let next = html[found.upperBound...].first
            if next == nil || next == ">" || next == "/" || next!.isWhitespace {
                return found
            }
            searched = html[found.upperBound...]
        }
        return nil
    }
}

/// What an `<svg>` element says of itself: its alt text, its size and its style.
private struct ChartText {
    /// The `aria-label`, else the first `<title>`'s text, else `chart`; entities decoded.
    let alt: String
    /// The `style` attribute, carried over to the `<img>`.
    let style: String?
    /// The `width` and `height` attributes in CSS pixels (`720` or `720px`): the size the
    /// page shows it at, whatever its `style` says; nil when either is missing or relative.
    let size: SVGRaster.Size?

    init(_ svg: Substring) {
        let openingTag = svg[..<(svg.firstIndex(of: ">") ?? svg.endIndex)]
        let attributes = Self.attributes(of: openingTag)
        let title = svg.range(of: "<title>").flatMap { start in
            svg[start.upperBound...].range(of: "</title>").map { String(svg[start.upperBound..<$0.lowerBound]) }
        }
        let label = [attributes["aria-label"], title].compactMap { $0 }
            .map { XMLText.unescape($0).trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
        alt = label ?? "chart"
        style = attributes["style"].map(XMLText.unescape)
        let pixels = { (name: String) -> Double? in
            attributes[name].map { XMLText.unescape($0).trimmingCharacters(in: .whitespaces) }
                .flatMap { Double($0.hasSuffix("px") ? String($0.dropLast(2)) : $0) }
        }
        size = pixels("width").flatMap { width in pixels("height").map { SVGRaster.Size(width: width, height: $0) } }
    }

    /// The quoted attributes of an opening tag, by lowercase name, values as written.
    private static func attributes(of tag: Substring) -> [String: String] {
        let pattern = /([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/
        var found: [String: String] = [:]
        for match in tag.matches(of: pattern) {
            let name = match.output.1.lowercased()
            if found[name] == nil {
                found[name] = String(match.output.2 ?? match.output.3 ?? "")
            }
        }
        return found
    }
}
