import Foundation

/// When to try a request again, and how long to wait first: exponential backoff
/// with full jitter for 5xx, timeouts and dropped connections, and the server's
/// `Retry-After` for 429.
package struct RetryPolicy: Sendable {
    /// Retries after the first attempt (`--retries`).
    package var retries: Int
    /// The first backoff; each retry doubles it.
    package var baseDelay: Duration
    /// The longest single wait.
    package var maximumDelay: Duration

    package init(retries: Int = 5, baseDelay: Duration = .milliseconds(500), maximumDelay: Duration = .seconds(30)) {
        self.retries = retries
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
    }

    /// The wait before retry number `retry` (1-based): a random share of
    /// `baseDelay × 2^(retry−1)`, capped at ``maximumDelay``.
    package func backoff(beforeRetry retry: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let exponent = min(retry - 1, 20)
        let ceiling = min(baseDelay * (1 << exponent), maximumDelay)
        let ceilingMilliseconds = max(1, Int(ceiling.components.seconds * 1000 + ceiling.components.attoseconds / 1_000_000_000_000_000))
        return .milliseconds(Int.random(in: 0...ceilingMilliseconds, using: &generator))
    }

    /// The wait a 429's `Retry-After` asks for: whole seconds, capped at
    /// ``maximumDelay``; the backoff when the header is absent or not seconds.
    package func retryAfter(_ header: String?, beforeRetry retry: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        guard let header, let seconds = Int(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 else {
            return backoff(beforeRetry: retry, using: &generator)
        }
        return min(.seconds(seconds), maximumDelay)
    }

    /// The retries a command may ask for: more only stretches a failing fetch out.
    package static let retryRange = 0...100
    /// The first backoffs a command may ask for, in milliseconds (up to an hour): the
    /// doubling then stays far inside `Duration`.
    package static let delayMillisecondRange = 0...3_600_000

    /// Refuses a number of retries outside ``retryRange``, naming `option`.
    package static func check(retries: Int, option: String) throws(RetryOptionError) {
        guard retryRange.contains(retries) else { throw RetryOptionError(option: option, value: retries, range: retryRange) }
    }

    /// Refuses a first backoff outside ``delayMillisecondRange``, naming `option`.
    package static func check(delayMilliseconds: Int, option: String) throws(RetryOptionError) {
        guard delayMillisecondRange.contains(delayMilliseconds) else {
            throw RetryOptionError(option: option, value: delayMilliseconds, range: delayMillisecondRange)
        }
    }
}

/// A retry option outside its range (exit 2).
package struct RetryOptionError: ToolError, Equatable {
    /// The option, e.g. `--retries`.
    package let option: String
    /// The value given.
    package let value: Int
    /// The values allowed.
    package let range: ClosedRange<Int>

    package var exitStatus: ExitStatus { .usageError }

    package var description: String {
        "\(option): must be from \(range.lowerBound) to \(range.upperBound), not \(value)"
    }
}
