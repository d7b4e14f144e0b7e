import SMSCore
import SMSAggregate
import SMSBilling

/// Builds the ``HTMLReportView`` of a report from its tables. It reads every value
/// from a table cell (or ``ReportHighlights``) and formats it; it computes none.
package enum HTMLReportViewBuilder {
    package static func view(of tables: ReportTables, source: ReportSource) -> HTMLReportView {
        let summary = tables.figures
        let zone = tables.timeZone
        let byDay = tables.byDay.namedRows
        let byOperator = tables.byOperator.namedRows
        let histogram = tables.latencyHistogram.namedRows
        let statuses = DeliveryStatus.allCases.filter { summary.totals.count($0) > 0 }
        let sparklines = TrendsViewBuilder.sparklines(tables.trends)
        let minimumBatch = DisplayFormat.counted(tables.highlights.worstBatchMinimumDeliveries, "delivery", "deliveries")
        return HTMLReportView(
            header: ReportHeaderView(tables: tables, source: source),
            alerts: tables.trends.map { TrendsViewBuilder.alerts($0.findings) },
            kpis: kpis(summary, highlights: tables.highlights, trends: tables.trends, zone: zone),
            charts: HTMLReportView.Charts(
                deliveriesByDay: deliveriesByDay(byDay, statuses: statuses, zone: zone),
                deliveryRateByOperator: deliveryRateByOperator(byOperator, zone: zone),
                latencyHistogram: latencyHistogram(histogram, zone: zone)),
            byDay: byDay.map { groupRow($0, key: "day", zone: zone) },
            byOperator: byOperator.map { row in
                groupRow(row, key: "operator", zone: zone,
                         sparkline: sparklines[DisplayFormat.cell(row["operator"], timeZone: zone)])
            },
            operatorSparklines: TrendsViewBuilder.sparklineColumn(tables.trends),
            byStatus: tables.byStatus.namedRows.map { row in
                let status = DisplayFormat.cell(row["status"], timeZone: zone)
                return HTMLReportView.StatusRow(
                    status: status,
                    color: DeliveryStatus(rawValue: status).map(StatusPalette.color(of:)) ?? StatusPalette.notDelivered,
                    rawValues: DisplayFormat.cell(row["raw_values"], timeZone: zone),
                    deliveries: DisplayFormat.cell(row["deliveries"], timeZone: zone),
                    share: DisplayFormat.cell(row["share"], timeZone: zone))
            },
            worstBatches: tables.highlights.worstBatches.namedRows.map { groupRow($0, key: "batch_id", zone: zone) },
            worstBatchesRule: "Only batches with at least \(minimumBatch) are ranked; by_batch lists every batch.",
            noWorstBatches: summary.totals.deliveries == 0 ? "No deliveries in the period."
                : "No batch has at least \(minimumBatch).",
            latency: HTMLReportView.LatencySection(
                statistics: zip(["deliveries with a latency", "mean", "p50", "p90", "p95", "p99", "max"],
                                [.integer(summary.totals.latency?.count ?? 0)] + LatencyColumns.cells(summary.totals.latency))
                    .map { HTMLReportView.LabelledValue(label: $0, value: DisplayFormat.cell($1, timeZone: zone)) },
                buckets: histogram.map {
                    HTMLReportView.LatencySection.Bucket(bucket: DisplayFormat.cell($0["bucket"], timeZone: zone),
                                                         deliveries: DisplayFormat.cell($0["deliveries"], timeZone: zone))
                }),
            dataQuality: dataQuality(tables.dataQuality, zone: zone),
            billing: billing(tables, zone: zone))
    }

    private static func billing(_ tables: ReportTables, zone: ReportTimeZone) -> HTMLReportView.Billing? {
        guard let statement = tables.billing, let table = tables.billingTable else { return nil }
        let text = { (row: NamedRow, column: String) in DisplayFormat.cell(row[column], timeZone: zone) }
        return HTMLReportView.Billing(
            account: statement.account, rateCard: statement.rateCard.name, currency: statement.rateCard.currency,
            rows: table.namedRows.map { row in
                HTMLReportView.BillingRow(
                    month: text(row, "month"), operatorName: text(row, "operator"),
                    deliveries: text(row, "deliveries"), billableDeliveries: text(row, "billable_deliveries"),
                    segments: text(row, "segments"), billableSegments: text(row, "billable_segments"),
                    rate: row["rate"] == .empty ? "" : text(row, "rate"), amount: text(row, "amount"),
                    currency: text(row, "currency"), isTotal: row["operator"] == .text(BillingStatement.totalLabel))
            })
    }

    private static func kpis(_ summary: ReportSummary, highlights: ReportHighlights, trends: ReportTrends?,
                             zone: ReportTimeZone) -> HTMLReportView.KPITiles {
        let totals = summary.totals
        let text = { (cell: Cell) in DisplayFormat.cell(cell, timeZone: zone) }
        let count = { (status: DeliveryStatus) in text(.integer(totals.count(status))) }
        let seconds = { (statistic: KeyPath<LatencyStatistics, Int64>) in
            text(totals.latency.map { .seconds($0[keyPath: statistic]) } ?? .empty)
        }
        let latencyCount = totals.latency?.count ?? 0
        let changes = { (kpi: KPI) in TrendsViewBuilder.changes(of: kpi, in: trends) }
        typealias Tile = HTMLReportView.KPI
        return HTMLReportView.KPITiles(
            deliveries: Tile(label: "Deliveries", value: text(.integer(totals.deliveries)),
                             detail: DisplayFormat.counted(summary.messages, "message", "messages") + " · "
                                 + DisplayFormat.counted(summary.batches, "batch", "batches"),
                             accent: "#333333", changes: changes(.deliveries)),
            delivered: Tile(label: "Delivered", value: count(.delivered),
                            detail: "\(count(.sent)) sent · \(count(.pending)) pending",
                            accent: StatusPalette.color(of: .delivered), changes: []),
            deliveryRate: Tile(label: "Delivery rate", value: text(GroupColumns.deliveryRateCell(totals)),
                               detail: "delivered ÷ deliveries", accent: StatusPalette.color(of: .delivered),
                               changes: changes(.deliveryRate)),
            latencyP50: Tile(label: "Latency p50", value: seconds(\.p50),
                             detail: latencyCount == 0 ? "no delivery has a latency"
                                 : "median of " + DisplayFormat.counted(latencyCount, "latency", "latencies"),
                             accent: StatusPalette.neutral, changes: changes(.latencyP50)),
            latencyP95: Tile(label: "Latency p95", value: seconds(\.p95),
                             detail: "p99 \(seconds(\.p99)) · max \(seconds(\.max))", accent: StatusPalette.neutral,
                             changes: changes(.latencyP95)),
            undeliverableOrFailed: Tile(label: "Undeliverable + failed",
                                        value: DisplayFormat.count(highlights.undeliverableOrFailed),
                                        detail: "\(count(.undeliverable)) undeliverable · \(count(.failed)) failed",
                                        accent: StatusPalette.color(of: .failed),
                                        changes: changes(.undeliverableOrFailed)))
    }

    private static func dataQuality(_ table: Table, zone: ReportTimeZone) -> HTMLReportView.DataQuality? {
        let issues = table.namedRows.filter { $0.integer("count") > 0 }.map { row in
            HTMLReportView.QualityIssue(check: DisplayFormat.cell(row["check"], timeZone: zone),
                                        count: DisplayFormat.cell(row["count"], timeZone: zone),
                                        example: exampleText(row["example"], zone: zone))
        }
        return issues.isEmpty ? nil : HTMLReportView.DataQuality(issues: issues)
    }

    private static func groupRow(_ row: NamedRow, key: String, zone: ReportTimeZone,
                                 sparkline: HTMLReportView.SparklineCell? = nil) -> HTMLReportView.GroupRow {
        let text = { (column: String) in DisplayFormat.cell(row[column], timeZone: zone) }
        let isBatch = key == "batch_id"
        return HTMLReportView.GroupRow(
            key: text(key),
            firstSentAt: isBatch ? text("first_sent_at") : nil, lastSentAt: isBatch ? text("last_sent_at") : nil,
            deliveries: text("deliveries"), delivered: text("delivered"), sent: text("sent"), pending: text("pending"),
            undeliverable: text("undeliverable"), failed: text("failed"), rejected: text("rejected"),
            expired: text("expired"), unknown: text("unknown"), deliveryRate: text("delivery_rate"),
            latencyCount: text("latency_count"), latencyMean: text("latency_mean_s"), latencyP50: text("latency_p50_s"),
            latencyP90: text("latency_p90_s"), latencyP95: text("latency_p95_s"), latencyP99: text("latency_p99_s"),
            latencyMax: text("latency_max_s"), sparkline: sparkline)
    }

    /// A data-quality example as received (the CSV's formula guard is a CSV matter).
    private static func exampleText(_ cell: Cell, zone: ReportTimeZone) -> String {
        if case .text(let text) = cell { return text }
        return cell == .empty ? "" : DisplayFormat.cell(cell, timeZone: zone)
    }

    // MARK: charts

    package static func deliveriesByDay(_ rows: [NamedRow], statuses: [DeliveryStatus], zone: ReportTimeZone) -> HTMLReportView.Chart {
        let title = "Deliveries by day"
        let chart = BarChart(
            title: title,
            categories: rows.map { DisplayFormat.cell($0["day"], timeZone: zone) },
            series: statuses.map { status in
                BarChart.Series(name: status.rawValue, color: StatusPalette.color(of: status),
                                values: rows.map { Double($0.integer(status.rawValue)) },
                                labels: rows.map { DisplayFormat.cell($0[status.rawValue], timeZone: zone) })
            },
            valueAxis: .count, valueAxisTitle: "deliveries",
            barTopLabels: rows.map { DisplayFormat.cell($0["deliveries"], timeZone: zone) },
            showsLegend: true)
        return HTMLReportView.Chart(title: title, svg: SVGBarChart.svg(chart))
    }

    package static func deliveryRateByOperator(_ rows: [NamedRow], zone: ReportTimeZone) -> HTMLReportView.Chart {
        let title = "Delivery rate by operator"
        let labels = rows.map { DisplayFormat.cell($0["delivery_rate"], timeZone: zone) }
        let chart = BarChart(
            title: title,
            categories: rows.map { DisplayFormat.cell($0["operator"], timeZone: zone) },
            series: [BarChart.Series(name: "delivery rate", color: StatusPalette.color(of: .delivered),
                                     values: rows.map { row in
                                         if case .rate(let ratio) = row["delivery_rate"] { return ratio.value }
                                         return 0
                                     },
                                     labels: labels)],
            valueAxis: .fraction, valueAxisTitle: "delivered ÷ deliveries", barTopLabels: labels)
        return HTMLReportView.Chart(title: title, svg: SVGBarChart.svg(chart))
    }

    package static func latencyHistogram(_ rows: [NamedRow], zone: ReportTimeZone) -> HTMLReportView.Chart {
        let title = "Latency (delivered_at − sent_at)"
        let buckets = rows.map { DisplayFormat.cell($0["bucket"], timeZone: zone) }
        let labels = rows.map { DisplayFormat.cell($0["deliveries"], timeZone: zone) }
        let chart = BarChart(
            title: title, categories: buckets,
            series: [BarChart.Series(name: "deliveries", color: StatusPalette.neutral,
                                     values: rows.map { Double($0.integer("deliveries")) }, labels: labels)],
            valueAxis: .count, valueAxisTitle: "deliveries", barTopLabels: labels,
            barColors: buckets.map { $0 == LatencyBucket.notDelivered.label ? StatusPalette.notDelivered : StatusPalette.neutral })
        return HTMLReportView.Chart(title: title, svg: SVGBarChart.svg(chart))
    }
}
