import Foundation

/// Amounts of money (contract §7): decimal, never binary floating point, rounded
/// half to even to 2 places, and written with exactly 2 decimals.
package enum Money {
    /// Decimal places of an amount.
    package static let scale = 2

    /// `value` rounded half to even ("banker's rounding") to 2 places:
    /// 0.125 → 0.12, 0.135 → 0.14, 2.675 → 2.68.
    package static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, scale, .bankers)
        return result
    }

    /// The amount of `segments` at `price` each, rounded (a billing row's amount).
    package static func amount(segments: Int, at price: Price) -> Decimal {
        rounded(Decimal(segments) * price.value)
    }

    /// `amount` with exactly 2 decimals and a `.`, such as `12.30` or `0.00`. The
    /// amount is rounded first, so the text never hides a digit.
    package static func text(_ amount: Decimal) -> String {
        var value = rounded(amount)
        let plain = NSDecimalString(&value, nil)
        let isNegative = plain.hasPrefix("-")
        let digits = isNegative ? String(plain.dropFirst()) : plain
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0].isEmpty ? "0" : String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        fraction += String(repeating: "0", count: max(0, scale - fraction.count))
        let text = "\(whole).\(fraction.prefix(scale))"
        return isNegative && text != "0.00" ? "-" + text : text
    }
}
