import Foundation
import SMSCore
import SMSStore
import Testing

/// The history store's behaviour, the same on both backends (contract §9).
@Suite("History store")
struct HistoryStoreTests {
    private typealias Records = StoreRecords

    /// Every record type comes back exactly as written.
    @Test(arguments: StoreBackendKind.allCases)
    func everyRecordRoundTrips(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withAccountStore(kind) { store, _ in
            let writes = (0..<3).map { Records.dayWrite(Records.day(Int32($0)), operators: 7, batches: 5, seed: $0) }
            for write in writes { try await store.replaceDay(write) }
            let runs = (0..<3).map(Records.run)
            for run in runs { try await store.recordRun(run) }
            let alerts = (0..<2).map(Records.alert)
            try await store.recordAlerts(alerts)
            let readAt = Instant(microseconds: 1_762_300_003_000_007)
            try await store.recordMetrics(Records.readings(at: readAt), account: Records.account, readAt: readAt)

            let range = Records.day(0)...Records.day(2)
            #expect(try await store.days(account: Records.account, in: nil) == writes.map(\.day))
            #expect(try await store.days(account: Records.account, in: Records.day(1)...Records.day(1)) == [writes[1].day])
            let operatorRollups = try await store.operatorRollups(account: Records.account, in: range)
            #expect(operatorRollups.count == writes.flatMap(\.operatorRollups).count)
            #expect(writes.flatMap(\.operatorRollups).allSatisfy(operatorRollups.contains))
            #expect(operatorRollups.map(\.day) == operatorRollups.map(\.day).sorted())
            let batchRollups = try await store.batchRollups(account: Records.account, in: range)
            #expect(batchRollups.count == writes.flatMap(\.batchRollups).count)
            #expect(writes.flatMap(\.batchRollups).allSatisfy(batchRollups.contains))
            #expect(try await store.runs(account: Records.account) == runs)
            #expect(try await store.alerts(account: Records.account) == alerts)
            #expect(try await store.metrics(account: Records.account) == Records.readings(at: readAt).sorted { $0.key < $1.key })
            #expect(try await store.accounts() == [Records.account])
            #expect(try await store.schemaVersion == 1)
            #expect(try await store.days(account: "other", in: nil).isEmpty)
        }
    }

    @Test(arguments: StoreBackendKind.allCases)
    func aDayWrittenTwiceLeavesTheSameRows(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withAccountStore(kind) { store, _ in
            let write = Records.dayWrite(Records.day(0), operators: 6, batches: 3)
            try await store.replaceDay(write)
            let once = try await Self.contents(of: store, day: Records.day(0))
            try await store.replaceDay(write)
            let twice = try await Self.contents(of: store, day: Records.day(0))
            #expect(once.days == twice.days && once.operators == twice.operators && once.batches == twice.batches)
            #expect(twice.operators.count == 6 && twice.batches.count == 3)
        }
    }

    @Test(arguments: StoreBackendKind.allCases)
    func replacingADayWithFewerRollupsRemovesTheOldOnes(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withAccountStore(kind) { store, _ in
            try await store.replaceDay(Records.dayWrite(Records.day(0), operators: 9, batches: 8, seed: 1))
            try await store.replaceDay(Records.dayWrite(Records.day(1), operators: 2, batches: 2))
            let smaller = Records.dayWrite(Records.day(0), operators: 2, batches: 1, seed: 2)
            try await store.replaceDay(smaller)
            let after = try await Self.contents(of: store, day: Records.day(0))
            #expect(after.days == [smaller.day])
            #expect(after.operators.count == 2 && smaller.operatorRollups.allSatisfy(after.operators.contains))
            #expect(after.batches == smaller.batchRollups)
            #expect(try await store.operatorRollups(account: Records.account, in: Records.day(1)...Records.day(1)).count == 2)
        }
    }

