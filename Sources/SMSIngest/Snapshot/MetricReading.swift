/// One key of `metrics-snapshot.json` with its value as the server sent it.
public struct MetricReading: Sendable, Equatable {
    /// A metric's value: a JSON number (kept as its literal text) or anything else as text.
    public enum Value: Sendable, Equatable {
        case number(String)
        case text(String)
    }

    public var key: String
    public var value: Value
}
