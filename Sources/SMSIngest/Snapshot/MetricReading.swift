/// One key of `metrics-snapshot.json` with its value as the server sent it.
package struct MetricReading: Sendable, Equatable {
    /// A metric's value: a JSON number (kept as its literal text) or anything else as text.
    package enum Value: Sendable, Equatable {
        case number(String)
        case text(String)
    }

    package var key: String
    package var value: Value
}
