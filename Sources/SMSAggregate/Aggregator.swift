import SMSCore
import SnapshotFormat
import SMSIngest
import SMSBilling

/// Groups a snapshot's deliveries into the tables of contract §4.
///
/// One pass over the selected deliveries, in deliveries order, feeds every group;
/// then each group's latencies are sorted once for its percentiles.
package enum Aggregator {
    /// The report tables for the deliveries of `snapshot` that `options` select.
    package static func tables(for snapshot: LoadedSnapshot, options: ReportOptions) -> ReportTables {
        tables(for: snapshot, options: options, selected: select(snapshot, options: options))
    }

    /// The first step of aggregation: the deliveries that `options` select, in order,
    /// and their table. A renderer can start on this largest table while
    /// ``tables(for:options:selected:)`` groups the rest.
    /// With `billableBy`, the selection also carries the workbook's deliveries table with
    /// each delivery's `billable` flag under that rate card.
    package static func select(_ snapshot: LoadedSnapshot, options: ReportOptions,
                              billableBy rateCard: RateCard? = nil) -> SelectedDeliveries {
        var clock = LocalClock(timeZone: options.timeZone)
        let selection = DeliverySelection(snapshot.normalized.deliveries, options: options, clock: &clock)
        let table = TableBuilder.deliveries(snapshot.normalized, selection: selection)
        let flagged = rateCard.map { TableBuilder.deliveries(snapshot.normalized, selection: selection, billableBy: $0) }
        // A group table has at most one row per delivery; summary, by_status,
        // latency_histogram and data_quality have a fixed number; metrics one per reading.
        let fixedRows = TableBuilder.summaryRowCount + DeliveryStatus.allCases.count
            + LatencyBucket.allCases.count + DataQualityCheck.allCases.count
        return SelectedDeliveries(table: table, deliveriesWithBillableFlag: flagged,
                                  otherTablesRowBound: max(selection.order.count, fixedRows, snapshot.metrics.count),
                                  selection: selection)
    }

    /// The billing of the `selected` deliveries, priced with `billing`'s rate card.
    ///
    /// Throws ``ReportError/missingRate(rateCard:operatorName:)`` when an operator
    /// with deliveries has no price and the card has no default.
    package static func billing(for snapshot: LoadedSnapshot, options: ReportOptions, selected: SelectedDeliveries,
                               billing: BillingOptions) throws(ReportError) -> BillingStatement {
        try BillingAggregator.statement(snapshot.normalized, selection: selected.selection, billing: billing, options: options)
    }

    /// The report tables, plus the `billing` table of the same deliveries priced with
    /// `billing`'s rate card, and the deliveries table with each delivery's `billable` flag.
    ///
    /// Throws ``ReportError/missingRate(rateCard:operatorName:)`` when an operator
    /// with deliveries has no price and the card has no default.
    package static func tables(for snapshot: LoadedSnapshot, options: ReportOptions,
                              billing: BillingOptions) throws(ReportError) -> ReportTables {
        let selected = select(snapshot, options: options, billableBy: billing.rateCard)
        let statement = try self.billing(for: snapshot, options: options, selected: selected, billing: billing)
        var report = tables(for: snapshot, options: options, selected: selected)
        report.billing = statement
        return report
    }

    /// Every table of the report, the deliveries `selected` included. Batches with fewer
    /// than `worstBatchMinimum` deliveries are not ranked among the worst.
    package static func tables(for snapshot: LoadedSnapshot, options: ReportOptions, selected: SelectedDeliveries,
                               worstBatchMinimum: Int = AlertThresholds.standard.worstBatchMinimumDeliveries) -> ReportTables {
        var clock = LocalClock(timeZone: options.timeZone)
        let selection = selected.selection
        var pass = GroupingPass(messages: snapshot.normalized.messages, expectedDeliveries: selection.order.count)
        for index in selection.order {
            pass.add(snapshot.normalized.deliveries[Int(index)], day: selection.days[Int(index)], clock: &clock)
        }
        pass.distributeLatencies()
        let checks = snapshot.normalized.fetchChecks
        pass.quality.set(.duplicateRows, count: checks.duplicateRows, example: checks.duplicateRowsExample)
        pass.quality.set(.missingBatchReport, count: checks.missingBatchReports, example: checks.missingBatchReportsExample)
        pass.quality.set(.countMismatch, count: checks.countMismatch, example: checks.countMismatchExample)
        pass.quality.set(.failedRequests, count: checks.failedRequests, example: checks.failedRequestsExample)

        let summaryStatistics = pass.summary.finish()
        let periodFrom = options.from ?? pass.firstDay, periodTo = options.to ?? pass.lastDay
        let reconciliation = snapshot.hasMetricsSnapshot
            ? Reconciliation.rows(metrics: snapshot.metrics, deliveries: snapshot.normalized.deliveries,
                                  days: reconciledDays(snapshot, from: periodFrom, to: periodTo))
            : nil
        if let reconciliation {
            let mismatches = Reconciliation.mismatches(reconciliation)
            pass.quality.set(.metricsMismatch, count: mismatches.count, example: mismatches.example)
        }
        let summary = ReportSummary(
            periodFrom: periodFrom, periodTo: periodTo,
            timeZone: options.timeZone, generatedAt: options.generatedAt,
            dataAsOf: snapshot.manifest?.fetchFinished.flatMap(TimestampParser.parse),
            isComplete: snapshot.isComplete, messages: pass.messageCount,
            batches: pass.batches.keys.filter { !$0.isEmpty }.count, totals: summaryStatistics)
        let cubeNames = CubeNames(days: pass.days.keys, batches: pass.batches.keys,
                                  operators: pass.operators.keys, prefixes: pass.prefixes.keys)
        let byBatch = TableBuilder.byBatch(pass.batches.finish())
        let cubeGroups = pass.cube.finish()
        let operatorGroups = TableBuilder.operatorOrder(pass.operators.finish())
        return ReportTables(
            summary: TableBuilder.summary(summary),
            figures: summary,
            byBatch: byBatch,
            byOperator: TableBuilder.byOperator(operatorGroups),
            byPrefix: TableBuilder.byPrefix(pass.prefixes.finish(), operatorByPrefix: pass.operatorByPrefix),
            byDay: TableBuilder.byDay(pass.days.finish()),
            byStatus: TableBuilder.byStatus(counts: pass.statusCounts, rawValues: pass.rawValuesByStatus),
            cube: TableBuilder.cube(cubeGroups, names: cubeNames),
            latencyHistogram: TableBuilder.latencyHistogram(pass.histogram),
            metrics: TableBuilder.metrics(snapshot.metrics),
            dataQuality: Table(name: "data_quality",
                               columns: [Column("check", .text), Column("count", .integer), Column("example", .text)],
                               rows: pass.quality.rows),
            deliveries: selected.table,
            timeZone: options.timeZone,
            isComplete: snapshot.isComplete,
            incompleteReasons: snapshot.incompleteReasons,
            sourceBaseURL: snapshot.manifest?.baseURL,
            highlights: ReportHighlights(
                worstBatches: TableBuilder.worstBatches(byBatch, limit: ReportHighlights.worstBatchLimit,
                                                        minimumDeliveries: worstBatchMinimum),
                worstBatchMinimumDeliveries: worstBatchMinimum,
                undeliverableOrFailed: summaryStatistics.count(.undeliverable) + summaryStatistics.count(.failed),
                operators: operatorGroups.map { (name: $0.key, statistics: $0.statistics) },
                operatorDays: TableBuilder.operatorDays(cubeGroups, names: cubeNames)),
            deliveriesWithBillableFlag: selected.deliveriesWithBillableFlag,
            reconciliation: reconciliation.map(Reconciliation.table))
    }

    /// The Kathmandu days the reconciliation covers: the report's period, within the
    /// days the fetch asked for (`--since`, `--until`); nil when that leaves none.
    private static func reconciledDays(_ snapshot: LoadedSnapshot, from: LocalDay?, to: LocalDay?) -> ClosedRange<LocalDay>? {
        guard var first = from, var last = to else { return nil }
        if let since = snapshot.manifest?.since.flatMap(LocalDay.init(iso:)) { first = max(first, since) }
        if let until = snapshot.manifest?.until.flatMap(LocalDay.init(iso:)) { last = min(last, until) }
        return first <= last ? first...last : nil
    }
}

/// The deliveries a report covers and their table, made before the grouping pass.
package struct SelectedDeliveries: Sendable {
    /// The `deliveries` table.
    package let table: Table
    /// The deliveries table with each delivery's `billable` flag, when a rate card was given.
    package let deliveriesWithBillableFlag: Table?
    /// The workbook's deliveries sheet: the flagged table with a rate card, else ``table``.
    package var workbookTable: Table {
        deliveriesWithBillableFlag ?? table
    }
    /// No other table of the report has more rows than this.
    package let otherTablesRowBound: Int
    package let selection: DeliverySelection
}

/// The keys behind the cube's group indices.
package struct CubeNames {
    package var days: [LocalDay]
    package var batches: [String]
    package var operators: [String]
    package var prefixes: [String]
}
