import SMSCore

/// What the alert checks found for a report (contract §10): the alerts, and notes on
/// what could not be checked.
package struct AlertFindings: Sendable, Equatable {
    /// The alerts, ordered by scope (account first), then operator, then metric.
    package var alerts: [Alert]
    /// Why some checks were not made, e.g. too few stored baseline days. Shown with the
    /// alerts, never as an alert.
    package var notes: [String]
    /// The stored days the baseline was drawn from, ascending.
    package var baselineDays: [LocalDay]

    package init(alerts: [Alert], notes: [String], baselineDays: [LocalDay]) {
        self.alerts = alerts
        self.notes = notes
        self.baselineDays = baselineDays
    }
}
