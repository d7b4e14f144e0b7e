/// Lays out a table as lines of plain text in aligned columns: text left-aligned,
/// numbers right-aligned, two spaces between columns, a rule under the header.
package enum TextTable {
    /// The header, a rule and one line per row; `rightAligned[i]` for column `i`.
    package static func lines(header: [String], rows: [[String]], rightAligned: [Bool]) -> [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (column, text) in row.enumerated() {
                widths[column] = max(widths[column], text.count)
            }
        }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { column, text in
                let padding = String(repeating: " ", count: widths[column] - text.count)
                return rightAligned[column] ? padding + text : text + padding
            }
            return String(padded.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed())
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return [line(header), rule] + rows.map(line)
    }
}
