import Foundation

/// When to try a request again, and how long to wait first: exponential backoff
/// with full jitter for 5xx, timeouts and dropped connections, and the server's
/// `Retry-After` for 429.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt (`--retries`).
    public var retries: Int
    /// The first backoff; each retry doubles it.
    public var baseDelay: Duration
    /// The longest single wait.
    public var maximumDelay: Duration

    public init(retries: Int = 5, baseDelay: Duration = .milliseconds(500), maximumDelay: Duration = .seconds(30)) {
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
    public static let retryRange = 0...100
    /// The first backoffs a command may ask for, in milliseconds (up to an hour): the
    /// doubling then stays far inside `Duration`.
    public static let delayMillisecondRange = 0...3_600_000

    /// Refuses a number of retries outside ``retryRange``, naming `option`.
    public static func check(retries: Int, option: String) throws(RetryOptionError) {
        guard retryRange.contains(retries) else { throw RetryOptionError(option: option, value: retries, range: retryRange) }
    }

    /// Refuses a first backoff outside ``delayMillisecondRange``, naming `option`.
    public static func check(delayMilliseconds: Int, option: String) throws(RetryOptionError) {
        guard delayMillisecondRange.contains(delayMilliseconds) else {
            throw RetryOptionError(option: option, value: delayMilliseconds, range: delayMillisecondRange)
        }
    }
}

/// A retry option outside its range (exit 2).
public struct RetryOptionError: ToolError, Equatable {
    /// The option, e.g. `--retries`.
    public let option: String
    /// The value given.
    public let value: Int
    /// The values allowed.
    public let range: ClosedRange<Int>

    public var exitStatus: ExitStatus { .usageError }

    public var description: String {
        "\(option): must be from \(range.lowerBound) to \(range.upperBound), not \(value)"
    }
}
