import Foundation
import ZIPFoundation

/// The report's CSV files zipped into one attachment, `report-csv.zip`, with
/// ZIPFoundation (deflate), built in memory.
package enum CSVArchive {
    /// A zip of `files` (paths), each stored under its file name, in the given order.
    package static func zip(_ files: [String]) throws(EmailDeliveryError) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for path in files {
                let url = URL(fileURLWithPath: path)
                try archive.addEntry(with: url.lastPathComponent, fileURL: url, compressionMethod: .deflate)
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
}
