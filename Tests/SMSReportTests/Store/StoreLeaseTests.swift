import SMSStore
import Testing

@Suite("Leases on account-periods (contract §11)")
struct StoreLeaseTests {
    @Test func aPostgresLeaseIsHeldUntilReleasedAndOnlyForItsAccountPeriod() async throws {
        try await StoreFixture.withFresh(.postgres) { fixture in
            let first = try await fixture.open()
            let second = try await fixture.open()
            let leases = try #require(first.leases)
            let others = try #require(second.leases)
            let held = try #require(try await leases.acquireLease(account: "acme", period: "2025-11-04"))
            #expect(try await others.acquireLease(account: "acme", period: "2025-11-04") == nil)
            let otherDay = try #require(try await others.acquireLease(account: "acme", period: "2025-11-05"))
            let otherAccount = try #require(try await others.acquireLease(account: "globex", period: "2025-11-04"))
            await held.release()
            let again = try #require(try await others.acquireLease(account: "acme", period: "2025-11-04"))
            for lease in [otherDay, otherAccount, again] {
                await lease.release()
            }
            await first.close()
            await second.close()
        }
    }

    @Test func aSQLiteStoreHasNoLeases() async throws {
        try await StoreFixture.withFresh(.sqlite) { fixture in
            let store = try await fixture.open()
            #expect(store.leases == nil)
            await store.close()
        }
    }
}
