import Foundation

/// Which snapshot folders `run` removes after an account's good run (`keep_snapshots`,
/// contract §8). Only folders named like ``SnapshotFolderName`` count: anything else in
/// the snapshots folder (a fetch in progress, a folder a person put there) is never
/// listed, kept or removed.
package enum SnapshotRetention {
    /// The snapshot folder names in `folder`, oldest first; empty when the folder does not exist.
    package static func snapshotNames(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            var isFolder: ObjCBool = false
            return SnapshotFolderName.instant(of: name) != nil
                && FileManager.default.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isFolder) && isFolder.boolValue
        }.sorted()
    }

    /// The names to remove so that the newest `keep` snapshots remain, oldest first.
    /// `current` (the snapshot the run just used) is never removed, even when a clock
    /// that went back makes it sort among the old ones; names that are not snapshot
    /// names are ignored.
    package static func namesToRemove(from names: [String], keep: Int, current: String? = nil) -> [String] {
        let snapshots = names.filter { SnapshotFolderName.instant(of: $0) != nil }.sorted()
        var kept = Set(snapshots.suffix(max(keep, 0)))
        if let current, snapshots.contains(current), !kept.contains(current) {
            kept.remove(snapshots.filter { kept.contains($0) }.first ?? current)
            kept.insert(current)
        }
        return snapshots.filter { !kept.contains($0) }
    }
}
