/// Lets one operation at a time use a store's connection, in arrival order, and
/// refuses operations once the connection is closed.
///
/// An actor alone is not enough: its methods interleave at every `await`, and a
/// transaction is many awaited statements on one connection.
actor TransactionGate {
    private var isHeld = false
    private var isClosed = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Waits for the connection; fails when it has been closed meanwhile.
    func acquire() async throws(StoreError) {
        if isHeld {
            await withCheckedContinuation { waiting.append($0) }
        } else {
            isHeld = true
        }
        if isClosed {
            release()
            throw .queryFailed(reason: "the history store was already closed")
        }
    }

    func release() {
        if waiting.isEmpty {
            isHeld = false
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Marks the connection closed; the holder calls this before releasing.
    func markClosed() {
        isClosed = true
    }
}
