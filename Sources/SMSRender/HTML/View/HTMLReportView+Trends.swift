extension HTMLReportView {
    /// A KPI's change against one earlier period (contract §10), e.g.
    /// `▼ −2.3 pts (worse) vs previous day` in ``ChangeFormat/worseColor``.
    package struct ChangeLine {
        package let text: String
        /// `#RRGGBB`: green better, red worse, grey unchanged, neutral or no data.
        package let color: String
    }

    /// The alerts section at the top of the page and of `report.txt`.
    package struct AlertsSection {
        /// The alerts that fired; nil when none did.
        package let raised: RaisedAlerts?
        /// The quiet line when no alert fired, e.g. `No alerts against the baseline of 14
        /// stored days (2025-10-21 – 2025-11-03).`; nil when some did.
        package let allClear: String?
        /// What could not be checked, e.g. too few baseline days; a note is not an alert.
        package let notes: [String]
    }

    /// The alerts that fired: `ALERTS (2)` and one message each.
    package struct RaisedAlerts {
        package let heading: String
        /// Each alert's message, as aggregation wrote it (API text: operator names).
        package let messages: [String]
    }

    /// The heading of the by_operator table's sparkline column, `last 14 days`.
    package struct SparklineColumn {
        package let heading: String
    }

    /// One operator's sparkline of daily delivery rates.
    package struct SparklineCell {
        /// The `<svg>` element, built in Swift with every text escaped (``SVGSparkline``).
        package let svg: String
        /// What the sparkline shows, in words (also its SVG title).
        package let summary: String
        /// `report.txt`'s form: one block character per day (``SparklineBlocks``).
        package let blocks: String
    }
}
