/// Plain-text forms of exact numbers, shared by the renderers (contract §4):
/// seconds with 3 decimals and fractions with 6, rounded half to even.
package enum SecondsText {
    /// Microseconds as seconds with 3 decimals, e.g. `-3.250`.
    package static func format(_ microseconds: Int64) -> String {
        var bytes: [UInt8] = []
        append(microseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends microseconds as seconds with 3 decimals.
    package static func append(_ microseconds: Int64, to bytes: inout [UInt8]) {
        let milliseconds = DecimalText.roundHalfEven(Int128(microseconds), dividedBy: 1000)
        DecimalText.appendFixedPoint(milliseconds, decimals: 3, to: &bytes)
    }
}

/// Fixed-point decimal text from exact integers.
package enum DecimalText {
    /// A fraction with 6 decimals, e.g. `0.962500`; empty text for a zero denominator.
    package static func format(_ ratio: Ratio) -> String {
        var bytes: [UInt8] = []
        append(ratio, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a fraction with 6 decimals.
    package static func append(_ ratio: Ratio, to bytes: inout [UInt8]) {
        guard ratio.denominator != 0 else { return }
        let millionths = roundHalfEven(Int128(ratio.numerator) * 1_000_000, dividedBy: Int128(ratio.denominator))
        appendFixedPoint(millionths, decimals: 6, to: &bytes)
    }

    /// `value ÷ divisor` (divisor > 0) rounded to the nearest integer, ties to even.
    package static func roundHalfEven(_ value: Int128, dividedBy divisor: Int128) -> Int128 {
        var quotient = value / divisor
        let remainder = value % divisor
        let twiceRemainder = abs(remainder) * 2
        if twiceRemainder > divisor || (twiceRemainder == divisor && quotient % 2 != 0) {
            quotient += remainder < 0 ? -1 : 1
        }
        return quotient
    }

    /// Appends `scaled ÷ 10^decimals` with exactly `decimals` digits after the point.
    package static func appendFixedPoint(_ scaled: Int128, decimals: Int, to bytes: inout [UInt8]) {
        var scale: Int128 = 1
        for _ in 0..<decimals { scale *= 10 }
        if scaled < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = abs(scaled)
        ASCIIDigits.append(Int(magnitude / scale), width: 1, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        ASCIIDigits.append(Int(magnitude % scale), width: decimals, to: &bytes)
    }
}
