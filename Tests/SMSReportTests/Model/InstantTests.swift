@testable import SMSCore
@testable import SnapshotFormat
import Testing

/// Instants are integer microseconds (contract §3: latency exact to the microsecond).
@Suite struct InstantTests {
    @Test func unixSecondsAreWholeMicroseconds() {
        #expect(Instant(unixSeconds: 1_762_214_400).microseconds == 1_762_214_400_000_000)
    }

    @Test func durationBetweenTwoInstantsIsExactToTheMicrosecond() throws {
        let sent = try #require(TimestampParser.parse("2025-11-04T17:00:45.153834+05:45"))
        let delivered = try #require(TimestampParser.parse("2025-11-04T17:00:46.153833+05:45"))
        #expect(delivered.microseconds(since: sent) == 999_999)
        #expect(sent.microseconds(since: delivered) == -999_999)
    }

    @Test func instantsOrderByTime() throws {
        let kathmandu = try #require(TimestampParser.parse("2025-11-04T17:00:45.000001+05:45"))
        let utc = try #require(TimestampParser.parse("2025-11-04T11:15:45Z"))
        #expect(utc < kathmandu)
    }
}
