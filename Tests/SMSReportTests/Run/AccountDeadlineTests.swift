@testable import SMSRun
import Testing

/// `account_timeout_minutes`: work past its deadline is cancelled and reported as timed out.
@Suite struct AccountDeadlineTests {
    @Test func workThatFinishesInTimeGivesItsValue() async {
        let outcome = await AccountDeadline.run(within: .seconds(10)) { 42 }
        guard case .finished(42) = outcome else {
            Issue.record("expected the value, got \(outcome)")
            return
        }
    }

    @Test func workPastTheDeadlineIsCancelledAndTimesOut() async {
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = await AccountDeadline.run(within: .milliseconds(100)) {
            // Slow work that honours cancellation, as fetch does.
            (try? await Task.sleep(for: .seconds(60))) != nil
        }
        guard case .timedOut = outcome else {
            Issue.record("expected a time-out, got \(outcome)")
            return
        }
        // Well under the work's 60 s: the work was cancelled, not waited for (a loose
        // bound, since a busy machine schedules the cancellation late).
        #expect(clock.now - started < .seconds(45))
    }

    @Test func workCancelledFromOutsideGivesItsOwnResultNotATimeOut() async {
        // A stop signal cancels the run's task: the account's record must say where it
        // stopped (interrupted), not that its time ran out.
        let task = Task {
            await AccountDeadline.run(within: .seconds(60)) {
                (try? await Task.sleep(for: .seconds(60))) == nil ? "stopped" : "slept"
            }
        }
        task.cancel()
        guard case .finished("stopped") = await task.value else {
            Issue.record("expected the work's own result")
            return
        }
    }
}
