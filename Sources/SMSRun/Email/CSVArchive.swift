import Foundation
import SMSRender
import ZIPFoundation

/// The report's CSV files zipped into one attachment, `report-csv.zip`, with
/// ZIPFoundation (deflate), built in memory.
package enum CSVArchive {
    /// A zip of `files` (paths), each stored under its file name, in the given order.
    /// With `byteOrderMark`, each entry starts with a UTF-8 byte order mark (contract §5),
    /// followed by the file's bytes as they are on disk; a file that already starts with
    /// one (`csv_bom: always`) is zipped as it is, so no entry has two.
    package static func zip(_ files: [String], byteOrderMark: Bool) throws(EmailDeliveryError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for path in files {
                let url = URL(fileURLWithPath: path)
                if byteOrderMark, try !startsWithByteOrderMark(url) {
                    try addMarkedEntry(to: archive, from: url)
                } else {
                    try archive.addEntry(with: url.lastPathComponent, fileURL: url, compressionMethod: .deflate)
                }
            }
            guard let data = archive.data else {
                throw EmailDeliveryError.composeFailed(path: ReportEmail.csvArchiveFileName, reason: "the zip archive is empty")
            }
            return data
        } catch let error as EmailDeliveryError {
            throw error
        } catch {
            throw .composeFailed(path: ReportEmail.csvArchiveFileName, reason: String(describing: error))
        }
    }

    /// True when the file at `url` starts with the UTF-8 byte order mark.
    private static func startsWithByteOrderMark(_ url: URL) throws -> Bool {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let start = try handle.read(upToCount: CSVByteOrderMark.utf8Bytes.count) ?? Data()
        return Array(start) == CSVByteOrderMark.utf8Bytes
    }

    /// Adds the file at `url` with the byte order mark in front, read from disk in
    /// chunks as the archive asks for them (a deliveries table can be large).
    private static func addMarkedEntry(to archive: Archive, from url: URL) throws {
        let mark = CSVByteOrderMark.utf8Bytes
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        let fileSize = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = attributes[.modificationDate] as? Date ?? Date()
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        try archive.addEntry(with: url.lastPathComponent, type: .file, uncompressedSize: fileSize + Int64(mark.count),
                             modificationDate: modified, compressionMethod: .deflate) { position, size in
            var chunk = Data()
            if position < Int64(mark.count) {
                chunk.append(contentsOf: mark[Int(position)..<min(mark.count, Int(position) + size)])
            }
            let wanted = size - chunk.count
            if wanted > 0 {
                try handle.seek(toOffset: UInt64(max(0, position - Int64(mark.count))))
                chunk.append(try handle.read(upToCount: wanted) ?? Data())
            }
            return chunk
        }
    }
}
