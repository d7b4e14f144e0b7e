/// Which snapshot folders a good run removes (contract §8 `keep_snapshots`).
public enum SnapshotPruning {
    /// Of an account's snapshot folder names (fetch times, which sort in time order),
    /// the ones past the newest `keep`. Hidden names (a fetch still staging) are never
    /// touched; `keep` below 1 is taken as 1, so the snapshot just made always stays.
    public static func foldersToRemove(_ names: [String], keep: Int) -> [String] {
        let snapshots = names.filter { !$0.hasPrefix(".") }.sorted()
        return Array(snapshots.dropLast(max(1, keep)))
    }
}
