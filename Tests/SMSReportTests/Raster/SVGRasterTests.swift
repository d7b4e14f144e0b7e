import Foundation
import SVGRaster
import Testing

@Suite("SVG raster")
struct SVGRasterTests {
    /// A 40 × 20 document: a red square on the left half, nothing on the right.
    static let square = Array("""
        <svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">
        <rect x="0" y="0" width="20" height="20" fill="#ff0000"/></svg>
        """.utf8)

    @Test func rendersAtTheScaleWithTheCSSSizeAlongside() throws {
        let image = try SVGRaster.png(svg: Self.square, scale: 2)
        #expect((image.width, image.height) == (40, 20))
        #expect((image.pixelWidth, image.pixelHeight) == (80, 40))
        #expect(Array(image.png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let decoded = try #require(DecodedPNG(image.png))
        #expect((decoded.width, decoded.height) == (80, 40))
        #expect(decoded.pixel(10, 20) == (255, 0, 0, 255))
        #expect(decoded.pixel(39, 39) == (255, 0, 0, 255), "the square ends at 2 × 20 pixels")
        #expect(decoded.pixel(40, 0).3 == 0, "transparent without a background")
    }

    @Test func aBackgroundFillsWhatTheDocumentLeavesEmpty() throws {
        let image = try SVGRaster.png(svg: Self.square, scale: 1, background: .white)
        let decoded = try #require(DecodedPNG(image.png))
        #expect((decoded.width, decoded.height) == (40, 20))
        #expect(decoded.pixel(30, 10) == (255, 255, 255, 255))
        #expect(decoded.pixel(5, 10) == (255, 0, 0, 255))
    }

    @Test func aSizeGivenIsTheSizeDrawnAtAndOverridesCSS() throws {
        // CSS `height:auto` in the style leaves librsvg no size of its own; a page shows it at its attributes' size.
        let styled = Array(#"""
            <svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20" style="max-width:100%;height:auto;">
            <rect x="0" y="0" width="20" height="20" fill="#ff0000"/></svg>
            """#.utf8)
        #expect(throws: SVGRasterError.noIntrinsicSize) { try SVGRaster.png(svg: styled, scale: 1) }
        let image = try SVGRaster.png(svg: styled, size: SVGRaster.Size(width: 40, height: 20), scale: 2)
        let decoded = try #require(DecodedPNG(image.png))
        #expect((image.width, image.height, decoded.width, decoded.height) == (40, 20, 80, 40))
        #expect(decoded.pixel(39, 39) == (255, 0, 0, 255) && decoded.pixel(41, 1).3 == 0)
        let doubled = try #require(DecodedPNG(try SVGRaster.png(svg: Self.square, size: SVGRaster.Size(width: 80, height: 40), scale: 1).png))
        #expect(doubled.pixel(39, 39) == (255, 0, 0, 255) && doubled.pixel(41, 1).3 == 0, "the viewBox is scaled into the size")
        #expect(throws: SVGRasterError.invalidSize(width: 0, height: 5)) {
            try SVGRaster.png(svg: Self.square, size: SVGRaster.Size(width: 0, height: 5), scale: 1)
        }
    }

    @Test func aFractionalSizeIsRoundedUpAndStillScaledExactly() throws {
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="10.5" height="3.2"/>"#.utf8)
        let image = try SVGRaster.png(svg: svg, scale: 2)
        #expect((image.width, image.height, image.pixelWidth, image.pixelHeight) == (11, 4, 22, 8))
    }

    @Test func textIsDrawnWithTheMachinesFonts() throws {
        // Latin and Devanagari (a batch id): each must put ink on the page.
        for text in ["Deliveries 1,234", "तिहार-शुभकामना"] {
            let svg = Array("""
                <svg xmlns="http://www.w3.org/2000/svg" width="200" height="30"><text x="4" y="22" \
                font-family="sans-serif" font-size="16" fill="#000000">\(text)</text></svg>
                """.utf8)
            let decoded = try #require(DecodedPNG(try SVGRaster.png(svg: svg, scale: 2, background: .white).png))
            let ink = decoded.darkPixelCount
            #expect(ink > 200, "\(text): \(ink) dark pixels")
        }
    }

    @Test func errorsAreTypedValues() {
        #expect(throws: SVGRasterError.invalidScale(0)) { try SVGRaster.png(svg: Self.square, scale: 0) }
        #expect(throws: SVGRasterError.invalidScale(9)) { try SVGRaster.png(svg: Self.square, scale: 9) }
        #expect(throws: SVGRasterError.noIntrinsicSize) {
            try SVGRaster.png(svg: Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="50%"/>"#.utf8), scale: 1)
        }
        #expect(throws: SVGRasterError.tooLarge(width: 40_000, height: 20)) {
            try SVGRaster.png(svg: Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="10"/>"#.utf8), scale: 2)
        }
        for broken in ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"", "not svg at all", ""] {
            do {
                _ = try SVGRaster.png(svg: Array(broken.utf8), scale: 1)
                Issue.record("\(broken) was rendered")
            } catch {
                guard case .unreadable(let message) = error else {
                    Issue.record("\(broken): \(error)")
                    continue
                }
                #expect(!message.isEmpty)
                #expect(error.description.hasPrefix("librsvg cannot read the SVG: "))
            }
        }
    }

    @Test func renderingFromManyTasksAtOnceGivesTheSameImage() async throws {
        let svg = Array("""
            <svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="4" y="20" \
            font-size="14">NCELL 93.4% · तिहार</text></svg>
            """.utf8)
        let expected = try SVGRaster.png(svg: svg, scale: 2)
        let images = try await withThrowingTaskGroup(of: SVGRaster.Image.self) { group in
            for _ in 0..<8 {
                group.addTask { try SVGRaster.png(svg: svg, scale: 2) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(images.count == 8)
        #expect(images.allSatisfy { $0 == expected })
    }
}
