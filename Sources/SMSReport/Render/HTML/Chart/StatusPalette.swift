/// One colour per delivery status, the same in every chart, legend and table of the
/// summary page. The colours are Okabe and Ito's palette, told apart with the common
/// forms of colour blindness: green for delivered, blues for on the way, orange,
/// vermillion and purple for the failures, yellow for expired, grey for unknown.
public enum StatusPalette {
    /// The status's colour as `#RRGGBB`.
    public static func color(of status: DeliveryStatus) -> String {
        switch status {
        case .delivered: "#009E73"
        case .sent: "#0072B2"
        case .pending: "#56B4E9"
        case .undeliverable: "#E69F00"
        case .failed: "#D55E00"
        case .rejected: "#CC79A7"
        case .expired: "#F0E442"
        case .unknown: "#999999"
        }
    }

    /// The colour of bars that show no status (the latency histogram).
    public static let neutral = "#0072B2"
    /// The colour of the histogram's `not_delivered` bar.
    public static let notDelivered = "#999999"
}
