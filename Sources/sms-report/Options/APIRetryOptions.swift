import ArgumentParser
import SMSSupport

/// `--retries` and `--retry-delay-ms`: how an API request is retried, shared by
/// `fetch`, `run` and `billing` (when it fetches the month).
struct APIRetryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Retries of an API request that failed with 5xx, 429, a timeout or a dropped connection (0–100).",
                               valueName: "n"))
    var retries = 5

    @Option(help: ArgumentHelp("First backoff before an API retry, in milliseconds (0–3600000); each retry doubles it (with jitter).",
                               valueName: "ms"))
    var retryDelayMs = 500

    /// The retry policy these options give; a value out of range is refused before
    /// any arithmetic (contract §1).
    func policy() throws(RetryOptionError) -> RetryPolicy {
        try RetryPolicy.check(retries: retries, option: "--retries")
        try RetryPolicy.check(delayMilliseconds: retryDelayMs, option: "--retry-delay-ms")
        return RetryPolicy(retries: retries, baseDelay: .milliseconds(retryDelayMs))
    }
}
