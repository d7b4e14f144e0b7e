import SMSCore

/// An operator's daily delivery rate over the days up to the report's last day (the
/// summary page's 14-day sparkline, contract §10).
package struct OperatorSparkline: Sendable, Equatable {
    /// One day's rate; nil when the day has no deliveries for the operator or is not stored.
    package struct Point: Sendable, Equatable {
        package var day: LocalDay
        package var rate: Ratio?

        package init(day: LocalDay, rate: Ratio?) {
            self.day = day
            self.rate = rate
        }
    }

    package var operatorName: String
    /// Every day of the window, ascending.
    package var points: [Point]

    /// How many days a sparkline covers.
    package static let days = 14

    package init(operatorName: String, points: [Point]) {
        self.operatorName = operatorName
        self.points = points
    }
}
