/// A fault the simulator injects into one API request instead of its normal answer.
package enum InjectedFault: Sendable, Hashable {
    /// 500, because the request's path and query contain a `--fail-path` substring.
    case failPath
    /// 500, drawn at `--fail-rate`.
    case serverError
    /// 429 with `Retry-After`, on every `--rate-limit-every`-th request.
    case rateLimited(retryAfterSeconds: Int)
    /// The connection is closed halfway through the body, drawn at `--drop-connection-rate`.
    case droppedConnection
    /// The answer's head is sent at once, then its body one byte every interval
    /// (`--trickle-ms`), for the requests that `--trickle-path` selects.
    case trickled(byteInterval: Duration)
}

/// Which API requests fail, and how. Pure: the decision for a request depends only on
/// its sequence number and its target, so a run of requests in the same order always
/// meets the same faults.
///
/// Only authorised API requests have a sequence number (1, 2, 3, … since the start or
/// the last `POST /__sim/reset-stats`). The checks run in this order, the first match
/// winning:
/// 1. the target (path and query exactly as sent, still percent-encoded) contains a
///    ``failPaths`` substring → ``InjectedFault/failPath``;
/// 2. ``trickleInterval`` is set and the target contains a ``tricklePaths`` substring
///    (any target when there are none) → ``InjectedFault/trickled(byteInterval:)``;
/// 3. the sequence number is a multiple of ``rateLimitEvery`` → ``InjectedFault/rateLimited(retryAfterSeconds:)``;
/// 4. a seeded draw for the sequence number is below ``failRate`` → ``InjectedFault/serverError``;
/// 5. another, independent draw is below ``dropRate`` → ``InjectedFault/droppedConnection``.
package struct FaultPlan: Sendable, Hashable {
    /// The fraction of requests answered 500, in `0...1`.
    package let failRate: Double
    /// The fraction of requests whose connection is dropped, in `0...1`.
    package let dropRate: Double
    /// Every this many requests, one is answered 429; 0 never.
    package let rateLimitEvery: Int
    /// The `Retry-After` of a 429, in seconds.
    package let retryAfterSeconds: Int
    /// Substrings of a request target that always fail with 500.
    package let failPaths: [String]
    /// The gap between the bytes of a trickled body; zero for no trickling.
    package let trickleInterval: Duration
    /// Substrings of a request target whose body trickles; empty for every target.
    package let tricklePaths: [String]
    /// The seed of the draws.
    package let seed: UInt64

    /// No faults at all.
    package static let none = FaultPlan(checkedFailRate: 0, dropRate: 0, rateLimitEvery: 0, retryAfterSeconds: 1,
                                       failPaths: [], trickleInterval: .zero, tricklePaths: [], seed: 1)

    /// A plan; rates must be in `0...1`, counts, seconds and the trickle interval not
    /// negative, and fail and trickle paths not empty.
    package init(failRate: Double = 0, dropRate: Double = 0, rateLimitEvery: Int = 0, retryAfterSeconds: Int = 1,
                failPaths: [String] = [], trickleInterval: Duration = .zero, tricklePaths: [String] = [],
                seed: UInt64 = 1) throws(SimulatorOptionError) {
        guard (0...1).contains(failRate) else {
            throw SimulatorOptionError("--fail-rate must be between 0 and 1, not \(failRate)")
        }
        guard (0...1).contains(dropRate) else {
            throw SimulatorOptionError("--drop-connection-rate must be between 0 and 1, not \(dropRate)")
        }
        guard rateLimitEvery >= 0 else {
            throw SimulatorOptionError("--rate-limit-every must be 0 (off) or more, not \(rateLimitEvery)")
        }
        guard retryAfterSeconds >= 0 else {
            throw SimulatorOptionError("--retry-after must be 0 or more, not \(retryAfterSeconds)")
        }
        guard !failPaths.contains(where: \.isEmpty) else {
            throw SimulatorOptionError("--fail-path must not be empty")
        }
        guard trickleInterval >= .zero else {
            throw SimulatorOptionError("--trickle-ms must be 0 (off) or more")
        }
        guard !tricklePaths.contains(where: \.isEmpty) else {
            throw SimulatorOptionError("--trickle-path must not be empty")
        }
        self.init(checkedFailRate: failRate, dropRate: dropRate, rateLimitEvery: rateLimitEvery,
                  retryAfterSeconds: retryAfterSeconds, failPaths: failPaths, trickleInterval: trickleInterval,
                  tricklePaths: tricklePaths, seed: seed)
    }

    private init(checkedFailRate failRate: Double, dropRate: Double, rateLimitEvery: Int, retryAfterSeconds: Int,
                 failPaths: [String], trickleInterval: Duration, tricklePaths: [String], seed: UInt64) {
        self.failRate = failRate
        self.dropRate = dropRate
        self.rateLimitEvery = rateLimitEvery
        self.retryAfterSeconds = retryAfterSeconds
        self.failPaths = failPaths
        self.trickleInterval = trickleInterval
        self.tricklePaths = tricklePaths
        self.seed = seed
    }

    /// The fault for the authorised API request number `sequence` (from 1) whose target
    /// is `target`, such as `/api/sms-report/?page=2`; nil to answer it normally.
    package func fault(forRequest sequence: Int, target: String) -> InjectedFault? {
        if failPaths.contains(where: { target.contains($0) }) {
            return .failPath
        }
        if trickleInterval > .zero, tricklePaths.isEmpty || tricklePaths.contains(where: { target.contains($0) }) {
            return .trickled(byteInterval: trickleInterval)
        }
        if rateLimitEvery > 0, sequence % rateLimitEvery == 0 {
            return .rateLimited(retryAfterSeconds: retryAfterSeconds)
        }
        if failRate > 0, SeededDraw.fraction(seed: seed, stream: .serverErrors, index: sequence) < failRate {
            return .serverError
        }
        if dropRate > 0, SeededDraw.fraction(seed: seed, stream: .droppedConnections, index: sequence) < dropRate {
            return .droppedConnection
        }
        return nil
    }
}
