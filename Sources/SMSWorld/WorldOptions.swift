import ArgumentParser

/// The command-line options that describe a world, shared by `sms-sample` and
/// `sms-api-sim` so that the same options give the same world in both.
package struct WorldOptions: ParsableArguments {
    /// A value that does not describe a world, with the reason.
    package struct Invalid: Error, CustomStringConvertible {
        package let description: String
    }

    @Option(help: "Deliveries (message–recipient pairs) in the world.")
    package var deliveries = 300

    @Option(help: "Local days (Asia/Kathmandu) the world covers, ending with --end-day.")
    package var days = 7

    @Option(help: ArgumentHelp("The last day the world covers.", valueName: "YYYY-MM-DD"))
    package var endDay = "2025-11-04"

    @Option(help: "Rows per page of /api/sms-report/.")
    package var pageSize = 50

    @Option(help: "The seed of every random choice.")
    package var seed: UInt64 = 1

    @Flag(help: "A clean world, with no odd rows.")
    package var clean = false

    @Flag(help: "Every message fares alike, so each operator's daily delivery rate is steady (binomial noise).")
    package var steadyRates = false

    @Option(help: ArgumentHelp("From DAY on, OPERATOR's deliveries are delivered with about SHARE (0-1); "
                               + "the rest fail. Example: NCELL:2025-11-04:0.6.",
                               valueName: "OPERATOR:DAY:SHARE"))
    package var degrade: String?

    package init() {}

    /// The world the options describe.
    package func parameters() throws(Invalid) -> WorldParameters {
        guard ReportPages.pageSizes.contains(pageSize) else {
            throw Invalid(description: "--page-size must be between \(ReportPages.pageSizes.lowerBound) and "
                          + "\(ReportPages.pageSizes.upperBound), not \(pageSize)")
        }
        guard let day = CalendarDay(parsing: endDay) else {
            throw Invalid(description: "--end-day must be a date written YYYY-MM-DD, not '\(endDay)'")
        }
        let degradation: OperatorDegradation?
        do {
            degradation = try degrade.map { text throws(OperatorDegradation.Invalid) in try OperatorDegradation(parsing: text) }
        } catch {
            throw Invalid(description: error.description)
        }
        do {
            return try WorldParameters(deliveries: deliveries, days: days, endDay: day, seed: seed, quirks: !clean,
                                       degradation: degradation, steadyRates: steadyRates)
        } catch {
            throw Invalid(description: error.description)
        }
    }
}
