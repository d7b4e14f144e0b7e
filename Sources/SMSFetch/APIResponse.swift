/// The final outcome of one API request, after its retries.
package struct APIResponse: Sendable {
    /// Path and query requested.
    package var path: String
    /// The final HTTP status; 0 when no response arrived.
    package var status: Int
    /// The final body, exactly as sent; empty when none arrived.
    package var body: [UInt8]
    /// How many times the request was sent.
    package var attempts: Int
    /// Why the request failed after its retries; nil when a response arrived that is
    /// not a 5xx or a 429.
    package var failure: String?

    /// True for a 2xx response.
    package var isSuccess: Bool {
        failure == nil && (200..<300).contains(status)
    }

    /// True for 401 and 403.
    package var isAuthenticationRefusal: Bool {
        failure == nil && (status == 401 || status == 403)
    }
}
