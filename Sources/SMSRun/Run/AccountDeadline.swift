/// Runs one account's work within `account_timeout_minutes` (contract §8): the work
/// and a timer race in a task group; when the timer wins, the work is cancelled
/// (fetch stops its requests, the report is not put in place, no email is started)
/// and the group waits for it to wind down, so nothing of the account runs on. Work
/// cancelled from outside winds down the same way and gives its own result.
package enum AccountDeadline {
    /// What became of the work.
    package enum Outcome<Value: Sendable>: Sendable {
        /// It finished in time, with this value.
        case finished(Value)
        /// The time ran out first; the work was cancelled.
        case timedOut
    }

    /// Runs `work`, cancelling it when `limit` passes first.
    package static func run<Value: Sendable>(within limit: Duration,
                                     _ work: @escaping @Sendable () async -> Value) async -> Outcome<Value> {
        await withTaskGroup(of: Outcome<Value>?.self, returning: Outcome<Value>.self) { group in
            group.addTask { .finished(await work()) }
            group.addTask {
                do {
                    try await Task.sleep(for: limit)
                    return .timedOut
                } catch {
                    return nil // cancelled: the work finished first
                }
            }
            // The timer gives nil only when it is cancelled: when the work is cancelled from
            // outside (a stop signal), its own result is awaited, not taken for a timeout.
            var outcome: Outcome<Value> = .timedOut
            while let next = await group.next() {
                guard let value = next else { continue }
                outcome = value
                break
            }
            group.cancelAll()
            return outcome
        }
    }
}
