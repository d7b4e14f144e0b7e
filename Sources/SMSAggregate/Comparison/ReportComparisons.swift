import SMSCore

/// The report's KPIs next to those of the earlier periods (contract §10).
package struct ReportComparisons: Sendable, Equatable {
    /// The report's own KPIs (exact).
    package var current: KPIFigures
    /// The earlier periods, in the order they are shown.
    package var earlier: [EarlierPeriod]

    package init(current: KPIFigures, earlier: [EarlierPeriod]) {
        self.current = current
        self.earlier = earlier
    }

    /// The change of `kpi` from `period` to the report.
    package func change(_ kpi: KPI, since period: EarlierPeriod) -> KPIChange {
        KPIChange(kpi, from: period.figures, to: current)
    }
}
