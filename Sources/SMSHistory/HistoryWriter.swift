import SMSStore
import SMSSupport

/// Writes a report's ``HistoryWrites`` and its runs row to the store (contract §9):
/// each day in its own transaction, so that a reader never sees half a day and a
/// crash loses at most the day being written.
package enum HistoryWriter {
    /// Registers the account's timezone, replaces every day of `writes`, adds the
    /// metrics readings, then the run's row.
    package static func write(_ writes: HistoryWrites, run: StoredRun, to store: any HistoryStore,
                              progress: any ProgressSink = SilentProgress()) async throws(StoreError) {
        try await writeDays(writes, to: store, progress: progress)
        try await store.recordRun(run)
    }

    /// Registers the account's timezone, replaces every day of `writes` and adds the
    /// metrics readings; the run's row is left to the caller (a nightly run adds it
    /// once the email is sent).
    package static func writeDays(_ writes: HistoryWrites, to store: any HistoryStore,
                                  progress: any ProgressSink = SilentProgress()) async throws(StoreError) {
        try await store.registerAccount(writes.account, timeZone: writes.timeZone.identifier)
        for (index, day) in writes.days.enumerated() {
            try await store.replaceDay(day)
            progress.update(stage: "storing history", done: index + 1, total: writes.days.count, unit: "days")
        }
        if !writes.metrics.isEmpty {
            try await store.recordMetrics(writes.metrics, account: writes.account, readAt: writes.metricsReadAt)
        }
    }
}
