import Foundation
import SMSCore
import SnapshotFormat

/// The files of a snapshot folder, listed in the order they are read (contract §2).
package struct SnapshotFiles: Sendable {
    /// One batch report file with its batch id.
    package struct BatchReport: Sendable {
        package var path: String
        package var batchID: String
    }

    /// The snapshot folder.
    package var folder: String
    /// Page files, in fetch order.
    package var pages: [String]
    /// Batch report files, by file name.
    package var batchReports: [BatchReport]
    /// `batch-ids.json`, when present.
    package var batchIDs: String?
    /// `metrics-snapshot.json`, when present.
    package var metrics: String?
    /// `manifest.json`, when present.
    package var manifest: String?

    /// Lists the files of the snapshot at `folder`. `batchIDs(forFileName:)` gives a batch
    /// report's id (from the manifest, else the decoded file name).
    package static func list(folder: String, manifest: Manifest?) throws(ReportError) -> SnapshotFiles {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .snapshotNotFound(path: folder)
        }
        let pages = try jsonFiles(in: SnapshotLayout.pagesFolder, of: folder)
        let batchReports = try jsonFiles(in: SnapshotLayout.batchReportsFolder, of: folder).map { path in
            let fileName = String(path.dropFirst(SnapshotLayout.batchReportsFolder.count + 1))
            let id = manifest?.batches[fileName] ?? FileSafeName.decode(String(fileName.dropLast(".json".count)))
            return BatchReport(path: path, batchID: id)
        }
        func existing(_ name: String) -> String? {
            FileManager.default.fileExists(atPath: folder + "/" + name) ? name : nil
        }
        return SnapshotFiles(
            folder: folder, pages: pages, batchReports: batchReports,
            batchIDs: existing(SnapshotLayout.batchIDs), metrics: existing(SnapshotLayout.metrics),
            manifest: existing(SnapshotLayout.manifest))
    }

    /// The `.json` files of a subfolder, as paths relative to the snapshot, ordered by
    /// name length and then name, so `page-1000000.json` follows `page-999999.json`.
    private static func jsonFiles(in subfolder: String, of folder: String) throws(ReportError) -> [String] {
        let path = folder + "/" + subfolder
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .unreadableFile(file: subfolder, reason: error.localizedDescription)
        }
        return names
            .filter { $0.hasSuffix(".json") }
            .sorted { ($0.utf8.count, $0) < ($1.utf8.count, $1) }
            .map { subfolder + "/" + $0 }
    }

    /// The same files without `paths` (relative to the snapshot).
    package func excluding(_ paths: Set<String>) -> SnapshotFiles {
        guard !paths.isEmpty else { return self }
        var files = self
        files.pages.removeAll { paths.contains($0) }
        files.batchReports.removeAll { paths.contains($0.path) }
        if let batchIDs, paths.contains(batchIDs) {
            files.batchIDs = nil
        }
        return files
    }

    /// The bytes of the file at `path` (relative to the snapshot).
    /// Reads the file at `path` (relative to the folder) into `buffer` and returns its
    /// bytes, valid until the buffer's next read.
    package func read(_ path: String, into buffer: FileReadBuffer) throws(ReportError) -> UnsafeRawBufferPointer {
        try Self.read(path, in: folder, into: buffer)
    }

    /// Reads the file at `path` relative to `folder`, as ``read(_:into:)`` does, for a
    /// file read before the folder is listed.
    package static func read(_ path: String, in folder: String, into buffer: FileReadBuffer) throws(ReportError) -> UnsafeRawBufferPointer {
        switch buffer.read(folder + "/" + path) {
        case .success(let bytes):
            return bytes
        case .failure(.cannotOpen):
            throw .unreadableFile(file: path, reason: "no such file or no permission")
        case .failure(.cannotRead(let reason)):
            throw .unreadableFile(file: path, reason: reason)
        }
    }

    package func contents(of path: String) throws(ReportError) -> Data {
        guard let data = FileManager.default.contents(atPath: folder + "/" + path) else {
            throw .unreadableFile(file: path, reason: "no such file or no permission")
        }
        return data
    }
}
