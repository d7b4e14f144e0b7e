import SMSCore
import SMSStore

/// The buckets that have stored days, with their labels and how many of their days
/// are stored and complete.
struct HistoryBuckets {
    let bucket: HistoryBucket
    private var labels: [Int: String] = [:]
    private var stored: [Int: Int] = [:]
    private var complete: [Int: Int] = [:]

    init(bucket: HistoryBucket) {
        self.bucket = bucket
    }

    /// Counts a stored day in its bucket.
    mutating func count(_ day: StoredDay) {
        let order = bucket.order(of: day.day)
        if labels[order] == nil { labels[order] = bucket.label(of: day.day) }
        stored[order, default: 0] += 1
        if day.isComplete { complete[order, default: 0] += 1 }
    }

    /// The order of the bucket that holds `day`.
    func order(of day: LocalDay) -> Int {
        bucket.order(of: day)
    }

    /// The buckets with stored days, in order.
    var orders: [Int] { labels.keys.sorted() }

    func label(_ order: Int) -> String { labels[order] ?? "" }
    func storedDays(_ order: Int) -> Int { stored[order] ?? 0 }
    func completeDays(_ order: Int) -> Int { complete[order] ?? 0 }
}
