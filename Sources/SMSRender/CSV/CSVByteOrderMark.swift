/// Which CSV files start with a UTF-8 byte order mark (contract §5, the config's
/// `csv_bom`). Excel reads a CSV without one in the local code page and garbles
/// Devanagari text; scripts read one without it more simply. So by default only the
/// CSVs of an emailed zip, which people open, carry it.
package enum CSVByteOrderMark: String, CaseIterable, Sendable {
    /// The CSVs inside an emailed zip start with a BOM; files on disk do not (the default).
    case email
    /// Files on disk and in the emailed zip start with a BOM.
    case always
    /// No CSV starts with a BOM.
    case never

    /// The three bytes of the UTF-8 encoding of U+FEFF.
    package static let utf8Bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// True when the CSV files written on disk start with the BOM.
    package var marksFilesOnDisk: Bool { self == .always }

    /// True when the CSVs inside an emailed zip start with the BOM.
    package var marksEmailedFiles: Bool { self != .never }
}
