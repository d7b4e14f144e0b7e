import SMSCore

/// One colour per delivery status, the same in every chart, legend and swatch of
/// every format (the HTML page and the workbook's charts). The colours are Okabe and
/// Ito's palette, told apart with the common forms of colour blindness: green for
/// delivered, blues for on the way, orange, vermillion and purple for the failures,
/// yellow for expired, grey for unknown.
package enum StatusPalette {
    /// The status's colour as `0xRRGGBB`.
    package static func rgb(of status: DeliveryStatus) -> UInt32 {
        switch status {
        case .delivered: 0x009E73
        case .sent: 0x0072B2
        case .pending: 0x56B4E9
        case .undeliverable: 0xE69F00
        case .failed: 0xD55E00
        case .rejected: 0xCC79A7
        case .expired: 0xF0E442
        case .unknown: 0x999999
        }
    }

    /// The status's colour as `#RRGGBB`.
    package static func color(of status: DeliveryStatus) -> String {
        hex(rgb(of: status))
    }

    /// Bars that show no status (the latency histogram), as `0xRRGGBB`.
    package static let neutralRGB: UInt32 = 0x0072B2
    /// Bars that show no status, as `#RRGGBB`.
    package static let neutral = hex(neutralRGB)
    /// The histogram's `not_delivered` bar, as `#RRGGBB`.
    package static let notDelivered = "#999999"

    /// `0xRRGGBB` as `#RRGGBB`.
    package static func hex(_ rgb: UInt32) -> String {
        let digits = String(rgb, radix: 16, uppercase: true)
        return "#" + String(repeating: "0", count: 6 - digits.count) + digits
    }
}
