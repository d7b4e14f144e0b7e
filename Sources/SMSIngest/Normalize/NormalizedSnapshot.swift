import SMSCore

/// A snapshot's deliveries, after deduplication, precedence and batch attribution.
public struct NormalizedSnapshot: Sendable {
    /// Every delivery, in the order first read.
    public var deliveries: [Delivery]
    /// The distinct message texts that deliveries refer to.
    public var messages: MessageCatalog
    /// The data-quality checks about the fetch.
    public var fetchChecks: FetchChecks
}
