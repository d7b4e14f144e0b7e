/// One operator's deliveries getting worse from a given day on (`--degrade`), so that
/// a delivery-rate alert has something to find.
///
/// From ``fromDay`` (a Kathmandu day of `sent_at`) on, the operator's deliveries are
/// delivered with about ``deliveredShare`` instead of their normal share; the others
/// become undeliverable or failed, with no `delivered_at`. The degradation only lowers
/// a share: a share at or above the normal one changes nothing.
package struct OperatorDegradation: Sendable, Hashable, CustomStringConvertible {
    /// Why a degradation was refused.
    package struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        /// One line naming the problem and the accepted values.
        package let description: String
    }

    /// The operators that can degrade: every real one and OTHER (not INVALID, which has no network).
    package static let degradableOperators: [MobileOperator] = [.ntc, .ncell, .smart, .utl, .other]

    /// One in this many is the unit of ``deliveredShareMillionths``.
    package static let shareDenominator: Int64 = 1_000_000

    /// The operator whose deliveries degrade.
    package let mobileOperator: MobileOperator
    /// The first degraded day.
    package let fromDay: CalendarDay
    /// The delivered share, in millionths (0 to 1,000,000), so that the world's draws
    /// stay integer and identical on every platform.
    package let deliveredShareMillionths: Int64

    /// A degradation of `mobileOperator` from `fromDay` on to `deliveredShare` (0...1).
    package init(mobileOperator: MobileOperator, fromDay: CalendarDay, deliveredShare: Double) throws(Invalid) {
        guard Self.degradableOperators.contains(mobileOperator) else {
            throw Invalid(description: "--degrade operator must be one of \(Self.operatorNames), not \(mobileOperator.rawValue)")
        }
        guard deliveredShare.isFinite, (0...1).contains(deliveredShare) else {
            throw Invalid(description: "--degrade share must be between 0 and 1, not \(deliveredShare)")
        }
        self.mobileOperator = mobileOperator
        self.fromDay = fromDay
        deliveredShareMillionths = Int64((deliveredShare * Double(Self.shareDenominator)).rounded())
    }

    /// Parses `OPERATOR:YYYY-MM-DD:SHARE`, such as `NCELL:2025-11-04:0.6`.
    package init(parsing text: String) throws(Invalid) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else {
            throw Invalid(description: "--degrade must be OPERATOR:YYYY-MM-DD:SHARE, such as NCELL:2025-11-04:0.6, not '\(text)'")
        }
        guard let mobileOperator = MobileOperator(rawValue: parts[0].uppercased()),
              Self.degradableOperators.contains(mobileOperator) else {
            throw Invalid(description: "--degrade operator must be one of \(Self.operatorNames), not '\(parts[0])'")
        }
        guard let day = CalendarDay(parsing: parts[1]) else {
            throw Invalid(description: "--degrade day must be a date written YYYY-MM-DD, not '\(parts[1])'")
        }
        guard let share = Double(parts[2]) else {
            throw Invalid(description: "--degrade share must be a number between 0 and 1, not '\(parts[2])'")
        }
        try self.init(mobileOperator: mobileOperator, fromDay: day, deliveredShare: share)
    }

    /// The delivered share as a fraction.
    package var deliveredShare: Double {
        Double(deliveredShareMillionths) / Double(Self.shareDenominator)
    }

    /// `OPERATOR:YYYY-MM-DD:SHARE`, as the option is written.
    package var description: String {
        "\(mobileOperator.rawValue):\(fromDay):\(deliveredShare)"
    }

    private static var operatorNames: String {
        degradableOperators.map(\.rawValue).joined(separator: ", ")
    }
}
