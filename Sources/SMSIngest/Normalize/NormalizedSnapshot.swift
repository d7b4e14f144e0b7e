import SMSCore

/// A snapshot's deliveries, after deduplication, precedence and batch attribution.
package struct NormalizedSnapshot: Sendable {
    /// Every delivery, in the order first read.
    package var deliveries: [Delivery]
    /// The distinct message texts that deliveries refer to.
    package var messages: MessageCatalog
    /// The data-quality checks about the fetch.
    package var fetchChecks: FetchChecks
}
