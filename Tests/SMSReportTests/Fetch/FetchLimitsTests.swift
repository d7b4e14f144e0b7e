@testable import GatewayAPI
import NIOCore
@testable import SMSFetch
import Testing

/// Issue 11, item 4: fetch's own settings are range-checked (exit 2), never trapped on.
@Suite struct FetchLimitsTests {
    private func request(_ change: (inout FetchRequest) -> Void) throws -> FetchRequest {
        var request = FetchRequest(baseURL: try #require(APIBaseURL("http://127.0.0.1:9")), token: APIToken("t"),
                                   outputFolder: "/tmp/none")
        change(&request)
        return request
    }

    @Test func theDefaultsPass() throws {
        try request { _ in }.check()
    }

    /// The request with `option` set to `value` (whole units of the option).
    private func request(setting option: String, to value: Int64) throws -> FetchRequest {
        try request { request in
            switch option {
            case "--concurrency": request.concurrency = Int(value)
            case "--retries": request.retryPolicy.retries = Int(value)
            case "--retry-delay-ms": request.retryPolicy.baseDelay = .milliseconds(value)
            case "--recheck-hours": request.recheckHours = Int(value)
            case "--request-timeout": request.requestTimeout = .seconds(value)
            default: request.totalTimeout = .seconds(value)
            }
        }
    }

    @Test(arguments: [
        ("--concurrency", 0), ("--concurrency", Int64.max), ("--retries", -1), ("--retries", Int64.max),
        ("--retry-delay-ms", -1), ("--retry-delay-ms", Int64.max), ("--recheck-hours", Int64.max),
        ("--request-timeout", 0), ("--request-timeout", Int64.max), ("--timeout", -1), ("--timeout", 604_801),
    ] as [(String, Int64)])
    func aSettingOutOfRangeIsAUsageError(option: String, value: Int64) throws {
        let request = try request(setting: option, to: value)
        #expect {
            try request.check()
        } throws: { error in
            guard let error = error as? FetchError, case .invalidOption(let named, _) = error else { return false }
            return named == option && error.exitStatus == .usageError
        }
    }

    @Test(arguments: [("--concurrency", 1_024), ("--retries", 100), ("--retry-delay-ms", 3_600_000),
                      ("--recheck-hours", 8_784), ("--request-timeout", 86_400), ("--timeout", 604_800)] as [(String, Int64)])
    func theLargestValuesPass(option: String, value: Int64) throws {
        try request(setting: option, to: value).check()
    }

    /// The timeouts become NIO time amounts (NIO's clamping initialiser): a duration
    /// past what NIO holds is its longest amount, never an overflow.
    @Test func aHugeDurationIsTheLongestTimeAmountNotAnOverflow() {
        #expect(TimeAmount(Duration.seconds(Int64.max)) == .nanoseconds(.max))
        #expect(TimeAmount(Duration.milliseconds(1_500)) == .milliseconds(1_500))
    }

    @Test func serverTextInReasonsHasNoControlCharactersAndIsShort() {
        #expect(ReasonText.clean("a\u{1}b\u{1B}[31mc\u{7F}") == "a\\u0001b\\u001B[31mc\\u007F")
        let long = ReasonText.clean(String(repeating: "x", count: 500))
        #expect(long == String(repeating: "x", count: ReasonText.maximumLength) + "…")
        #expect(ReasonText.clean("campaign/2025-11 A") == "campaign/2025-11 A")
    }
}
