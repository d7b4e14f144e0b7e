/// What a report shows from the history store (contract §10): changes against earlier
/// periods, alerts, and the operators' sparklines. Nil on a report made without a store.
package struct ReportTrends: Sendable, Equatable {
    package var comparisons: ReportComparisons
    package var findings: AlertFindings
    /// One per operator of `by_operator`, in its order.
    package var sparklines: [OperatorSparkline]

    package init(comparisons: ReportComparisons, findings: AlertFindings, sparklines: [OperatorSparkline]) {
        self.comparisons = comparisons
        self.findings = findings
        self.sparklines = sparklines
    }
}
