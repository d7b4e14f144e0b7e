@testable import SMSAggregate
@testable import SMSCore
@testable import SMSIngest
import Testing

/// Builds report options and reads cells back out of report tables, for the
/// aggregation tests.
enum UnitReport {
    /// 2025-11-05T00:00:00Z, a fixed `generated_at`.
    static let generatedAt = Instant(unixSeconds: 1_762_300_800)

    static func day(_ text: String) -> LocalDay {
        LocalDay(iso: text)!
    }

    static func options(timeZone: String = "Asia/Kathmandu", from: String? = nil, to: String? = nil,
                        batches: Set<String> = []) -> ReportOptions {
        ReportOptions(timeZone: ReportTimeZone(identifier: timeZone)!, from: from.map(day), to: to.map(day),
                      batchIDs: batches, generatedAt: generatedAt)
    }

    /// Reads `files` as a snapshot and aggregates it.
    static func tables(_ files: [String: String], options: ReportOptions = options()) async throws -> ReportTables {
        Aggregator.tables(for: try await UnitSnapshot.load(files), options: options)
    }

    /// Every cell of column `name`, top to bottom.
    static func column(_ table: Table, _ name: String) -> [Cell] {
        guard let index = table.columnIndex(name) else {
            Issue.record("table \(table.name) has no column \(name)")
            return []
        }
        return table.rows.map { $0[index] }
    }

    /// The text cells of column `name` (other cells as their description).
    static func texts(_ table: Table, _ name: String) -> [String] {
        column(table, name).map { cell in
            if case .text(let text) = cell { return text }
            return "\(cell)"
        }
    }

    /// The integer cells of column `name` (nil for other cells).
    static func integers(_ table: Table, _ name: String) -> [Int?] {
        column(table, name).map { cell in
            if case .integer(let value) = cell { return value }
            return nil
        }
    }

    /// The row whose first column is the text `key`, as column name → cell.
    static func row(_ table: Table, _ key: String) -> [String: Cell]? {
        for row in table.rows where row.first == .text(key) {
            return Dictionary(uniqueKeysWithValues: zip(table.columns.map(\.name), row))
        }
        return nil
    }

    /// The summary's value for `metric`.
    static func summary(_ tables: ReportTables, _ metric: String) -> Cell? {
        row(tables.summary, metric)?["value"]
    }

    /// The count of a data-quality check.
    static func qualityCount(_ tables: ReportTables, _ check: String) -> Int? {
        guard case .integer(let count) = row(tables.dataQuality, check)?["count"] else { return nil }
        return count
    }

    /// True when `cell` is a rate equal to `numerator ÷ denominator`.
    static func isRate(_ cell: Cell?, _ numerator: Int, _ denominator: Int) -> Bool {
        guard case .rate(let ratio) = cell else { return false }
        return ratio.numerator * denominator == numerator * ratio.denominator
    }

    /// `seconds` as the microseconds a `.seconds` cell holds.
    static func seconds(_ seconds: Int64) -> Cell {
        .seconds(seconds * 1_000_000)
    }
}
