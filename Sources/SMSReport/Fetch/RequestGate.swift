/// Lets at most `limit` requests be in flight across the whole fetch, whichever
/// phase sends them (`--concurrency`). Waiters are served first come, first served.
actor RequestGate {
    private let limit: Int
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a free place and takes it.
    func enter() async {
        if inFlight < limit {
            inFlight += 1
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    /// Gives the place back, or hands it straight to the first waiter.
    func leave() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
