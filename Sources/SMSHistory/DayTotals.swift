import SMSAggregate

/// One stored day's own counts while its deliveries are read: deliveries, messages,
/// and the checks about deliveries (contract §3, "Filters").
struct DayTotals {
    /// The checks counted per delivery, in the order of ``counts``.
    static let deliveryChecks: [DataQualityCheck] = [.invalidPhone, .unknownStatus, .negativeLatency,
                                                     .statusConflict, .truncatedText]

    var deliveries = 0
    var messages = 0
    /// Counts of ``deliveryChecks``, by position.
    var counts = [Int](repeating: 0, count: DayTotals.deliveryChecks.count)

    /// Counts one occurrence of a delivery check.
    mutating func record(_ check: DataQualityCheck) {
        if let position = Self.deliveryChecks.firstIndex(of: check) {
            counts[position] += 1
        }
    }

    /// The delivery checks' counts, by check name; every check listed.
    var qualityCounts: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(Self.deliveryChecks.map(\.rawValue), counts))
    }
}
