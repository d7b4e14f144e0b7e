/// The view model of `report.html`: every value is text ready to print, so the
/// templates only place it. Field names are what the templates use, e.g.
/// `{{header.period}}`, `{{#byDay}}{{key}}{{/byDay}}`, `{{kpis.deliveryRate.value}}`.
struct HTMLReportView {
    let header: ReportHeaderView
    let kpis: KPITiles
    let charts: Charts
    let byDay: [GroupRow]
    let byOperator: [GroupRow]
    let byStatus: [StatusRow]
    let worstBatches: [GroupRow]
    let latency: LatencySection
    /// The data-quality checks with a count above 0; nil when there are none ("no issues found").
    let dataQuality: DataQuality?
    /// The billing lines (contract §7); nil when the report has no rate card.
    let billing: Billing?

    /// The billing section: the `billing` table's rows, formatted, and the card used.
    struct Billing {
        let account: String
        let rateCard: String
        let currency: String
        let rows: [BillingRow]
    }

    /// A row of the `billing` table; `isTotal` for a month's `TOTAL` row.
    struct BillingRow {
        let month: String
        let operatorName: String
        let deliveries: String
        let billableDeliveries: String
        let segments: String
        let billableSegments: String
        let rate: String
        let amount: String
        let currency: String
        let isTotal: Bool
    }

    /// One KPI tile: a label, a big value, a line of detail and an accent colour.
    struct KPI {
        let label: String
        let value: String
        let detail: String
        let accent: String
    }

    /// The six tiles of the page's top.
    struct KPITiles {
        let deliveries: KPI
        let delivered: KPI
        let deliveryRate: KPI
        let latencyP50: KPI
        let latencyP95: KPI
        let undeliverableOrFailed: KPI
    }

    /// An inline SVG chart and its heading.
    struct Chart {
        let title: String
        /// The `<svg>` element, built in Swift with every text escaped (``SVGBarChart``).
        let svg: String
    }

    struct Charts {
        let deliveriesByDay: Chart
        let deliveryRateByOperator: Chart
        let latencyHistogram: Chart
    }

    /// A row of a group table (`by_day`, `by_operator`, `by_batch`): the group's key
    /// and the group columns of contract §4, formatted.
    struct GroupRow {
        let key: String
        /// Only for batches.
        let firstSentAt: String?
        let lastSentAt: String?
        let deliveries: String
        let delivered: String
        let sent: String
        let pending: String
        let undeliverable: String
        let failed: String
        let rejected: String
        let expired: String
        let unknown: String
        let deliveryRate: String
        let latencyCount: String
        let latencyMean: String
        let latencyP50: String
        let latencyP90: String
        let latencyP95: String
        let latencyP99: String
        let latencyMax: String
    }

    /// A row of `by_status`, with the status's colour.
    struct StatusRow {
        let status: String
        let color: String
        let rawValues: String
        let deliveries: String
        let share: String
    }

    /// The latency statistics of the whole report and its histogram.
    struct LatencySection {
        let statistics: [LabelledValue]
        let buckets: [Bucket]

        struct Bucket {
            let bucket: String
            let deliveries: String
        }
    }

    struct LabelledValue {
        let label: String
        let value: String
    }

    /// The data-quality checks that found something (never empty).
    struct DataQuality {
        let issues: [QualityIssue]
    }

    /// A data-quality check that found something.
    struct QualityIssue {
        let check: String
        let count: String
        let example: String
    }
}
