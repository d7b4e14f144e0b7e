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

    private static func batchIDs(at instant: Int64, in lookup: BatchIDLookup) -> [String] {
        var found: [String] = []
        lookup.forEachRow(sentAt: instant) { found.append($0.batchID) }
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

    @Test func theDistinctNamedBatchesAreCollected() {
        let lookup = BatchIDLookup(rows: [Self.row(1, "x"), Self.row(2, "x"), Self.row(3, ""), Self.row(4, "y"), Self.row(5, "x")])
        #expect(lookup.batchIDs == ["x", "y"])
        #expect(!lookup.isEmpty)
        #expect(BatchIDLookup(rows: []).isEmpty)
        #expect(Self.batchIDs(at: 1, in: BatchIDLookup(rows: [])).isEmpty)
    }
}
