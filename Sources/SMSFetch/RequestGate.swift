/// Lets at most `limit` requests be in flight across the whole fetch, whichever
/// phase sends them (`--concurrency`). Waiters are served first come, first served.
package actor RequestGate {
    private let limit: Int
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    package init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a free place and takes it.
    package func enter() async {
        if inFlight < limit {
            inFlight += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Gives the place back, or hands it straight to the first waiter.
    package func leave() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
