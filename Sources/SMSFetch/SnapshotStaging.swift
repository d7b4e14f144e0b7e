import Crypto
import Foundation
import SMSCore
import SnapshotFormat

/// A snapshot being written: bodies go into a hidden temporary folder beside the
/// final one, which is renamed into place only when the manifest is written, so an
/// interrupted fetch never leaves a half snapshot under the final name (contract §2).
package struct SnapshotStaging {
    /// The final folder.
    package let finalPath: String
    /// The temporary folder being filled.
    package let temporaryPath: String

    /// Prepares a temporary folder for the snapshot at `path`, which must not exist.
    package init(finalPath path: String) throws(FetchError) {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        guard !FileManager.default.fileExists(atPath: trimmed) else { throw .snapshotExists(path: trimmed) }
        let url = URL(fileURLWithPath: trimmed)
        let parent = url.deletingLastPathComponent().path
        finalPath = trimmed
        temporaryPath = "\(parent)/\(TemporaryName.make(for: url.lastPathComponent, kind: .folder))"
        // Staging folders of fetches that died are removed; a living fetch's are kept.
        LeftoverCleanup.clean(parent)
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            for folder in [SnapshotLayout.pagesFolder, SnapshotLayout.batchReportsFolder] {
                try FileManager.default.createDirectory(atPath: "\(temporaryPath)/\(folder)", withIntermediateDirectories: true)
            }
        } catch {
            throw .outputFailed(path: trimmed, reason: error.localizedDescription)
        }
    }

    /// Stores `response`'s body at `file` (relative to the snapshot) and returns its
    /// manifest entry, with size and SHA-256.
    package func store(_ response: APIResponse, as file: String) throws(FetchError) -> Manifest.Request {
        do {
            var writer = try AtomicFileWriter(path: "\(temporaryPath)/\(file)")
            try writer.write { $0.append(contentsOf: response.body) }
            // The folders are synced once in `commit`, before the snapshot is renamed into place.
            try writer.commit(syncingFolder: false)
        } catch {
            throw .outputFailed(path: "\(finalPath)/\(file)", reason: error.description)
        }
        let digest = SHA256.hash(data: response.body).map { String(format: "%02x", $0) }.joined()
        return Manifest.Request(path: response.path, status: response.status, attempts: response.attempts,
                                bytes: response.body.count, sha256: digest, file: file)
    }

    /// Writes the manifest, syncs the folders and renames the snapshot into place
    /// (each file's data is synced as it is written; the renames in the folders are
    /// made durable here, by one sync per folder).
    package func commit(_ manifest: Manifest) throws(FetchError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(manifest)
            var writer = try AtomicFileWriter(path: "\(temporaryPath)/\(SnapshotLayout.manifest)")
            try writer.write { $0.append(contentsOf: data) }
            try writer.commit(syncingFolder: false) // the folder is synced just below
            for folder in [SnapshotLayout.pagesFolder, SnapshotLayout.batchReportsFolder] {
                try FileDurability.sync("\(temporaryPath)/\(folder)")
            }
            try FileDurability.sync(temporaryPath)
            guard !FileManager.default.fileExists(atPath: finalPath) else { throw FetchError.snapshotExists(path: finalPath) }
            try FileDurability.rename(temporaryPath, to: finalPath)
        } catch {
            abandon()
            throw .outputFailed(path: finalPath, reason: "\(error)")
        }
    }

    /// Removes the temporary folder.
    package func abandon() {
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
