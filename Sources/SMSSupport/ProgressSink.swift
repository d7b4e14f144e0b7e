/// Receives the progress of long operations, for a live line on a terminal.
public protocol ProgressSink: Sendable {
    /// `done` of `total` `unit`s of `stage` are finished.
    func update(stage: String, done: Int, total: Int, unit: String)
    /// `stage` is finished.
    func finish(stage: String)
}

/// Progress that goes nowhere: for tests, and when output is not a terminal.
public struct SilentProgress: ProgressSink {
    public init() {}
    public func update(stage: String, done: Int, total: Int, unit: String) {}
    public func finish(stage: String) {}
}
