/// The body of `GET /api/metrics/snapshot/`: counts of deliveries keyed
/// `sms:metrics:<metric>[:op:<OPERATOR>][:d:<YYYYMMDD>]`, for the metrics `enqueue`
/// (every delivery) and `delivered` (the deliveries whose outcome is delivered), by the
/// Kathmandu day of `sent_at`. Keys are sorted.
///
/// The counters agree with what a report of the world computes (contract §3), so that
/// reconciling them with a report finds no gap unless the API loses rows:
/// - one count per recipient of a message, and each is one distinct delivery, since
///   every message has its own `sent_at` and its recipients distinct numbers; a row
///   served twice (the page-shift quirk) is still one message, counted once;
/// - the operator is the one a report takes from the phone: its prefix's operator,
///   `OTHER` for an unknown prefix, and `INVALID` for a phone that is not valid. The
///   simulated gateway enqueued those too, and counts them under the name a report
///   gives them (`sms:metrics:enqueue:op:INVALID:d:…`), so every operator and day of
///   the snapshot can be reconciled and `sms:metrics:enqueue` is every delivery.
package enum MetricsBody {
    /// The API path.
    package static let path = "/api/metrics/snapshot/"

    /// Every key and its count, sorted by key.
    package static func counts(_ world: World) -> [(key: String, count: Int)] {
        var tallies: [MetricCell: Int] = [:]
        for message in world.messages {
            let day = KathmanduTime.dayNumber(of: message.sentAt.microseconds)
            let isDelivered = message.outcome.status == .delivered
            for recipient in message.recipients {
                tallies[MetricCell(metric: "enqueue", mobileOperator: recipient.mobileOperator, day: day), default: 0] += 1
                if isDelivered {
                    tallies[MetricCell(metric: "delivered", mobileOperator: recipient.mobileOperator, day: day), default: 0] += 1
                }
            }
        }
        var counts: [String: Int] = [:]
        for (cell, tally) in tallies {
            let dayText = CalendarDay(daysSinceEpoch: cell.day).compactDescription
            let base = "sms:metrics:\(cell.metric)"
            let operatorPart = ":op:\(cell.mobileOperator.rawValue)"
            for key in [base, base + operatorPart, base + ":d:" + dayText, base + operatorPart + ":d:" + dayText] {
                counts[key, default: 0] += tally
            }
        }
        return counts.map { (key: $0.key, count: $0.value) }.sorted { $0.key < $1.key }
    }

    /// The body for `world`.
    package static func render(_ world: World) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, entry) in counts(world).enumerated() {
            if index > 0 {
                bytes.append(UInt8(ascii: ","))
            }
            bytes.appendJSONString(entry.key)
            bytes.append(UInt8(ascii: ":"))
            bytes.appendDecimal(entry.count)
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    private struct MetricCell: Hashable {
        let metric: String
        let mobileOperator: MobileOperator
        let day: Int
    }
}
