import Foundation

/// A price per SMS segment, exactly as a rate card gives it (contract §7).
///
/// Money is decimal, never binary floating point: the text is parsed digit by digit
/// into a `Decimal`, and kept as given so that reports show the rate as the card wrote it.
package struct Price: Sendable, Equatable, CustomStringConvertible {
    /// The price as the card writes it, e.g. `0.45`.
    package let text: String
    /// The exact decimal value of ``text``.
    package let value: Decimal

    /// Parses a non-negative decimal number written with digits and at most one `.`,
    /// such as `0.40`, `2` or `.5`. Signs, exponents, spaces and thousands separators
    /// are refused, so that no price is ever guessed.
    package init(parsing text: String) throws(PriceError) {
        if text.hasPrefix("-") {
            throw .negative(text)
        }
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        let isDigits = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard (1...2).contains(parts.count), parts.allSatisfy(isDigits),
              parts.contains(where: { !$0.isEmpty }),
              let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw .notANumber(text)
        }
        self.text = text
        self.value = value
    }

    package var description: String { text }
}

/// Why a rate card's price was refused.
package enum PriceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not a plain decimal number.
    case notANumber(String)
    /// The price is below zero.
    case negative(String)

    package var description: String {
        switch self {
        case let .notANumber(text):
            return "\"\(text)\" is not a price (write digits with an optional decimal point, e.g. \"0.45\")"
        case let .negative(text):
            return "\(text) is negative; a price must be 0 or more"
        }
    }
}
