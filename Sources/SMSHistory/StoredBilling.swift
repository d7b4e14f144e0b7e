import SMSBilling
import SMSCore
import SMSStore

/// A month's billing rebuilt from stored (day, operator, prefix, status) rollups
/// (contract §9, `billing --store`): the same tallies the snapshot path counts, priced
/// by the same ``BillingAggregator/statement(tallies:billing:timeZone:generatedAt:)``,
/// so a month stored complete bills byte-identically to its snapshot.
package enum StoredBilling {
    /// The statement of `month` from `rollups` (the account's rollups of the month's
    /// days), and the month's days that are not stored complete, from `days`.
    ///
    /// Throws ``ReportError/missingRate(rateCard:operatorName:)`` when an operator
    /// with deliveries has no price and the card has no default.
    package static func statement(month: LocalMonth, days: [StoredDay], rollups: [OperatorRollup], billing: BillingOptions,
                                  timeZone: ReportTimeZone, generatedAt: Instant) throws(ReportError) -> StoredBillingResult {
        let monthDays = month.firstDay...month.lastDay
        let billableByOrdinal = DeliveryStatus.allCases.map(billing.rateCard.bills)
        var tallies: [BillingTallyKey: BillingTally] = [:]
        for rollup in rollups where rollup.account == billing.account && monthDays.contains(rollup.day) && rollup.deliveries > 0 {
            let key = BillingTallyKey(month: month, operatorName: rollup.operatorName)
            tallies[key, default: BillingTally()].add(deliveries: rollup.deliveries,
                                                      segments: rollup.gsm7Segments + rollup.ucs2Segments,
                                                      isBillable: billableByOrdinal[rollup.status.ordinal])
        }
        var options = billing
        options.months = [month]
        let statement = try BillingAggregator.statement(tallies: tallies, billing: options, timeZone: timeZone,
                                                        generatedAt: generatedAt)
        return StoredBillingResult(statement: statement, month: month, days: days.filter { $0.account == billing.account },
                                   rollupDays: Set(rollups.map(\.day)))
    }
}

/// A month billed from the store, and the days that keep it from being final.
package struct StoredBillingResult: Sendable {
    /// The statement, with the month's invoice.
    package let statement: BillingStatement
    /// Days of the month with no days row.
    package let missingDays: [LocalDay]
    /// Days stored but not complete (fetched before the day ended).
    package let incompleteDays: [LocalDay]
    /// Days whose rollups were pruned: their deliveries are not in the statement.
    package let prunedDays: [LocalDay]

    /// Every day of the month not stored complete, ascending: when not empty the bill
    /// is not final and the command exits 3, naming them.
    package var unsettledDays: [LocalDay] {
        (missingDays + incompleteDays + prunedDays).sorted()
    }

    init(statement: BillingStatement, month: LocalMonth, days: [StoredDay], rollupDays: Set<LocalDay>) {
        self.statement = statement
        let byDay = Dictionary(days.map { ($0.day, $0) }, uniquingKeysWith: { first, _ in first })
        let monthDays = (month.firstDay.daysSinceEpoch...month.lastDay.daysSinceEpoch).map(LocalDay.init(daysSinceEpoch:))
        let pruned = monthDays.filter { day in byDay[day].map { $0.deliveries > 0 && !rollupDays.contains(day) } ?? false }
        missingDays = monthDays.filter { byDay[$0] == nil }
        prunedDays = pruned
        incompleteDays = monthDays.filter { day in (byDay[day].map { !$0.isComplete } ?? false) && !pruned.contains(day) }
    }
}
