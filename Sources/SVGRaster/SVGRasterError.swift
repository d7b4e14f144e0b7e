/// Why an SVG document could not be rendered to PNG.
package enum SVGRasterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The scale is not a whole number from 1 to ``SVGRaster/maximumScale``.
    case invalidScale(Int)
    /// librsvg could not read the document; its message.
    case unreadable(String)
    /// The document gives no size in pixels (no `width` and `height`, only percentages,
    /// or CSS `auto`), and none was passed.
    case noIntrinsicSize
    /// The size passed is not a positive, finite width and height.
    case invalidSize(width: Double, height: Double)
    /// The image would be larger than ``SVGRaster/maximumSide`` pixels on a side.
    case tooLarge(width: Int, height: Int)
    /// librsvg could not draw the document; its message.
    case renderFailed(String)
    /// cairo could not make the surface or the PNG; its status text.
    case cairo(String)

    package var description: String {
        switch self {
        case .invalidScale(let scale):
            return "the scale \(scale) is not between 1 and \(SVGRaster.maximumScale)"
        case .unreadable(let message):
            return "librsvg cannot read the SVG: \(message)"
        case .noIntrinsicSize:
            return "the SVG gives no width and height in pixels"
        case .invalidSize(let width, let height):
            return "the size \(width) × \(height) is not a positive width and height"
        case .tooLarge(let width, let height):
            return "the image would be \(width) × \(height) pixels, over \(SVGRaster.maximumSide) on a side"
        case .renderFailed(let message):
            return "librsvg cannot draw the SVG: \(message)"
        case .cairo(let status):
            return "cairo: \(status)"
        }
    }
}
