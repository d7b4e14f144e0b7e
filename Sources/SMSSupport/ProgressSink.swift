/// Receives the progress of long operations, for a live line on a terminal.
package protocol ProgressSink: Sendable {
    /// `done` of `total` `unit`s of `stage` are finished.
    func update(stage: String, done: Int, total: Int, unit: String)
    /// `stage` is finished.
    func finish(stage: String)
}

/// Progress that goes nowhere: for tests, and when output is not a terminal.
package struct SilentProgress: ProgressSink {
    package init() {}
    package func update(stage: String, done: Int, total: Int, unit: String) {}
    package func finish(stage: String) {}
}
