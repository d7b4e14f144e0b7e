import NIOCore

extension TimeAmount {
    /// A `Duration` as NIO's time amount (nanosecond precision), for the HTTP and SMTP
    /// clients' timeouts.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
