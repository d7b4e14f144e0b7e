import SnapshotFormat

/// Everything `report` takes from a snapshot folder.
package struct LoadedSnapshot: Sendable {
    /// The deliveries, deduplicated and attributed.
    package var normalized: NormalizedSnapshot
    /// The manifest, when the snapshot has one.
    package var manifest: Manifest?
    /// The metrics snapshot's keys, in file order; empty when the file is absent.
    package var metrics: [MetricReading]
    /// True when the snapshot has `metrics-snapshot.json` (even one without keys).
    package var hasMetricsSnapshot: Bool = false

    /// False when the manifest says some pages or batches could not be fetched, or a
    /// page's `count` is out of range. A snapshot without a manifest is taken as
    /// given, and so as complete.
    package var isComplete: Bool {
        (manifest?.complete ?? true) && normalized.fetchChecks.countsOutOfRange.isEmpty
    }

    /// Why the data is incomplete: the manifest's reasons, then each `count` out of range.
    package var incompleteReasons: [String] {
        (manifest?.reasons ?? []) + normalized.fetchChecks.countsOutOfRange
    }
}
