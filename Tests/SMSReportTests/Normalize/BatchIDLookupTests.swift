@testable import SMSCore
@testable import SMSIngest
import Testing

/// The rows of `batch-ids.json` as the merger meets them: every row of an instant, in
/// file order (contract §3: each takes part in status precedence in turn).
@Suite struct BatchIDLookupTests {
    private static func row(_ microseconds: Int64, _ batchID: String, _ status: DeliveryStatus = .sent) -> BatchIDRecord {
        BatchIDRecord(sentAt: Instant(microseconds: microseconds), statusRaw: status.rawValue, batchID: batchID,
                      deliveredAt: nil, status: status)
    }

    /// The batch ids of the rows at `instant`, searched from a fresh hint.
    private static func batchIDs(at instant: Int64, in lookup: BatchIDLookup) -> [String] {
        var hint = BatchIDLookup.SearchHint()
        return batchIDs(at: instant, in: lookup, hint: &hint)
    }

    private static func batchIDs(at instant: Int64, in lookup: BatchIDLookup, hint: inout BatchIDLookup.SearchHint) -> [String] {
        var found: [String] = []
        lookup.forEachRow(sentAt: instant, hint: &hint) { found.append($0.batchID) }
        return found
    }

    /// Rows out of instant order are sorted, and one instant's rows keep file order.
    @Test func everyRowOfAnInstantComesInFileOrder() {
        let lookup = BatchIDLookup(rows: [
            Self.row(30, "c"), Self.row(10, "a1"), Self.row(20, "b"), Self.row(10, "a2"), Self.row(10, "a3"),
        ])
        #expect(Self.batchIDs(at: 10, in: lookup) == ["a1", "a2", "a3"])
        #expect(Self.batchIDs(at: 20, in: lookup) == ["b"])
        #expect(Self.batchIDs(at: 30, in: lookup) == ["c"])
        #expect(Self.batchIDs(at: 11, in: lookup).isEmpty)
    }

    /// A million instants a microsecond apart, listed in order as the API lists them
    /// (so searched without a sort), each found with its own row.
    @Test func aMillionNeighbouringInstantsAreEachFound() {
        let count: Int64 = 1_000_000
        let lookup = BatchIDLookup(rows: (0..<count).map { Self.row(1_762_000_000_000_000 + $0, "b\($0 % 7)") })
        var mismatches = 0
        for offset in stride(from: Int64(0), to: count, by: 997) {
            if Self.batchIDs(at: 1_762_000_000_000_000 + offset, in: lookup) != ["b\(offset % 7)"] {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
        #expect(Self.batchIDs(at: 1_762_000_000_000_000 + count, in: lookup).isEmpty)
    }

    /// A search starts where the last one ended; wherever that is (before, after or among
    /// the rows, in order or not), it finds exactly the rows a plain filter of the file finds.
    @Test(arguments: [false, true])
    func aSearchFromTheLastOneFindsWhatAFilterFinds(rowsInOrder: Bool) {
        var generator = SeededGenerator(state: 16)
        var rows = (0..<1_000).map { index in Self.row(Int64.random(in: 0..<600, using: &generator) * 10, "r\(index)") }
        if rowsInOrder {
            rows.sort { $0.sentAt < $1.sentAt }
        }
        let lookup = BatchIDLookup(rows: rows)
        var hint = BatchIDLookup.SearchHint()
        var searched = 0
        var mismatches: [Int64] = []
        // Rising (as deliveries come), then at random, with instants between and beyond the rows'.
        let instants = Array(stride(from: Int64(-20), through: 6_020, by: 7)) + (0..<2_000).map { _ in
            Int64.random(in: -5...605, using: &generator) * 10 + (Bool.random(using: &generator) ? 0 : 3)
        }
        for instant in instants {
            let expected = rows.filter { $0.sentAt.microseconds == instant }.map(\.batchID)
            if Self.batchIDs(at: instant, in: lookup, hint: &hint) != expected {
                mismatches.append(instant)
            }
            searched += expected.isEmpty ? 0 : 1
        }
        #expect(mismatches.isEmpty)
        #expect(searched > 500)
    }

    @Test func theDistinctNamedBatchesAreCollected() {
        let lookup = BatchIDLookup(rows: [Self.row(1, "x"), Self.row(2, "x"), Self.row(3, ""), Self.row(4, "y"), Self.row(5, "x")])
        #expect(lookup.batchIDs == ["x", "y"])
        #expect(!lookup.isEmpty)
        #expect(BatchIDLookup(rows: []).isEmpty)
        #expect(Self.batchIDs(at: 1, in: BatchIDLookup(rows: [])).isEmpty)
    }
}
