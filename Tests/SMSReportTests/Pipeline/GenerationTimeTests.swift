@testable import SMSCore
@testable import SMSRun
import Testing

/// `SOURCE_DATE_EPOCH` (contract §4 "Determinism"; issue 11.4): whole seconds from
/// 1970-01-01 to 9999-12-31, else a one-line usage error (exit 2), never a trap.
@Suite struct GenerationTimeTests {
    @Test(arguments: [("1762300800", Int64(1_762_300_800)), ("0", 0), (" 253402300799 ", 253_402_300_799)])
    func secondsInRangeAreTheGenerationTime(text: String, seconds: Int64) throws {
        #expect(try GenerationTime.current(environment: ["SOURCE_DATE_EPOCH": text]) == Instant(unixSeconds: seconds))
    }

    @Test(arguments: [
        "99999999999999999999",  // past Int64
        "9223372036854775807",   // Int64.max: its microseconds would overflow
        "253402300800",          // 10000-01-01
        "-5",
        "abc",
        "1.5",
        "",
    ])
    func anythingElseIsAUsageError(text: String) {
        #expect {
            try GenerationTime.current(environment: ["SOURCE_DATE_EPOCH": text])
        } throws: { error in
            guard let error = error as? ReportError, case .invalidOption(let option, let reason) = error else { return false }
            return option == "SOURCE_DATE_EPOCH" && reason.contains("0 to 253402300799") && error.exitStatus == .usageError
        }
    }
}
