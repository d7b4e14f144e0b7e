@testable import SMSSupport
import Testing

/// Backoff grows exponentially with jitter, within its cap; 429 honours Retry-After.
@Suite struct RetryPolicyTests {
    @Test func backoffStaysWithinTheDoublingCeiling() {
        let policy = RetryPolicy(retries: 5, baseDelay: .milliseconds(100), maximumDelay: .seconds(1))
        var generator = SystemRandomNumberGenerator()
        for retry in 1...8 {
            let ceiling = min(Duration.milliseconds(100) * (1 << (retry - 1)), .seconds(1))
            for _ in 0..<50 {
                let wait = policy.backoff(beforeRetry: retry, using: &generator)
                #expect(wait >= .zero && wait <= ceiling)
            }
        }
    }

    @Test func retryAfterSecondsAreHonouredAndCapped() {
        let policy = RetryPolicy(retries: 5, baseDelay: .milliseconds(100), maximumDelay: .seconds(30))
        var generator = SystemRandomNumberGenerator()
        #expect(policy.retryAfter("2", beforeRetry: 1, using: &generator) == .seconds(2))
        #expect(policy.retryAfter(" 0 ", beforeRetry: 1, using: &generator) == .zero)
        #expect(policy.retryAfter("600", beforeRetry: 1, using: &generator) == .seconds(30))
        let fallback = policy.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT", beforeRetry: 1, using: &generator)
        #expect(fallback <= .milliseconds(100))
    }
}
