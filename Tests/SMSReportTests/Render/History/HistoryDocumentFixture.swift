import Foundation
@testable import SMSAggregate
@testable import SMSCore
@testable import SMSRender

/// Synthetic `history` tables, as the store's trend builder makes them, and the
/// readers a test needs to look at what the renderers wrote.
enum HistoryDocumentFixture {
    static let firstDay = LocalDay(year: 2026, month: 11, day: 1)
    /// Days of November 2026 that the store lacks: no row has them.
    static let missingDays = [LocalDay(year: 2026, month: 11, day: 5), LocalDay(year: 2026, month: 11, day: 6)]
    /// The day whose groups have no latency.
    static let dayWithoutLatency = LocalDay(year: 2026, month: 11, day: 3)

    /// `bucket`, the group column when given, `<G>`, then the store's columns.
    static func columns(group: String?) -> [Column] {
        [Column("bucket", .text)] + (group.map { [Column($0, .text)] } ?? []) + GroupColumns.columns
            + [Column("latency_quantiles", .text), Column("complete_days", .integer), Column("stored_days", .integer)]
    }

    /// The stored days of November 2026: 30 days less the missing ones.
    static var storedDays: [LocalDay] {
        (0..<30).map { LocalDay(daysSinceEpoch: firstDay.daysSinceEpoch + Int32($0)) }
            .filter { !missingDays.contains($0) }
    }

    /// A daily history of November 2026, one row per stored day and group (none when
    /// `groups` is empty), rows by bucket then group.
    static func table(group: String? = nil, groups: [String] = [""]) -> Table {
        var rows: [[Cell]] = []
        for (dayIndex, day) in storedDays.enumerated() {
            for (groupIndex, name) in groups.enumerated() {
                let deliveries = 100 + 10 * dayIndex + groupIndex
                let delivered = deliveries - 3 - groupIndex
                let failed = deliveries - delivered
                let hasLatency = day != dayWithoutLatency
                let statuses = DeliveryStatus.allCases.map { status -> Cell in
                    switch status {
                    case .delivered: return .integer(delivered)
                    case .failed: return .integer(failed)
                    default: return .integer(0)
                    }
                }
                let latency: [Cell] = hasLatency
                    ? [1_500_000, 1_200_000, 2_000_000, 2_500_000, 4_000_000, 9_876_543].map { .seconds($0) }
                    : Array(repeating: .empty, count: 6)
                rows.append([.text(day.description)] + (group == nil ? [] : [.text(name)])
                            + [.integer(deliveries)] + statuses
                            + [.rate(Ratio(delivered, over: deliveries)), .integer(hasLatency ? delivered : 0)]
                            + latency + [.text("approx-1%"), .integer(1), .integer(1)])
            }
        }
        return Table(name: "history", columns: columns(group: group), rows: rows)
    }

    static func document(group: String? = nil, groups: [String] = [""]) -> HistoryDocument {
        HistoryDocument(account: "acme", table: table(group: group, groups: groups), bucketing: "day",
                        groupColumn: group, from: firstDay, to: LocalDay(year: 2026, month: 11, day: 30),
                        missingDays: missingDays, prunedDays: [], storedDays: 28, completeDays: 27,
                        timeZone: .kathmandu, generatedAt: Instant(unixSeconds: 1_796_000_000))
    }

    /// The records of an RFC 4180 CSV text with LF line endings.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var justClosed = false
        for character in text {
            if quoted {
                if character == "\"" {
                    quoted = false
                    justClosed = true
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                if justClosed { field.append("\"") }
                quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default:
                field.append(character)
            }
            justClosed = false
        }
        return records
    }

    /// A part of a zip file (an XLSX workbook), read with `unzip -p`.
    static func zipPart(_ path: String, _ part: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", path, part]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
