import SMSCore

/// The history table rearranged for its charts, shared by the workbook and the page:
/// the buckets along the x axis and, per group drawn, the group's `deliveries` and
/// `delivery_rate` cells in each bucket. Cells are copied from the table as they are;
/// a bucket where the group has no row stays empty (a gap, never a zero).
///
/// An ungrouped table has one series, named after nothing. A grouped one draws at most
/// ``maximumSeries`` groups, those with the most deliveries over the range (ties by
/// name), in the table's group order; the others are named in ``notDrawn``.
package struct HistoryChartData: Sendable {
    /// One group's cells, one per bucket.
    package struct Series: Sendable {
        /// The group's value (`NTC`, `984`…); nil for an ungrouped table.
        package var group: String?
        /// Colour as `0xRRGGBB`: a status keeps its own colour.
        package var rgb: UInt32
        /// The `deliveries` cell of each bucket.
        package var deliveries: [Cell]
        /// The `delivery_rate` cell of each bucket.
        package var deliveryRates: [Cell]
    }

    /// More lines than this cannot be told apart on a chart.
    package static let maximumSeries = 8

    /// The buckets, in the table's order.
    package let buckets: [String]
    /// The series drawn.
    package let series: [Series]
    /// The groups left out of the charts, in the table's order.
    package let notDrawn: [String]

    /// The chart data of `table` (a `history` table), grouped by `groupColumn` when
    /// given; a cell that is not text is named as the page shows it in `timeZone`.
    package init(_ table: Table, groupColumn: String?, timeZone: ReportTimeZone) {
        let bucketIndex = table.columnIndex("bucket")
        let groupIndex = groupColumn.flatMap(table.columnIndex)
        let deliveriesIndex = table.columnIndex("deliveries")
        let rateIndex = table.columnIndex("delivery_rate")
        func cell(_ row: [Cell], _ index: Int?) -> Cell { index.map { row[$0] } ?? .empty }

        var buckets: [String] = []
        var groups: [String] = []
        var totals: [String: Int] = [:]
        var rows: [(bucket: Int, group: String, deliveries: Cell, rate: Cell)] = []
        for row in table.rows {
            let bucket = Self.text(cell(row, bucketIndex), timeZone)
            if buckets.last != bucket { buckets.append(bucket) }
            let group = groupIndex == nil ? "" : Self.text(cell(row, groupIndex), timeZone)
            if totals[group] == nil {
                groups.append(group)
                totals[group] = 0
            }
            let deliveries = cell(row, deliveriesIndex)
            if case .integer(let count) = deliveries {
                totals[group, default: 0] += count
            }
            rows.append((buckets.count - 1, group, deliveries, cell(row, rateIndex)))
        }
        let ranked = groups.enumerated().sorted { left, right in
            let (a, b) = (totals[left.element] ?? 0, totals[right.element] ?? 0)
            return a != b ? a > b : left.offset < right.offset
        }
        let drawn = Set(ranked.prefix(Self.maximumSeries).map(\.element))
        let drawnGroups = groups.filter(drawn.contains)
        let position = Dictionary(uniqueKeysWithValues: drawnGroups.enumerated().map { ($0.element, $0.offset) })
        var series = drawnGroups.enumerated().map { offset, group in
            Series(group: groupIndex == nil ? nil : group,
                   rgb: Self.color(of: group, groupColumn: groupColumn, position: offset),
                   deliveries: Array(repeating: .empty, count: buckets.count),
                   deliveryRates: Array(repeating: .empty, count: buckets.count))
        }
        for row in rows {
            guard let index = position[row.group] else { continue }
            series[index].deliveries[row.bucket] = row.deliveries
            series[index].deliveryRates[row.bucket] = row.rate
        }
        self.buckets = buckets
        self.series = series
        notDrawn = groups.filter { !drawn.contains($0) }
    }

    /// A text cell's text; other cells as the page shows them.
    private static func text(_ cell: Cell, _ timeZone: ReportTimeZone) -> String {
        switch cell {
        case .text(let text): return text
        case .empty: return ""
        default: return DisplayFormat.cell(cell, timeZone: timeZone)
        }
    }

    /// A status's own colour when grouped by status, else the palette's `position`-th.
    private static func color(of group: String, groupColumn: String?, position: Int) -> UInt32 {
        if groupColumn == "status", let status = DeliveryStatus(rawValue: group) {
            return StatusPalette.rgb(of: status)
        }
        return palette[position % palette.count]
    }

    /// Okabe and Ito's colours, told apart with the common forms of colour blindness
    /// (their yellow, too pale for a line, is replaced by black).
    private static let palette: [UInt32] = [0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0x999999, 0x000000]
}
