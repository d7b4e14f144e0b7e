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

    @Test func aLeaseDiesWithItsSession() async throws {
        try await StoreFixture.withFresh(.postgres) { fixture in
            let store = try await fixture.open()
            let leases = try #require(store.leases)
            _ = try #require(try await leases.acquireLease(account: "acme", period: "2025-11"))
            // What a killed process's socket does: the server ends the session.
            guard case .postgres(let address) = fixture.location else { return }
            try await TestPostgresServer.execute([
                "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                    + "(SELECT oid FROM pg_database WHERE datname = '\(address.database)')",
            ])
            let retaken = try #require(try await leases.acquireLease(account: "acme", period: "2025-11"))
            await retaken.release()
            await store.close()
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
