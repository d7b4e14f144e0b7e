import Foundation
import SMSWorld
import Testing

/// `--steady-rates`: normal days whose delivery rates vary like binomial noise, so that
/// §10's delivery-rate alert (a drop of at least 5 points with z ≤ −3 against the 14
/// days before) stays quiet over 30 normal days.
@Suite("Steady delivery rates")
struct SteadyRatesTests {
    /// Deliveries and delivered deliveries by group (`ALL` or an operator), then by day.
    private func tallies(_ world: World) -> [String: [CalendarDay: (deliveries: Int, delivered: Int)]] {
        var tallies: [String: [CalendarDay: (deliveries: Int, delivered: Int)]] = [:]
        for message in world.messages {
            let day = KathmanduTime.day(of: message.sentAt.microseconds)
            let delivered = message.outcome.status == .delivered ? 1 : 0
            for recipient in message.recipients {
                for group in ["ALL", recipient.mobileOperator.rawValue] {
                    let tally = tallies[group, default: [:]][day, default: (0, 0)]
                    tallies[group, default: [:]][day] = (tally.deliveries + 1, tally.delivered + delivered)
                }
            }
        }
        return tallies
    }

    @Test("30 steady days raise no delivery-rate alert and vary like binomial noise", arguments: [1, 2, 3] as [UInt64])
    func noAlertOverThirtyDays(seed: UInt64) throws {
        let world = World(parameters: try WorldParameters(deliveries: 60_000, days: 30, seed: seed, quirks: true,
                                                          steadyRates: true))
        for (group, byDay) in tallies(world) {
            let days = byDay.keys.sorted()
            let total = byDay.values.reduce(0) { $0 + $1.deliveries }
            let pooled = Double(byDay.values.reduce(0) { $0 + $1.delivered }) / Double(total)
            // Pearson's dispersion: about 1 for binomial days.
            let chiSquare = byDay.values.reduce(0.0) { sum, tally in
                sum + pow(Double(tally.delivered) - pooled * Double(tally.deliveries), 2)
                    / (pooled * (1 - pooled) * Double(tally.deliveries))
            }
            if total >= 30 * 200 {
                #expect(chiSquare / Double(days.count - 1) < 2.5, "\(group) days swing more than binomial noise")
            }
            for position in days.indices.dropFirst(14) {
                let period = try #require(byDay[days[position]])
                guard period.deliveries >= 200 else { continue }
                let baseline = days[(position - 14)..<position].compactMap { byDay[$0] }
                let baselineDeliveries = baseline.reduce(0) { $0 + $1.deliveries }
                let baselineDelivered = baseline.reduce(0) { $0 + $1.delivered }
                let rate = Double(period.delivered) / Double(period.deliveries)
                let baselineRate = Double(baselineDelivered) / Double(baselineDeliveries)
                let both = Double(period.delivered + baselineDelivered) / Double(period.deliveries + baselineDeliveries)
                let z = (rate - baselineRate)
                    / (both * (1 - both) * (1 / Double(period.deliveries) + 1 / Double(baselineDeliveries))).squareRoot()
                #expect(!(baselineRate - rate >= 0.05 && z <= -3), "\(group) on \(days[position]): an alert on a normal day")
            }
        }
    }
}
