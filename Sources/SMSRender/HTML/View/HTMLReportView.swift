/// The view model of `report.html`: every value is text ready to print, so the
/// templates only place it. Field names are what the templates use, e.g.
/// `{{header.period}}`, `{{#byDay}}{{key}}{{/byDay}}`, `{{kpis.deliveryRate.value}}`.
package struct HTMLReportView {
    package let header: ReportHeaderView
    /// The alerts section at the top (contract §10); nil for a report made without a store.
    package let alerts: AlertsSection?
    package let kpis: KPITiles
    package let charts: Charts
    package let byDay: [GroupRow]
    package let byOperator: [GroupRow]
    /// The by_operator table's sparkline column; nil for a report made without a store.
    package let operatorSparklines: SparklineColumn?
    package let byStatus: [StatusRow]
    package let worstBatches: [GroupRow]
    /// Which batches the worst-batches table ranks, e.g. `Only batches with at least 20
    /// deliveries are ranked; by_batch lists every batch.`
    package let worstBatchesRule: String
    /// What the worst-batches table says when it ranks no batch: `No deliveries in the
    /// period.`, or `No batch has at least 20 deliveries.`
    package let noWorstBatches: String
    package let latency: LatencySection
    /// The data-quality checks with a count above 0; nil when there are none ("no issues found").
    package let dataQuality: DataQuality?
    /// The billing lines (contract §7); nil when the report has no rate card.
    package let billing: Billing?

    /// The billing section: the `billing` table's rows, formatted, and the card used.
    package struct Billing {
        package let account: String
        package let rateCard: String
        package let currency: String
        package let rows: [BillingRow]
    }

    /// A row of the `billing` table; `isTotal` for a month's `TOTAL` row.
    package struct BillingRow {
        package let month: String
        package let operatorName: String
        package let deliveries: String
        package let billableDeliveries: String
        package let segments: String
        package let billableSegments: String
        package let rate: String
        package let amount: String
        package let currency: String
        package let isTotal: Bool
    }

    /// One KPI tile: a label, a big value, a line of detail, an accent colour, and the
    /// changes against earlier periods (empty without a store, and on the delivered tile).
    package struct KPI {
        package let label: String
        package let value: String
        package let detail: String
        package let accent: String
        package let changes: [ChangeLine]
    }

    /// The six tiles of the page's top.
    package struct KPITiles {
        package let deliveries: KPI
        package let delivered: KPI
        package let deliveryRate: KPI
        package let latencyP50: KPI
        package let latencyP95: KPI
        package let undeliverableOrFailed: KPI
    }

    /// An inline SVG chart and its heading.
    package struct Chart {
        package let title: String
        /// The `<svg>` element, built in Swift with every text escaped (``SVGBarChart``).
        package let svg: String
    }

    package struct Charts {
        package let deliveriesByDay: Chart
        package let deliveryRateByOperator: Chart
        package let latencyHistogram: Chart
    }

    /// A row of a group table (`by_day`, `by_operator`, `by_batch`): the group's key
    /// and the group columns of contract §4, formatted.
    package struct GroupRow {
        package let key: String
        /// Only for batches.
        package let firstSentAt: String?
        package let lastSentAt: String?
        package let deliveries: String
        package let delivered: String
        package let sent: String
        package let pending: String
        package let undeliverable: String
        package let failed: String
        package let rejected: String
        package let expired: String
        package let unknown: String
        package let deliveryRate: String
        package let latencyCount: String
        package let latencyMean: String
        package let latencyP50: String
        package let latencyP90: String
        package let latencyP95: String
        package let latencyP99: String
        package let latencyMax: String
        /// Only for operators, on a report made with a store.
        package let sparkline: SparklineCell?
    }

    /// A row of `by_status`, with the status's colour.
    package struct StatusRow {
        package let status: String
        package let color: String
        package let rawValues: String
        package let deliveries: String
        package let share: String
    }

    /// The latency statistics of the whole report and its histogram.
    package struct LatencySection {
        package let statistics: [LabelledValue]
        package let buckets: [Bucket]

        package struct Bucket {
            package let bucket: String
            package let deliveries: String
        }
    }

    package struct LabelledValue {
        package let label: String
        package let value: String
    }

    /// The data-quality checks that found something (never empty).
    package struct DataQuality {
        package let issues: [QualityIssue]
    }

    /// A data-quality check that found something.
    package struct QualityIssue {
        package let check: String
        package let count: String
        package let example: String
    }
}
