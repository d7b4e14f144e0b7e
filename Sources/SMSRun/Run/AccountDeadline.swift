/// Runs one account's work within `account_timeout_minutes` (contract §8): the work
/// and a timer race in a task group; when the timer wins, the work is cancelled
/// (fetch stops its requests, the report is not put in place, no email is started)
/// and the group waits for it to wind down, so nothing of the account runs on.
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
            var outcome: Outcome<Value> = .timedOut
            if let first = await group.next(), let value = first {
                outcome = value
            }
            group.cancelAll()
            return outcome
        }
    }
}
