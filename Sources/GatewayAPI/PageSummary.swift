import SMSCore
import SnapshotFormat
/// What the fetch needs to know of a page body: its `count`, its `next` link, and
/// the `sent_at` of its rows (to stop paging once rows are older than `--since`).
package struct PageSummary: Sendable {
    /// The `count`s a fetch plans its pages from: a whole number from 0 to a billion
    /// rows, far past any real account and far from overflowing page arithmetic.
    package static let countRange = 0...1_000_000_000
    /// The page numbers read from `next` links; a larger one is not taken as a number.
    package static let pageNumberRange = 1...1_000_000_000

    /// `count`, when it is a whole number in ``countRange``.
    package var count: Int?
    /// `count` as sent, when it is there but not a whole number in ``countRange``.
    package var unusableCount: String?
    package var next: String?
    package var rowCount = 0
    /// The newest `sent_at` of the page's rows; nil when it has none.
    package var newestSentAt: Instant?

    /// Reads `body`; nil when it is not a page object.
    package init?(body: [UInt8]) {
        var summary: PageSummary?
        body.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes: bytes)
            summary = try? Self.read(&scanner)
        }
        guard let summary else { return nil }
        self = summary
    }

    private init() {}

    /// The summary of a body that is not a page.
    package static let empty = PageSummary()

    private static func read(_ scanner: inout JSONScanner) throws -> PageSummary {
        var summary = PageSummary()
        var cursor = try scanner.beginObject()
        while let key = try scanner.nextKey(&cursor) {
            if scanner.matches(key, "count") {
                if try !scanner.consumeNull() {
                    let literal = try scanner.readNumberLiteral()
                    if let count = Int(literal), countRange.contains(count) {
                        summary.count = count
                    } else {
                        summary.unusableCount = literal
                    }
                }
            } else if scanner.matches(key, "next") {
                if try !scanner.consumeNull() {
                    summary.next = try scanner.readString()
                }
            } else if scanner.matches(key, "results") {
                var rows = try scanner.beginArray()
                while try scanner.nextElement(&rows) {
                    summary.rowCount += 1
                    var row = try scanner.beginObject()
                    while let field = try scanner.nextKey(&row) {
                        if scanner.matches(field, "sent_at"), try scanner.peek() == UInt8(ascii: "\"") {
                            let value = try scanner.readStringValue()
                            if let instant = scanner.withBytes(of: value, { TimestampParser.parse($0) }),
                               summary.newestSentAt.map({ instant > $0 }) ?? true {
                                summary.newestSentAt = instant
                            }
                        } else {
                            try scanner.skipValue()
                        }
                    }
                }
            } else {
                try scanner.skipValue()
            }
        }
        return summary
    }

    /// The page number in a `?page=N` link; nil when it has none, or one outside
    /// ``pageNumberRange``.
    package static func pageNumber(inLink link: String) -> Int? {
        guard let query = link.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        for pair in query.split(separator: "&") where pair.hasPrefix("page=") {
            return Int(pair.dropFirst("page=".count)).flatMap { pageNumberRange.contains($0) ? $0 : nil }
        }
        return nil
    }
}
