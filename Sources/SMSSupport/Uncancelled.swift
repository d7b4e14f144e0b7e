/// Runs `work` to its end even when the calling task is cancelled, for what must
/// still be done after a stop signal cancelled the tool's work: recording a run,
/// closing a store. A task of its own does not inherit the caller's cancellation.
package func uncancelled<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) async -> Value {
    await Task { await work() }.value
}
