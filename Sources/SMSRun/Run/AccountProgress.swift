import Synchronization

/// How far one account's run has got, published step by step, so that an account
/// stopped by its deadline still has a `run.json` with what it did and where it stopped.
package final class AccountProgress: Sendable {
    private let state: Mutex<(record: AccountRunRecord, step: String)>

    /// Progress that starts with `record`, before the first step.
    package init(_ record: AccountRunRecord) {
        state = Mutex((record, "starting"))
    }

    /// Records that the run is now in `step` (`fetch`, `report`, `deliver`), with the record so far.
    package func publish(_ record: AccountRunRecord, step: String) {
        state.withLock { $0 = (record, step) }
    }

    /// The record last published.
    package var record: AccountRunRecord { state.withLock { $0.record } }

    /// The step last published.
    package var step: String { state.withLock { $0.step } }
}
