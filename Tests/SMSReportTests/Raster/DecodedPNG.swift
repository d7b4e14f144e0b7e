import CLibRSVG
import Foundation

/// A PNG file decoded by cairo's own PNG reader (libpng), for checking rendered pixels.
struct DecodedPNG {
    let width: Int
    let height: Int
    /// Row-major pixels, 4 bytes each: red, green, blue, alpha, not premultiplied.
    let rgba: [UInt8]

    /// Nil when `png` is not a PNG file that libpng reads.
    init?(_ png: [UInt8]) {
        final class Source {
            var bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let source = Source(png)
        let surface = cairo_image_surface_create_from_png_stream({ closure, data, length in
            let source = Unmanaged<Source>.fromOpaque(closure!).takeUnretainedValue()
            let count = Int(length)
            guard let data, source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            source.bytes.withUnsafeBufferPointer { bytes in
                data.update(from: bytes.baseAddress! + source.offset, count: count)
            }
            source.offset += count
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(source).toOpaque())
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        let data = cairo_image_surface_get_data(surface)!
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        rgba.withUnsafeMutableBufferPointer { output in
            for y in 0..<height {
                // ARGB32 and RGB24 are native-endian 32-bit words, alpha premultiplied.
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width {
                    let word = row[x]
                    let alpha = format == CAIRO_FORMAT_ARGB32 ? Int(word >> 24) : 255
                    let index = (y * width + x) * 4
                    if alpha > 0 {
                        output[index] = UInt8(min(255, Int((word >> 16) & 0xFF) * 255 / alpha))
                        output[index + 1] = UInt8(min(255, Int((word >> 8) & 0xFF) * 255 / alpha))
                        output[index + 2] = UInt8(min(255, Int(word & 0xFF) * 255 / alpha))
                    }
                    output[index + 3] = UInt8(alpha)
                }
            }
        }
        withExtendedLifetime(source) {}
        self.width = width
        self.height = height
        self.rgba = rgba
    }

    func pixel(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8, UInt8) {
        let index = (y * width + x) * 4
        return (rgba[index], rgba[index + 1], rgba[index + 2], rgba[index + 3])
    }

    /// How many pixels have a red channel under 128: ink on a white background.
    var darkPixelCount: Int {
        stride(from: 0, to: rgba.count, by: 4).filter { rgba[$0] < 128 }.count
    }

    /// The mean absolute difference of the red, green and blue channels (0–255) from
    /// `other`, of the same size.
    func meanDifference(from other: DecodedPNG) -> Double {
        precondition(rgba.count == other.rgba.count, "images of different sizes")
        var total = 0
        rgba.withUnsafeBufferPointer { mine in
            other.rgba.withUnsafeBufferPointer { theirs in
                for index in 0..<mine.count where index % 4 != 3 {
                    total += abs(Int(mine[index]) - Int(theirs[index]))
                }
            }
        }
        return Double(total) / Double(rgba.count / 4 * 3)
    }
}
