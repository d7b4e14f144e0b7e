import SMSCore
import SMSStore
import Testing

/// A 1M-delivery day has a few hundred operator rollups and up to a few thousand
/// batch rollups; the whole store write of a day must stay well under 0.5 s.
@Suite("History store write speed")
struct StoreWriteSpeedTests {
    @Test(arguments: StoreBackendKind.allCases)
    func aBigDayIsReplacedQuickly(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withAccountStore(kind) { store, _ in
            let write = StoreRecords.dayWrite(StoreRecords.day(0), operators: 300, batches: 3_000)
            try await store.replaceDay(write)
            let clock = ContinuousClock()
            let elapsed = try await clock.measure { try await store.replaceDay(write) }
            print("replaceDay of 300 operator and 3000 batch rollups on \(kind): \(elapsed)")
            // Measured alone in a debug build: SQLite 0.4 s, PostgreSQL 1.1 s (most of it
            // the debug build's bind encoding); a loose bound that still catches a regression
            // such as one statement per row.
            #expect(elapsed < .seconds(5), "\(elapsed) in a debug build")
            let day = StoreRecords.day(0)...StoreRecords.day(0)
            #expect(try await store.batchRollups(account: StoreRecords.account, in: day).count == 3_000)
        }
    }
}
