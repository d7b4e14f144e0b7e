import SMSStore

/// Runs one read of the store, its error as a ``HistoryError``: what every reader of
/// this module does with the store's typed errors.
func readStore<Value>(_ body: () async throws(StoreError) -> Value) async throws(HistoryError) -> Value {
    do {
        return try await body()
    } catch {
        throw .store(error)
    }
}
