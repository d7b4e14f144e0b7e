import SMSCore
import SMSBilling

/// Every table of a report (contract §4) plus what the renderers show around them.
public struct ReportTables: Sendable {
    public var summary: Table
    /// The figures of ``summary``, typed.
    public var figures: ReportSummary
    public var byBatch: Table
    public var byOperator: Table
    public var byPrefix: Table
    public var byDay: Table
    public var byStatus: Table
    public var cube: Table
    public var latencyHistogram: Table
    public var metrics: Table
    public var dataQuality: Table
    public var deliveries: Table
    /// The timezone every timestamp and day is drawn in.
    public var timeZone: ReportTimeZone
    /// False when the snapshot says some data could not be fetched.
    public var isComplete: Bool
    /// Why the data is incomplete, from the manifest.
    public var incompleteReasons: [String]
    /// The API's base URL the snapshot was fetched from, from the manifest.
    public var sourceBaseURL: String?
    /// What the summary page shows beyond the tables.
    public var highlights: ReportHighlights
    /// The billing of the report's deliveries (contract §7); nil without a rate card.
    public var billing: BillingStatement? = nil
    /// The deliveries table with a last column, `billable`, saying whether the rate card
    /// bills each delivery: the workbook's deliveries sheet, so that a client can
    /// reconcile the billing lines with it. Nil without a rate card.
    public var deliveriesWithBillableFlag: Table? = nil

    /// The names of ``all``'s tables, in order, known before any table is made (`billing`,
    /// which comes last and only with a rate card, aside).
    public static let names = ["summary", "by_batch", "by_operator", "by_prefix", "by_day", "by_status", "cube",
                               "latency_histogram", "metrics", "data_quality", "deliveries"]

    /// The `billing` table of contract §7; nil without a rate card.
    public var billingTable: Table? {
        billing?.table
    }

    /// The tables in the order of contract §4; `billing` last, when there is a rate card.
    public var all: [Table] {
        [summary, byBatch, byOperator, byPrefix, byDay, byStatus, cube, latencyHistogram, metrics, dataQuality, deliveries]
            + (billingTable.map { [$0] } ?? [])
    }

    /// The workbook's tables: those of ``all``, with the deliveries sheet carrying the
    /// `billable` flag when there is a rate card.
    public var workbookTables: [Table] {
        guard let flagged = deliveriesWithBillableFlag else { return all }
        return all.map { $0.name == deliveries.name ? flagged : $0 }
    }
}
