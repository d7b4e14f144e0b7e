/// Server text (a batch id, a `next` link, a `count` literal) as it may appear in a
/// reason of the manifest, which `fetch` prints and reports show: control characters
/// written as `\uXXXX` escapes, so they can neither drive a terminal nor break XML,
/// and at most ``maximumLength`` characters.
package enum ReasonText {
    /// The longest text kept whole, in characters.
    package static let maximumLength = 120

    /// `text` with control characters escaped, cut to ``maximumLength`` characters
    /// with `…` when longer.
    package static func clean(_ text: String) -> String {
        var output = ""
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            guard offset < maximumLength else {
                output += "…"
                break
            }
            if scalar.properties.generalCategory == .control {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
