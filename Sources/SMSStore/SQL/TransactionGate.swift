/// Lets one operation at a time use a store's connection, in arrival order.
///
/// An actor alone is not enough: its methods interleave at every `await`, and a
/// transaction is many awaited statements on one connection.
actor TransactionGate {
    private var isHeld = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard isHeld else {
            isHeld = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            isHeld = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
