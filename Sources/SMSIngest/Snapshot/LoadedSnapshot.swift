import SnapshotFormat

/// Everything `report` takes from a snapshot folder.
public struct LoadedSnapshot: Sendable {
    /// The deliveries, deduplicated and attributed.
    public var normalized: NormalizedSnapshot
    /// The manifest, when the snapshot has one.
    public var manifest: Manifest?
    /// The metrics snapshot's keys, in file order; empty when the file is absent.
    public var metrics: [MetricReading]

    /// False when the manifest says some pages or batches could not be fetched.
    /// A snapshot without a manifest is taken as given, and so as complete.
    public var isComplete: Bool {
        manifest?.complete ?? true
    }
}
