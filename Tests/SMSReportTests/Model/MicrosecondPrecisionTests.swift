import Foundation
@testable import SnapshotFormat
import Testing

/// Why timestamps are parsed to integers: Foundation's ISO 8601 parsing, the usual
/// road to a `Date`, keeps milliseconds only, and the contract keys deliveries on
/// the microsecond.
@Suite struct MicrosecondPrecisionTests {
    @Test func integerInstantsKeepEveryMicrosecondThatFoundationDrops() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var droppedByFoundation = 0
        for micro in stride(from: 0, to: 1_000, by: 7) {
            let text = String(format: "2025-11-04T17:00:45.153%03d+05:45", micro)
            let instant = try #require(TimestampParser.parse(text))
            #expect(instant.microseconds % 1_000_000 == Int64(153_000 + micro))
            let date = try #require(formatter.date(from: text))
            if Int64((date.timeIntervalSince1970 * 1_000_000).rounded()) != instant.microseconds {
                droppedByFoundation += 1
            }
        }
        #expect(droppedByFoundation > 0, "Foundation was expected to lose sub-millisecond digits")
    }
}
