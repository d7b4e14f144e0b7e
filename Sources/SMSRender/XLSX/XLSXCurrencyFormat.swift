/// Excel number formats for amounts and prices in a currency: `[$NPR] #,##0.00`,
/// the form Excel itself writes for a currency named by its ISO code.
package enum XLSXCurrencyFormat {
    /// The format of an amount: the currency and exactly 2 decimals.
    package static func amount(currency: String) -> String {
        prefix(currency) + "#,##0.00"
    }

    /// The format of a price written `text` on the card: at least 2 decimals, and as
    /// many as the card gives, so no digit of the price is hidden.
    package static func price(currency: String, text: String) -> String {
        let decimals = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        return prefix(currency) + "#,##0." + String(repeating: "0", count: min(max(decimals, 2), 30))
    }

    /// `[$CODE] ` for a currency of 1–10 ASCII letters or digits; nothing for any other
    /// text, which a number format could not hold safely (the sheet names it anyway).
    private static func prefix(_ currency: String) -> String {
        let isCode = (1...10).contains(currency.utf8.count)
            && currency.utf8.allSatisfy { byte in
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
        return isCode ? "[$\(currency)] " : ""
    }
}
