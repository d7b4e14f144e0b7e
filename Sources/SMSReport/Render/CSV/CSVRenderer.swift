/// Writes each table as `<name>.csv` in the output folder (contract §5): UTF-8, a
/// header row, RFC 4180 quoting, LF line endings.
public struct CSVRenderer: Sendable {
    /// True (the default) to guard text cells against formula injection.
    public var guardsFormulas: Bool

    public init(guardsFormulas: Bool = true) {
        self.guardsFormulas = guardsFormulas
    }

    /// Writes every table of `tables` into `folder`; returns the paths written.
    public func render(_ tables: ReportTables, into folder: String,
                       progress: any ProgressSink = SilentProgress()) throws(ReportError) -> [String] {
        var paths: [String] = []
        for table in tables.all {
            let path = "\(folder)/\(table.name).csv"
            try write(table, timeZone: tables.timeZone, to: path, progress: progress)
            paths.append(path)
        }
        return paths
    }

    /// Writes one table to `path`.
    public func write(_ table: Table, timeZone: ReportTimeZone, to path: String,
                      progress: any ProgressSink = SilentProgress()) throws(ReportError) {
        var encoder = CSVCellEncoder(guardsFormulas: guardsFormulas, clock: LocalClock(timeZone: timeZone))
        var file = try AtomicFileWriter(path: path)
        try file.write { bytes in
            for (index, column) in table.columns.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                encoder.append(.text(column.name), to: &bytes)
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        let stage = "writing \(table.name).csv"
        for rowIndex in 0..<table.rowCount {
            let row = table.row(rowIndex)
            try file.write { bytes in
                for (index, cell) in row.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    encoder.append(cell, to: &bytes)
                }
                bytes.append(UInt8(ascii: "\n"))
            }
            if rowIndex % 65_536 == 0 {
                progress.update(stage: stage, done: rowIndex, total: table.rowCount, unit: "rows")
            }
        }
        try file.commit()
    }
}