    /// Two processes' connections writing different days of one account at once lose nothing.
    @Test(arguments: StoreBackendKind.allCases)
    func concurrentWritersOfDifferentDaysLoseNothing(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withFresh(kind) { fixture in
            let first = try await fixture.open()
            let second = try await fixture.open()
            try await first.registerAccount(Records.account, timeZone: Records.timeZone)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (writer, offset) in [(first, 0), (second, 20)] {
                    group.addTask {
                        for day in 0..<20 {
                            try await writer.replaceDay(Records.dayWrite(Records.day(Int32(offset + day)), operators: 30, batches: 40))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let range = Records.day(0)...Records.day(39)
            #expect(try await first.days(account: Records.account, in: range).count == 40)
            #expect(try await second.operatorRollups(account: Records.account, in: range).count == 40 * 30)
            #expect(try await second.batchRollups(account: Records.account, in: range).count == 40 * 40)
            #expect(try await first.check().problems == [])
            await first.close()
            await second.close()
        }
    }

    /// Two connections replacing the same day at once end with exactly one copy of it.
    @Test(arguments: StoreBackendKind.allCases)
    func concurrentWritersOfTheSameDayLeaveOneCopy(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withFresh(kind) { fixture in
            let first = try await fixture.open()
            let second = try await fixture.open()
            try await first.registerAccount(Records.account, timeZone: Records.timeZone)
            let versions = [Records.dayWrite(Records.day(0), operators: 40, batches: 50, seed: 1),
                            Records.dayWrite(Records.day(0), operators: 25, batches: 60, seed: 2)]
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for (writer, write) in zip([first, second], versions) {
                        group.addTask {
                            for _ in 0..<10 { try await writer.replaceDay(write) }
                        }
                    }
                    try await group.waitForAll()
                }
            } catch {
                // Closed before failing: a PostgreSQL connection dropped unclosed stops the test process.
                await first.close()
                await second.close()
                throw error
            }
            let stored = try await Self.contents(of: first, day: Records.day(0))
            let winner = try #require(versions.first { [$0.day] == stored.days })
            #expect(stored.operators.count == winner.operatorRollups.count)
            #expect(winner.operatorRollups.allSatisfy(stored.operators.contains))
            #expect(stored.batches.count == winner.batchRollups.count)
            #expect(try await first.check().problems == [])
            await first.close()
            await second.close()
        }
    }

    /// Two processes opening a new store at once both succeed, and it is migrated once.
    @Test(arguments: StoreBackendKind.allCases)
    func concurrentFirstOpensBothSucceed(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withFresh(kind) { fixture in
            let stores = try await withThrowingTaskGroup(of: (any HistoryStore).self) { group in
                for _ in 0..<4 { group.addTask { try await fixture.open() } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for store in stores {
                #expect(try await store.schemaVersion == 1)
                await store.close()
            }
            #expect(try await fixture.count("SELECT COUNT(*) AS n FROM schema_versions") == 1)
        }
    }

    @Test(arguments: StoreBackendKind.allCases)
    func aStoreOfANewerVersionIsRefused(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withFresh(kind) { fixture in
            try await fixture.open().close()
            try await fixture.execute("INSERT INTO schema_versions (version, applied_by, applied_at_us) VALUES (7, 'sms-report 9.0', 0)")
            let error = await #expect(throws: StoreError.self) { try await fixture.open() }
            #expect(error == .newerSchema(store: fixture.location.description, found: 7, supported: 1))
            #expect(error?.exitStatus == .usageError)
            #expect(error.map { "\($0)" }?.contains("version 7") == true)
            #expect(error.map { "\($0)" }?.contains("up to 1") == true)
        }
    }

    @Test(arguments: StoreBackendKind.allCases)
    func anAccountKeepsItsTimeZone(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withAccountStore(kind) { store, _ in
            try await store.registerAccount(Records.account, timeZone: Records.timeZone)
            await #expect(throws: StoreError.timeZoneMismatch(account: Records.account, stored: Records.timeZone, requested: "UTC")) {
                try await store.registerAccount(Records.account, timeZone: "UTC")
            }
            try await store.registerAccount("other", timeZone: "UTC")
            #expect(try await store.accounts() == ["acme", "other"])
        }
    }

    @Test(arguments: StoreBackendKind.allCases)
    func pruneDeletesOldRollupsAndKeepsDaysRunsAndAlerts(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withAccountStore(kind) { store, _ in
            try await store.registerAccount("other", timeZone: Records.timeZone)
            for offset in 0..<4 {
                try await store.replaceDay(Records.dayWrite(Records.day(Int32(offset)), operators: 3, batches: 2))
            }
            try await store.replaceDay(Records.dayWrite(Records.day(0), operators: 1, batches: 1, account: "other"))
            try await store.recordRun(Records.run(0))
            try await store.recordAlerts([Records.alert(0)])

            let summary = try await store.prune(account: Records.account, before: Records.day(2))
            #expect(summary == PruneSummary(days: 2, rollupRows: 2 * (3 + 2)))
            let all = Records.day(0)...Records.day(3)
            #expect(try await store.days(account: Records.account, in: nil).count == 4)
            #expect(try await store.operatorRollups(account: Records.account, in: all).map(\.day) == [2, 2, 2, 3, 3, 3].map { Records.day($0) })
            #expect(try await store.batchRollups(account: Records.account, in: all).count == 4)
            #expect(try await store.operatorRollups(account: "other", in: all).count == 1)
            #expect(try await store.runs(account: Records.account).count == 1)
            #expect(try await store.alerts(account: Records.account).count == 1)
            #expect(try await store.check().problems == [])
            #expect(try await store.prune(account: nil, before: Records.day(2)) == PruneSummary(days: 1, rollupRows: 2))
        }
    }

    @Test(arguments: StoreBackendKind.allCases)
    func checkFindsADayWhoseRollupsDisagree(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withAccountStore(kind) { store, fixture in
            let write = Records.dayWrite(Records.day(3), operators: 4, batches: 2)
            try await store.replaceDay(write)
            try await store.replaceDay(Records.dayWrite(Records.day(4), operators: 0, batches: 0))
            #expect(try await store.check() == StoreCheckReport(schemaVersion: 1, daysChecked: 1, problems: []))
            try await fixture.execute("UPDATE operator_rollups SET deliveries = deliveries - 2 WHERE operator = 'NTC0'")
            let report = try await store.check()
            let total = write.day.deliveries
            #expect(report.problems == ["acme 2025-11-04: deliveries \(total), operator rollups \(total - 2)"])
        }
    }

    @Test(arguments: StoreBackendKind.allCases)
    func aClosedStoreRefusesWorkInsteadOfWaiting(_ kind: StoreBackendKind) async throws {
        try await StoreFixture.withFresh(kind) { fixture in
            let store = try await fixture.open()
            await store.close()
            await store.close()
            await #expect(throws: StoreError.queryFailed(reason: "the history store was already closed")) {
                try await store.accounts()
            }
        }
    }

    /// The days row and both rollup grains of one day.
    private static func contents(of store: any HistoryStore, day: LocalDay)
        async throws -> (days: [StoredDay], operators: [OperatorRollup], batches: [BatchRollup]) {
        (try await store.days(account: Records.account, in: day...day),
         try await store.operatorRollups(account: Records.account, in: day...day),
         try await store.batchRollups(account: Records.account, in: day...day))
    }
}
