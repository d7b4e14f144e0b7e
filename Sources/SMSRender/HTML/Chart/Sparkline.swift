/// What an operator's sparkline shows, before drawing: one delivery rate per day
/// (fractions 0–1), nil where a day has none (a gap, never a drop to zero), and the
/// sentence that says it to a reader who cannot see it.
package struct Sparkline: Sendable {
    /// One fraction per day, oldest first; nil where the day has no data.
    package var values: [Double?]
    /// What the line shows, e.g. `NCELL delivery rate by day, 2025-10-22 – 2025-11-04:
    /// first 91.2%, last 89.0%, lowest 80.1% on 2025-10-30`.
    package var summary: String

    /// The smallest vertical range a sparkline spans (10 percentage points), so that a
    /// rate wobbling between 99.8% and 99.9% draws nearly flat instead of filling the height.
    package static let minimumSpan = 0.1

    package init(values: [Double?], summary: String) {
        self.values = values
        self.summary = summary
    }

    /// Each value placed between 0 (bottom) and 1 (top): the highest value is the top,
    /// the bottom is the lowest value, or ``minimumSpan`` under the highest when the
    /// values lie closer together (never under a rate of 0). Nil stays nil.
    package var heights: [Double?] {
        let present = values.compactMap { $0 }
        guard let highest = present.max(), let lowest = present.min() else { return values }
        let bottom = max(min(lowest, highest - Self.minimumSpan), 0)
        let span = highest - bottom
        return values.map { value in value.map { span > 0 ? ($0 - bottom) / span : 1 } }
    }
}
