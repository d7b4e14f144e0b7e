import CLibRSVG
import Foundation
import Synchronization

/// Renders an SVG document to a PNG image with librsvg through a cairo image surface.
/// Text is laid out by Pango with the fonts that fontconfig finds on this machine.
/// It knows nothing of what the SVG shows.
package enum SVGRaster {
    /// The largest scale accepted.
    package static let maximumScale = 8
    /// The largest side of a rendered image, in pixels: a bound on memory (4 bytes a pixel).
    package static let maximumSide = 16_384

    /// An opaque colour to fill the image with before drawing.
    package struct Color: Sendable, Equatable {
        package var red: UInt8
        package var green: UInt8
        package var blue: UInt8

        package init(red: UInt8, green: UInt8, blue: UInt8) {
            self.red = red
            self.green = green
            self.blue = blue
        }

        /// `#FFFFFF`.
        package static let white = Color(red: 255, green: 255, blue: 255)
    }

    /// A size in CSS pixels.
    package struct Size: Sendable, Equatable {
        package var width: Double
        package var height: Double

        package init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    /// A rendered image.
    package struct Image: Sendable, Equatable {
        /// The PNG file's bytes.
        package let png: [UInt8]
        /// The document's size in CSS pixels (its `width` and `height`), rounded up:
        /// the size to show the image at.
        package let width: Int
        package let height: Int
        /// The image's size in pixels: ``width`` and ``height`` times the scale.
        package let pixelWidth: Int
        package let pixelHeight: Int
    }

    /// Renders `svg` at `scale` times `size` in CSS pixels (96 per inch), on
    /// `background` or on transparency. Without `size`, the document's own size is
    /// used (its `width` and `height`, unless CSS in its `style` overrides them); a page
    /// that shows the SVG inline passes the size it shows it at. The document is scaled
    /// into that size as its `viewBox` and `preserveAspectRatio` say.
    ///
    /// Calls are serialized process-wide. librsvg reads each document into its own
    /// handle, but drawing text goes through Pango, cairo's FreeType font backend and
    /// fontconfig, whose shared caches have crashed under concurrent rendering
    /// (reported in `_cairo_ft_scaled_glyph_load_glyph` from `rsvg_handle_render_document`
    /// on a thread pool). The report email draws a few small charts per account, so one
    /// at a time costs nothing that matters and rules that out.
    package static func png(svg: [UInt8], size: Size? = nil, scale: Int,
                            background: Color? = nil) throws(SVGRasterError) -> Image {
        guard (1...maximumScale).contains(scale) else { throw .invalidScale(scale) }
        if let size, !(size.width.isFinite && size.height.isFinite && size.width > 0 && size.height > 0) {
            throw .invalidSize(width: size.width, height: size.height)
        }
        return try lock.withLock { _ throws(SVGRasterError) in
            try render(svg, size: size, scale: scale, background: background)
        }
    }

    private static let lock = Mutex(())

    private static func render(_ svg: [UInt8], size: Size?, scale: Int, background: Color?) throws(SVGRasterError) -> Image {
        var error: UnsafeMutablePointer<GError>?
        let handle = svg.withUnsafeBufferPointer { bytes in
            rsvg_handle_new_from_data(bytes.baseAddress, gsize(bytes.count), &error)
        }
        guard let handle else {
            throw .unreadable(takeMessage(error) ?? "no document")
        }
        defer { g_object_unref(handle) }
        rsvg_handle_set_dpi(handle, 96)

        var cssWidth = size?.width ?? 0
        var cssHeight = size?.height ?? 0
        if size == nil {
            guard rsvg_handle_get_intrinsic_size_in_pixels(handle, &cssWidth, &cssHeight) != 0,
                  cssWidth.isFinite, cssHeight.isFinite, cssWidth > 0, cssHeight > 0 else {
                throw .noIntrinsicSize
            }
        }
        let limit = Double(maximumSide)
        guard cssWidth * Double(scale) <= limit, cssHeight * Double(scale) <= limit else {
            throw .tooLarge(width: Int(min(cssWidth * Double(scale), 1e9).rounded(.up)),
                            height: Int(min(cssHeight * Double(scale), 1e9).rounded(.up)))
        }
        let width = Int(cssWidth.rounded(.up))
        let height = Int(cssHeight.rounded(.up))
        let pixelWidth = width * scale
        let pixelHeight = height * scale

        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight))
        defer { cairo_surface_destroy(surface) }
        try check(cairo_surface_status(surface))
        let context = cairo_create(surface)
        defer { cairo_destroy(context) }
        try check(cairo_status(context))
        if let background {
            cairo_set_source_rgb(context, Double(background.red) / 255, Double(background.green) / 255,
                                 Double(background.blue) / 255)
            cairo_paint(context)
        }
        var viewport = RsvgRectangle(x: 0, y: 0, width: cssWidth * Double(scale), height: cssHeight * Double(scale))
        guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
            throw .renderFailed(takeMessage(error) ?? "unknown error")
        }
        try check(cairo_status(context))
        cairo_surface_flush(surface)
        return Image(png: try encodePNG(surface), width: width, height: height,
                     pixelWidth: pixelWidth, pixelHeight: pixelHeight)
    }

    /// The PNG file of `surface`, written by cairo into memory.
    private static func encodePNG(_ surface: OpaquePointer?) throws(SVGRasterError) -> [UInt8] {
        let sink = PNGSink()
        let status = cairo_surface_write_to_png_stream(surface, { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        try check(status)
        return withExtendedLifetime(sink) { sink.bytes }
    }

    private static func check(_ status: cairo_status_t) throws(SVGRasterError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .cairo(String(cString: cairo_status_to_string(status)))
        }
    }

    /// A GError's message; frees it.
    private static func takeMessage(_ error: UnsafeMutablePointer<GError>?) -> String? {
        guard let error else { return nil }
        defer { g_error_free(error) }
        return error.pointee.message.map { String(cString: $0) }
    }
}

/// The bytes cairo writes, gathered while the lock is held (used on one thread only).
private final class PNGSink {
    var bytes: [UInt8] = []
}
