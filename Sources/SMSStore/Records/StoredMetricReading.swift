import SMSCore

/// One reading of the metrics snapshot (contract §9, "metrics"), with when it was read.
package struct StoredMetricReading: Sendable, Equatable {
    package var account: String
    /// When the metrics snapshot was fetched.
    package var readAt: Instant
    /// The key, e.g. `sms:metrics:enqueue:op:NTC:d:20251104`.
    package var key: String
    /// The value as the server sent it: a JSON number's literal text, or text.
    package var value: String
    /// True when the server sent a JSON number.
    package var isNumber: Bool

    package init(account: String, readAt: Instant, key: String, value: String, isNumber: Bool) {
        self.account = account
        self.readAt = readAt
        self.key = key
        self.value = value
        self.isNumber = isNumber
    }
}
