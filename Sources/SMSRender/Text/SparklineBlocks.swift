/// Writes a ``Sparkline`` for `report.txt` as one block character per day, from `▁`
/// (the bottom of the sparkline's range) to `█` (its top), and `·` for a day without
/// data: `▇█▇·▅▁▃`. It uses the same range as the SVG (``Sparkline/heights``).
package enum SparklineBlocks {
    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// A day without data.
    package static let gap: Character = "·"

    /// One character per day of `sparkline`.
    package static func text(_ sparkline: Sparkline) -> String {
        String(sparkline.heights.map { height in
            height.map { levels[min(max(Int(($0 * Double(levels.count - 1)).rounded()), 0), levels.count - 1)] } ?? gap
        })
    }
}
