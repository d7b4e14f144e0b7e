import SMSSupport
import SMSCore
import SMSAggregate

/// Writes each table as `<name>.csv` in the output folder (contract §5): UTF-8, a
/// header row, RFC 4180 quoting, LF line endings, and a UTF-8 byte order mark only
/// when asked for (``CSVByteOrderMark``).
package struct CSVRenderer: Sendable {
    /// True (the default) to guard text cells against formula injection.
    package var guardsFormulas: Bool
    /// True to start each file with a UTF-8 byte order mark (`report --csv-bom`,
    /// `csv_bom: always`); false (the default) for none.
    package var writesByteOrderMark: Bool

    package init(guardsFormulas: Bool = true, writesByteOrderMark: Bool = false) {
        self.guardsFormulas = guardsFormulas
        self.writesByteOrderMark = writesByteOrderMark
    }

    /// Writes every table of `tables` into `folder`, except those named in
    /// `alreadyWritten` (written there beforehand with ``write(_:timeZone:to:progress:)``,
    /// as the report writes its deliveries while the other tables are grouped); returns
    /// the paths of all the tables' files, in the order of ``ReportTables/all``.
    package func render(_ tables: ReportTables, into folder: String, alreadyWritten: Set<String> = [],
                       progress: any ProgressSink = SilentProgress()) async throws(ReportError) -> [String] {
        var paths: [String] = []
        for table in tables.all {
            let path = Self.path(of: table.name, in: folder)
            if !alreadyWritten.contains(table.name) {
                try await write(table, timeZone: tables.timeZone, to: path, progress: progress)
            }
            paths.append(path)
        }
        return paths
    }

    /// Where the table named `name` is written in `folder`.
    package static func path(of name: String, in folder: String) -> String {
        "\(folder)/\(name).csv"
    }

    /// Writes one table to `path`. Rows are formatted on every core, in chunks, and
    /// written in order.
    package func write(_ table: Table, timeZone: ReportTimeZone, to path: String,
                      progress: any ProgressSink = SilentProgress()) async throws(ReportError) {
        let guardsFormulas = guardsFormulas
        var file = try AtomicFileWriter(path: path)
        var header = CSVCellEncoder(guardsFormulas: guardsFormulas, clock: LocalClock(timeZone: timeZone))
        let byteOrderMark = writesByteOrderMark ? CSVByteOrderMark.utf8Bytes : []
        try file.write { bytes in
            bytes.append(contentsOf: byteOrderMark)
            header.appendRow(table.columns.map { .text($0.name) }, to: &bytes)
        }
        let stage = "writing \(table.name).csv"
        do {
            try await ParallelChunkFormatter().formatRows(count: table.rowCount, format: { rows in
                var encoder = CSVCellEncoder(guardsFormulas: guardsFormulas, clock: LocalClock(timeZone: timeZone))
                var bytes: [UInt8] = []
                bytes.reserveCapacity(rows.count * 256)
                for index in rows {
                    encoder.appendRow(table.row(index), to: &bytes)
                }
                return bytes
            }, consume: { (bytes: [UInt8], rows: Range<Int>) throws(ReportError) in
                try file.write(contentsOf: bytes)
                progress.update(stage: stage, done: rows.upperBound, total: table.rowCount, unit: "rows")
            })
        } catch {
            file.abandon()
            throw error
        }
        try file.commit()
    }
}
