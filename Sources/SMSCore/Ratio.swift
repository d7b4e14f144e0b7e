/// An exact fraction such as a delivery rate or a share: `numerator ÷ denominator`.
/// Kept exact so that every renderer rounds it the same way.
package struct Ratio: Sendable, Equatable {
    package var numerator: Int
    package var denominator: Int

    package init(_ numerator: Int, over denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The fraction as a binary floating-point number, for charts and spreadsheets.
    package var value: Double {
        denominator == 0 ? 0 : Double(numerator) / Double(denominator)
    }
}
