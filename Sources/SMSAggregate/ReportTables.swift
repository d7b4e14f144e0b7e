import SMSCore
import SMSBilling

/// Every table of a report (contract §4) plus what the renderers show around them.
package struct ReportTables: Sendable {
    package var summary: Table
    /// The figures of ``summary``, typed.
    package var figures: ReportSummary
    package var byBatch: Table
    package var byOperator: Table
    package var byPrefix: Table
    package var byDay: Table
    package var byStatus: Table
    package var cube: Table
    package var latencyHistogram: Table
    package var metrics: Table
    package var dataQuality: Table
    package var deliveries: Table
    /// The timezone every timestamp and day is drawn in.
    package var timeZone: ReportTimeZone
    /// False when the snapshot says some data could not be fetched.
    package var isComplete: Bool
    /// Why the data is incomplete, from the manifest.
    package var incompleteReasons: [String]
    /// The API's base URL the snapshot was fetched from, from the manifest.
    package var sourceBaseURL: String?
    /// What the summary page shows beyond the tables.
    package var highlights: ReportHighlights
    /// The billing of the report's deliveries (contract §7); nil without a rate card.
    package var billing: BillingStatement? = nil
    /// The deliveries table with a last column, `billable`, saying whether the rate card
    /// bills each delivery: the workbook's deliveries sheet, so that a client can
    /// reconcile the billing lines with it. Nil without a rate card.
    package var deliveriesWithBillableFlag: Table? = nil
    /// The `reconciliation` table (contract §10); nil when the snapshot has no metrics snapshot.
    package var reconciliation: Table? = nil
    /// Changes, alerts and sparklines from the history store (contract §10); nil for a
    /// report made without a store.
    package var trends: ReportTrends? = nil

    /// The names of ``all``'s tables, in order, known before any table is made (`billing`,
    /// which comes last and only with a rate card, aside).
    package static let names = ["summary", "by_batch", "by_operator", "by_prefix", "by_day", "by_status", "cube",
                               "latency_histogram", "metrics", "data_quality", "deliveries"]

    /// The `billing` table of contract §7; nil without a rate card.
    package var billingTable: Table? {
        billing?.table
    }

    /// The `alerts` table of contract §10; nil for a report made without a store.
    package var alertsTable: Table? {
        trends.map { AlertTable.table($0.findings.alerts) }
    }

    /// The tables in the order of contract §4: then `billing` with a rate card, `alerts`
    /// with a store, and `reconciliation` with a metrics snapshot.
    package var all: [Table] {
        [summary, byBatch, byOperator, byPrefix, byDay, byStatus, cube, latencyHistogram, metrics, dataQuality, deliveries]
            + [billingTable, alertsTable, reconciliation].compactMap { $0 }
    }

    /// The workbook's tables: those of ``all``, with the deliveries sheet carrying the
    /// `billable` flag when there is a rate card.
    package var workbookTables: [Table] {
        guard let flagged = deliveriesWithBillableFlag else { return all }
        return all.map { $0.name == deliveries.name ? flagged : $0 }
    }
}
