import SMSCore
import SMSRun
import SMSStore
import Testing

@Suite("run --resume: what the store records as done")
struct ResumeCheckTests {
    static func run(_ command: String = "run", period: String = "2025-11-04", exitCode: Int = 0, emailed: Bool = true,
                    startedAt: Int64 = 1_762_300_800) -> StoredRun {
        StoredRun(account: "acme", command: command, period: period, periodFrom: nil, periodTo: nil,
                  startedAt: Instant(unixSeconds: startedAt), finishedAt: Instant(unixSeconds: startedAt + 60),
                  exitCode: exitCode, isComplete: exitCode == 0, deliveries: 10, files: [], emailed: emailed, alerts: 0,
                  snapshot: nil)
    }

    @Test func aRunThatEndedWithZeroAndWasEmailedIsDone() {
        let done = Self.run()
        #expect(ResumeCheck.finishedRun(in: [Self.run(exitCode: 3), done], period: "2025-11-04", emailExpected: true) == done)
        #expect(RunSkip.finished(by: done).reason == "done (run of 2025-11-05T00:00:00Z)")
    }

    @Test func aRunWithoutTheEmailIsDoneOnlyForAnAccountWithoutRecipients() {
        let unsent = Self.run(emailed: false)
        #expect(ResumeCheck.finishedRun(in: [unsent], period: "2025-11-04", emailExpected: true) == nil)
        #expect(ResumeCheck.finishedRun(in: [unsent], period: "2025-11-04", emailExpected: false) == unsent)
    }

    @Test func otherPeriodsFailuresAndOtherCommandsAreNotDone() {
        let runs = [Self.run(period: "2025-11-03"), Self.run(exitCode: 4, emailed: false), Self.run(exitCode: 7),
                    Self.run("report")]
        #expect(ResumeCheck.finishedRun(in: runs, period: "2025-11-04", emailExpected: true) == nil)
    }

    @Test func theSkipLinesNameTheAccountPeriodAndTheReason() {
        #expect(RunSkip.leaseHeld.logLine(account: "acme", period: "2025-11-04")
                == "skipped: acme 2025-11-04 is being run by another process (lease held)")
        var record = AccountRunRecord(account: "acme", period: "2025-11-04", periodFrom: "2025-11-04", periodTo: "2025-11-04",
                                      startedAt: "", finishedAt: "", outcome: .skipped, exitStatus: .success)
        record.skipReason = RunSkip.leaseHeld.reason
        #expect(record.summaryLine == "acme 2025-11-04: skipped (exit 0), being run by another process (lease held)")
    }
}
