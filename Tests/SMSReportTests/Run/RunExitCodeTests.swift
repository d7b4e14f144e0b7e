@testable import SMSRun
import Testing

/// Contract §1: a run's exit code is the worst of its accounts', 0 < 3 < 4 < 5 < 1.
@Suite struct RunExitCodeTests {
    @Test func theWorstCodeWinsInTheContractsOrder() {
        #expect(RunExitCode.worst(of: []) == 0)
        #expect(RunExitCode.worst(of: [0, 0]) == 0)
        #expect(RunExitCode.worst(of: [0, 3]) == 3)
        #expect(RunExitCode.worst(of: [4, 3, 0]) == 4)
        #expect(RunExitCode.worst(of: [5, 4]) == 5)
        #expect(RunExitCode.worst(of: [5, 1, 3]) == 1)
    }

    @Test func aDataErrorRanksAboveAuthenticationButBelowUnexpected() {
        #expect(RunExitCode.worst(of: [2, 5]) == 2)
        #expect(RunExitCode.worst(of: [2, 1]) == 1)
    }
}
