/// What a world is made from. The same parameters always make the same world.
package struct WorldParameters: Sendable, Hashable {
    /// Why parameters were refused.
    package struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        /// One line naming the parameter and the allowed values.
        package let description: String
    }

    /// The number of deliveries (message–recipient pairs) to make, exactly.
    package let deliveries: Int
    /// How many local days the world covers.
    package let days: Int
    /// The last local day (Asia/Kathmandu) the world covers.
    package let endDay: CalendarDay
    /// The seed of every random choice.
    package let seed: UInt64
    /// True to plant the odd cases of ``Quirk``; false for a clean world.
    package let quirks: Bool
    /// One operator's delivered share lowered from a day on, or nil for none.
    package let degradation: OperatorDegradation?
    /// True to draw every message's status from one profile, so that each operator's
    /// daily delivery rate is binomial noise around a stable rate; false for batches
    /// that fare well or badly as a whole, which makes days swing.
    package let steadyRates: Bool

    /// The default last day, 2025-11-04.
    package static let defaultEndDay = CalendarDay(daysSinceEpoch: 20_396)

    /// Checked parameters: `deliveries` in 0...50,000,000 and `days` in 1...3660. A
    /// degradation may start before the first day (then every day degrades), not after
    /// the last.
    package init(deliveries: Int = 300, days: Int = 7, endDay: CalendarDay = WorldParameters.defaultEndDay,
                seed: UInt64 = 1, quirks: Bool = true, degradation: OperatorDegradation? = nil,
                steadyRates: Bool = false) throws(Invalid) {
        guard (0...50_000_000).contains(deliveries) else {
            throw Invalid(description: "deliveries must be between 0 and 50000000, not \(deliveries)")
        }
        guard (1...3660).contains(days) else {
            throw Invalid(description: "days must be between 1 and 3660, not \(days)")
        }
        if let degradation, degradation.fromDay > endDay {
            throw Invalid(description: "--degrade day \(degradation.fromDay) is after the last day \(endDay): nothing would degrade")
        }
        self.deliveries = deliveries
        self.days = days
        self.endDay = endDay
        self.seed = seed
        self.quirks = quirks
        self.degradation = degradation
        self.steadyRates = steadyRates
    }

    /// The first local day the world covers.
    package var firstDay: CalendarDay {
        endDay.adding(days: -(days - 1))
    }

    /// The instant the first day starts (microseconds since the epoch).
    package var windowStart: Int64 {
        KathmanduTime.startOfDay(firstDay)
    }

    /// The instant just after the last day ends (microseconds since the epoch).
    package var windowEnd: Int64 {
        KathmanduTime.startOfDay(endDay.adding(days: 1))
    }

    /// When the simulated fetch started: 01:00 local on the day after ``endDay``.
    /// Nothing in the world is delivered later than this.
    package var fetchStarted: APITimestamp {
        APITimestamp(microseconds: windowEnd + 3_600_000_000)
    }

    /// When the simulated fetch finished: 2 min 13.512 s after ``fetchStarted``.
    package var fetchFinished: APITimestamp {
        APITimestamp(microseconds: fetchStarted.microseconds + 133_512_000)
    }
}
