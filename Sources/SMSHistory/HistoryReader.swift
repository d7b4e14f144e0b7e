import SMSBilling
import SMSCore
import SMSStore

/// Reads what `history` and `billing --store` need from a store and builds the
/// result; the building itself is ``HistoryTableBuilder`` and ``StoredBilling``.
package struct HistoryReader: Sendable {
    package let store: any HistoryStore

    package init(store: any HistoryStore) {
        self.store = store
    }

    /// The trend table of `query` (contract §9, `history`).
    package func history(_ query: HistoryQuery) async throws(HistoryError) -> HistoryResult {
        let bounded = query.from.flatMap { from in query.to.map { from...$0 } }
        let days = try await readStore { () async throws(StoreError) in try await store.days(account: query.account, in: bounded) }
        guard let covered = HistoryTableBuilder.coveredDays(query: query, storedDays: days.map(\.day)) else {
            return try HistoryTableBuilder.result(query: query, days: [], operatorRollups: [], batchRollups: [])
        }
        var operatorRollups: [OperatorRollup] = []
        var batchRollups: [BatchRollup] = []
        if query.group == .batch {
            batchRollups = try await readStore { () async throws(StoreError) in
                try await store.batchRollups(account: query.account, in: covered)
            }
        } else {
            operatorRollups = try await readStore { () async throws(StoreError) in
                try await store.operatorRollups(account: query.account, in: covered)
            }
        }
        return try HistoryTableBuilder.result(query: query, days: days, operatorRollups: operatorRollups,
                                              batchRollups: batchRollups)
    }

    /// The billing of `month` from the rollups (contract §9, `billing --store`).
    package func billing(month: LocalMonth, billing: BillingOptions, timeZone: ReportTimeZone,
                         generatedAt: Instant) async throws(HistoryError) -> StoredBillingResult {
        let range = month.firstDay...month.lastDay
        let days = try await readStore { () async throws(StoreError) in try await store.days(account: billing.account, in: range) }
        let rollups = try await readStore { () async throws(StoreError) in
            try await store.operatorRollups(account: billing.account, in: range)
        }
        do {
            return try StoredBilling.statement(month: month, days: days, rollups: rollups, billing: billing,
                                               timeZone: timeZone, generatedAt: generatedAt)
        } catch {
            throw .billing(error)
        }
    }
}
