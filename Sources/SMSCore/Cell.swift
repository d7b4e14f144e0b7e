/// One value of a table, typed so that each renderer can format it its own way
/// without recomputing it.
package enum Cell: Sendable, Equatable {
    /// No value (for example the latency of a group with no latencies).
    case empty
    /// Text, written as text in every format (never as a formula).
    case text(String)
    /// A count.
    case integer(Int)
    /// A decimal number kept as its literal text (metrics values from the API).
    case number(String)
    /// A fraction 0–1 (rates, shares).
    case rate(Ratio)
    /// A duration in microseconds, shown in seconds.
    case seconds(Int64)
    /// An instant, shown in the report timezone.
    case timestamp(Instant)
    /// A local calendar day.
    case day(LocalDay)
    /// A yes/no value, written `true` or `false`.
    case boolean(Bool)
}
