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
    /// Set when the request was not made or not finished because the whole fetch
    /// stopped (its time limit ran out, or its task was cancelled).
    package var interruption: FetchInterruption?

    /// True for a 2xx response.
    package var isSuccess: Bool {
        failure == nil && (200..<300).contains(status)
    }

    /// True for 401 and 403.
    package var isAuthenticationRefusal: Bool {
        failure == nil && (status == 401 || status == 403)
    }
}

/// Why a request was cut short by the fetch as a whole rather than by the gateway.
package enum FetchInterruption: Sendable, Hashable {
    /// The fetch's time limit (`--timeout`) ran out.
    case timeLimit
    /// The fetch's task was cancelled (e.g. `run`'s per-account time limit).
    case cancelled

    /// The request's failure text.
    package var failure: String {
        switch self {
        case .timeLimit: "the fetch's time limit ran out"
        case .cancelled: "the fetch was cancelled"
        }
    }
}
