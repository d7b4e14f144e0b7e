@testable import SMSCore
@testable import SMSRun
import Testing
@testable import SMSSupport

/// Contract §1: every number of the config is range-checked before arithmetic; a
/// value out of range is a config error (exit 2) naming its key and line, never a trap.
@Suite struct ConfigLimitsTests {
    static let keys = ["keep_snapshots", "concurrency", "parallel_accounts", "recheck_hours", "account_timeout_minutes",
                       "smtp.port", "smtp.max_attachments_mb"]
    /// Beside plain numbers, YAML 1.1's base 60: too large for any whole number (Yams
    /// itself would trap on it), and below zero.
    static let values = ["9223372036854775807", "9223372036854775808", "-1", "1e30", "-1e30", ".nan", ".inf", "0",
                         "1:0:0:0:0:0:0:0:0:0:0:0", "153722867280912930:59", "-1:30"]

    /// The minimal config with `key: value` (a `smtp.` key goes into an smtp section), `value` on line 1 or 3.
    static func config(_ key: String, _ value: String) -> (yaml: String, line: Int) {
        if key.hasPrefix("smtp.") {
            let name = key.dropFirst("smtp.".count)
            return ("smtp:\n  host: 127.0.0.1\n  \(name): \(value)\n  from: r@example.com\n" + ConfigFixture.minimal, 3)
        }
        return ("\(key): \(value)\n" + ConfigFixture.minimal, 1)
    }

    @Test(arguments: keys, values)
    func anOutOfRangeValueIsAConfigErrorNamingItsKey(_ key: String, _ value: String) throws {
        if value == "0" && key == "recheck_hours" { return } // 0 hours is a valid recheck window
        let fixture = try ConfigFixture()
        let (yaml, line) = Self.config(key, value)
        let error = try #require(try fixture.error(yaml, requirements: .apiTokens))
        #expect(error.keyPath.description == key)
        #expect(error.line == line)
        #expect(error.exitStatus == .usageError)
        #expect(error.description.hasPrefix("\(fixture.folder.path)/config.yaml:\(line): \(key): "))
    }

    @Test func theLargestSensibleValuesLoad() throws {
        let fixture = try ConfigFixture()
        let config = try fixture.load("keep_snapshots: 100000\nrecheck_hours: 8784\naccount_timeout_minutes: 10080\n"
                                      + ConfigFixture.minimal, requirements: .apiTokens)
        #expect(config.keepSnapshots == 100_000)
        #expect(config.recheckHours == 8_784)
        #expect(config.accountTimeout == .seconds(10_080 * 60))
    }

    @Test func aWholeNumberOutOfRangeIsNamedAsWritten() throws {
        let fixture = try ConfigFixture()
        for written in ["99999999999999999999", "1:0:0:0:0:0:0:0:0:0:0:0", "0x401", "1_025"] {
            let error = try #require(try fixture.error("concurrency: \(written)\n" + ConfigFixture.minimal, requirements: .apiTokens))
            #expect(error.problem == .invalidValue("must be between 1 and 1024, not \(written)"))
        }
    }

    @Test func baseSixtyAndOtherYAMLWholeNumbersLoad() throws {
        let fixture = try ConfigFixture()
        for (written, value) in [("1:30", 90), ("+1:0", 60), ("0x10", 16), ("1_000", 1_000)] {
            #expect(try fixture.load("concurrency: \(written)\n" + ConfigFixture.minimal, requirements: .apiTokens).concurrency == value)
        }
        for (written, value) in [("1__0:00", 600), ("1:0:0", 3_600), ("2:46:40", 10_000)] {
            #expect(try fixture.load("keep_snapshots: \(written)\n" + ConfigFixture.minimal, requirements: .apiTokens).keepSnapshots == value)
        }
    }

    /// A scalar tagged as a whole number that spells none (no digits, or quoted text
    /// tagged by hand) is the wrong type, not a number out of range.
    @Test func aWholeNumberTagOnTextIsTheWrongType() throws {
        let fixture = try ConfigFixture()
        for written in ["0x_", "!!int \"30\"", "!!int \"1:30\"", "!!int ten"] {
            let error = try #require(try fixture.error("concurrency: \(written)\n" + ConfigFixture.minimal, requirements: .apiTokens))
            guard case .wrongType(expected: "a whole number", found: _) = error.problem else {
                Issue.record("\(written): \(error.problem)")
                continue
            }
        }
    }

    @Test func theAccountTimeoutIsTwoHoursByDefaultAndTakesFractionsOfAMinute() throws {
        let fixture = try ConfigFixture()
        #expect(try fixture.load(ConfigFixture.minimal, requirements: .apiTokens).accountTimeout == .seconds(7_200))
        let quick = try fixture.load("account_timeout_minutes: 0.05\n" + ConfigFixture.minimal, requirements: .apiTokens)
        #expect(quick.accountTimeout == .seconds(3))
        let error = try #require(try fixture.error("account_timeout_minutes: soon\n" + ConfigFixture.minimal, requirements: .apiTokens))
        #expect(error.problem == .wrongType(expected: "a number", found: "the text \"soon\""))
    }

    @Test func retryOptionsOutOfRangeAreUsageErrors() {
        for value in [-1, 101, Int.max, Int.min] {
            #expect(throws: RetryOptionError.self) { try RetryPolicy.check(retries: value, option: "--retries") }
        }
        let error = RetryOptionError(option: "--retry-delay-ms", value: Int.max, range: RetryPolicy.delayMillisecondRange)
        #expect(throws: error) { try RetryPolicy.check(delayMilliseconds: Int.max, option: "--retry-delay-ms") }
        #expect(error.description == "--retry-delay-ms: must be from 0 to 3600000, not 9223372036854775807")
        #expect(error.exitStatus == .usageError)
        #expect(throws: Never.self) { try RetryPolicy.check(retries: 100, option: "--retries") }
    }
}
