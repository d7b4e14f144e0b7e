import SnapshotFormat

/// Everything `report` takes from a snapshot folder.
public struct LoadedSnapshot: Sendable {
    /// The deliveries, deduplicated and attributed.
    public var normalized: NormalizedSnapshot
    /// The manifest, when the snapshot has one.
    public var manifest: Manifest?
    /// The metrics snapshot's keys, in file order; empty when the file is absent.
    public var metrics: [MetricReading]

    /// False when the manifest says some pages or batches could not be fetched, or a
    /// page's `count` is out of range. A snapshot without a manifest is taken as
    /// given, and so as complete.
    public var isComplete: Bool {
        (manifest?.complete ?? true) && normalized.fetchChecks.countsOutOfRange.isEmpty
    }

    /// Why the data is incomplete: the manifest's reasons, then each `count` out of range.
    public var incompleteReasons: [String] {
        (manifest?.reasons ?? []) + normalized.fetchChecks.countsOutOfRange
    }
}
