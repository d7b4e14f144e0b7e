import SMSCore

/// The data-quality checks of contract §4, by name.
package enum DataQualityCheck: String, CaseIterable, Sendable {
    case invalidPhone = "invalid_phone"
    case unknownStatus = "unknown_status"
    case negativeLatency = "negative_latency"
    case duplicateRows = "duplicate_rows"
    case statusConflict = "status_conflict"
    case missingBatchReport = "missing_batch_report"
    case countMismatch = "count_mismatch"
    case failedRequests = "failed_requests"
    case truncatedText = "truncated_text"
    case metricsMismatch = "metrics_mismatch"
}

/// A check's count and the first example found, in deliveries order.
package struct DataQualityTally {
    package private(set) var counts: [DataQualityCheck: Int] = [:]
    package private(set) var examples: [DataQualityCheck: String] = [:]

    /// Counts one occurrence; `example` is evaluated only for the first one.
    package mutating func record(_ check: DataQualityCheck, example: @autoclosure () -> String) {
        if counts[check, default: 0] == 0 {
            examples[check] = example()
        }
        counts[check, default: 0] += 1
    }

    /// Sets a check counted elsewhere (the fetch checks).
    package mutating func set(_ check: DataQualityCheck, count: Int, example: String) {
        counts[check] = count
        examples[check] = count > 0 ? example : ""
    }

    /// `check, count, example` rows, every check listed, ordered by check name.
    package var rows: [[Cell]] {
        DataQualityCheck.allCases.sorted { $0.rawValue < $1.rawValue }.map { check in
            [.text(check.rawValue), .integer(counts[check] ?? 0), .text(examples[check] ?? "")]
        }
    }
}
