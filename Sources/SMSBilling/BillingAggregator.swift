import SMSCore
import SMSIngest

/// Bills deliveries per account, month and operator (contract §7).
///
/// One pass over the selected deliveries counts, for each (month, operator), the
/// deliveries and segments, and those of them whose status the rate card bills.
/// Each line is then priced at the operator's rate (else the card's `default`) and
/// rounded on its own; an invoice's total is the sum of its rounded lines.
package enum BillingAggregator {
    /// The billing of the deliveries of `snapshot` that `options` select: those of
    /// the report's period (or the billing month), batches and timezone.
    ///
    /// Throws ``ReportError/missingRate(rateCard:operatorName:)`` when an operator
    /// with deliveries has no price and the card has no default.
    package static func statement(for snapshot: LoadedSnapshot, options: ReportOptions,
                                 billing: BillingOptions) throws(ReportError) -> BillingStatement {
        var clock = LocalClock(timeZone: options.timeZone)
        let selection = DeliverySelection(snapshot.normalized.deliveries, options: options, clock: &clock)
        return try statement(snapshot.normalized, selection: selection, billing: billing, options: options)
    }

    /// The billing of the deliveries in `selection` (already filtered by the report's options).
    package static func statement(_ snapshot: NormalizedSnapshot, selection: DeliverySelection, billing: BillingOptions,
                          options: ReportOptions) throws(ReportError) -> BillingStatement {
        let billableByOrdinal = DeliveryStatus.allCases.map(billing.rateCard.bills)
        var tallies: [BillingTallyKey: BillingTally] = [:]
        for index in selection.order {
            let delivery = snapshot.deliveries[Int(index)]
            let key = BillingTallyKey(month: LocalMonth(containing: selection.days[Int(index)]),
                                      operatorName: delivery.operatorName)
            tallies[key, default: BillingTally()].add(deliveries: 1, segments: snapshot.messages[delivery.messageID].segments,
                                                      isBillable: billableByOrdinal[delivery.status.ordinal])
        }
        return try statement(tallies: tallies, billing: billing, timeZone: options.timeZone, generatedAt: options.generatedAt)
    }

    /// The statement priced from per-(month, operator) `tallies`: one line per tally at
    /// the operator's rate (else the card's `default`), an invoice per month with
    /// tallies or listed in `billing.months`.
    ///
    /// Throws ``ReportError/missingRate(rateCard:operatorName:)`` when an operator
    /// with deliveries has no price and the card has no default.
    package static func statement(tallies: [BillingTallyKey: BillingTally], billing: BillingOptions,
                                  timeZone: ReportTimeZone, generatedAt: Instant) throws(ReportError) -> BillingStatement {
        let card = billing.rateCard
        let operatorsWithDeliveries = Set(tallies.keys.map(\.operatorName))
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var prices: [String: Price] = [:]
        for operatorName in operatorsWithDeliveries {
            guard let price = card.price(for: operatorName) else {
                throw .missingRate(rateCard: card.name, operatorName: operatorName)
            }
            prices[operatorName] = price
        }
        let defaultPriced = operatorsWithDeliveries.filter { name in
            !card.namesOperator(name) && name != OperatorTable.other && name != OperatorTable.invalid
        }

        var linesByMonth: [LocalMonth: [BillingLine]] = [:]
        for month in billing.months {
            linesByMonth[month] = []
        }
        for (key, tally) in tallies {
            // safe: every operator with deliveries was priced above, or the function threw.
            let price = prices[key.operatorName]!
            linesByMonth[key.month, default: []].append(BillingLine(
                operatorName: key.operatorName, deliveries: tally.deliveries,
                billableDeliveries: tally.billableDeliveries, segments: tally.segments,
                billableSegments: tally.billableSegments, rate: price,
                usesDefaultPrice: !card.namesOperator(key.operatorName)))
        }
        let invoices = linesByMonth.keys.sorted().map { month in
            Invoice(account: billing.account, month: month, currency: card.currency, lines: linesByMonth[month] ?? [])
        }
        return BillingStatement(account: billing.account, rateCard: card, timeZone: timeZone, invoices: invoices,
                                generatedAt: generatedAt, defaultPricedOperators: defaultPriced)
    }
}
