@testable import SMSCore
@testable import SnapshotFormat
import Testing

/// Contract §3 "Day": the calendar day of `sent_at` in the report timezone
/// (default Asia/Kathmandu, UTC+05:45, so local midnight is 18:15Z the day before).
@Suite struct LocalClockDayTests {
    static func day(_ timestamp: String, in zone: String = "Asia/Kathmandu") throws -> String {
        let timeZone = try #require(ReportTimeZone(identifier: zone))
        var clock = LocalClock(timeZone: timeZone)
        return clock.day(of: try #require(TimestampParser.parse(timestamp))).description
    }

    @Test func lastMicrosecondBeforeKathmanduMidnightIsThePreviousDay() throws {
        #expect(try Self.day("2025-11-03T18:14:59.999999Z") == "2025-11-03")
    }

    @Test func kathmanduMidnightStartsTheNextDay() throws {
        #expect(try Self.day("2025-11-03T18:15:00Z") == "2025-11-04")
    }

    @Test func sameInstantIsAnotherDayInUTC() throws {
        #expect(try Self.day("2025-11-03T18:15:00Z", in: "UTC") == "2025-11-03")
    }

    @Test func dayOfAnOffsetTimestampIsItsLocalDate() throws {
        #expect(try Self.day("2025-11-04T00:00:00+05:45") == "2025-11-04")
        #expect(try Self.day("2025-11-04T23:59:59.999999+05:45") == "2025-11-04")
    }

    @Test func newYorkDaysFollowDaylightSavingTime() throws {
        // Until 2 November 2025 06:00Z New York is UTC−4, after it UTC−5.
        #expect(try Self.day("2025-11-02T03:59:59Z", in: "America/New_York") == "2025-11-01")
        #expect(try Self.day("2025-11-02T04:00:00Z", in: "America/New_York") == "2025-11-02")
        #expect(try Self.day("2025-11-03T04:59:59Z", in: "America/New_York") == "2025-11-02")
        #expect(try Self.day("2025-11-03T05:00:00Z", in: "America/New_York") == "2025-11-03")
    }

    @Test func kathmanduDayStartsAt1815UTC() throws {
        let start = ReportTimeZone.kathmandu.startOfDay(LocalDay(year: 2025, month: 11, day: 4))
        #expect(start == TimestampParser.parse("2025-11-03T18:15:00Z"))
    }

    @Test func unknownTimeZoneIsRejected() {
        #expect(ReportTimeZone(identifier: "Asia/Atlantis") == nil)
    }
}

/// Contract §3 "Output timestamps": 6 fractional digits and the report timezone's offset.
@Suite struct LocalClockISO8601Tests {
    static func iso(_ timestamp: String, in zone: String = "Asia/Kathmandu") throws -> String {
        let timeZone = try #require(ReportTimeZone(identifier: zone))
        var clock = LocalClock(timeZone: timeZone)
        return clock.iso8601(try #require(TimestampParser.parse(timestamp)))
    }

    @Test func kathmanduTimestampKeepsItsMicroseconds() throws {
        #expect(try Self.iso("2025-11-04T11:15:45.153834Z") == "2025-11-04T17:00:45.153834+05:45")
    }

    @Test func wholeSecondsGetSixZeroDigits() throws {
        #expect(try Self.iso("2025-11-03T18:15:00Z") == "2025-11-04T00:00:00.000000+05:45")
    }

    @Test func utcHasAZeroOffset() throws {
        #expect(try Self.iso("2025-11-04T17:00:45.153834+05:45", in: "UTC") == "2025-11-04T11:15:45.153834+00:00")
    }

    @Test func newYorkOffsetChangesInAutumn() throws {
        #expect(try Self.iso("2025-11-02T05:59:59.999999Z", in: "America/New_York") == "2025-11-02T01:59:59.999999-04:00")
        #expect(try Self.iso("2025-11-02T06:00:00Z", in: "America/New_York") == "2025-11-02T01:00:00.000000-05:00")
    }

    @Test func newYorkOffsetChangesInSpring() throws {
        // 9 March 2025 at 07:00Z: 02:00 EST becomes 03:00 EDT.
        #expect(try Self.iso("2025-03-09T06:59:59.5Z", in: "America/New_York") == "2025-03-09T01:59:59.500000-05:00")
        #expect(try Self.iso("2025-03-09T07:00:00Z", in: "America/New_York") == "2025-03-09T03:00:00.000000-04:00")
    }

    @Test func oneClockGivesTheSameAnswersInAnyOrder() throws {
        // The clock caches offsets; going back and forth across the change must not mix them up.
        let zone = try #require(ReportTimeZone(identifier: "America/New_York"))
        var clock = LocalClock(timeZone: zone)
        let before = try #require(TimestampParser.parse("2025-11-02T05:30:00Z"))
        let after = try #require(TimestampParser.parse("2025-11-02T06:30:00Z"))
        for _ in 0..<3 {
            #expect(clock.iso8601(before) == "2025-11-02T01:30:00.000000-04:00")
            #expect(clock.iso8601(after) == "2025-11-02T01:30:00.000000-05:00")
            #expect(clock.offsetSeconds(at: before) == -4 * 3600)
            #expect(clock.offsetSeconds(at: after) == -5 * 3600)
        }
    }

    @Test func newYorkDayStartsAtTheLocalMidnightOfItsOwnOffset() throws {
        let zone = try #require(ReportTimeZone(identifier: "America/New_York"))
        // Summer time (UTC−4) until 2 November; standard time (UTC−5) after.
        #expect(zone.startOfDay(LocalDay(year: 2025, month: 11, day: 2)) == TimestampParser.parse("2025-11-02T04:00:00Z"))
        #expect(zone.startOfDay(LocalDay(year: 2025, month: 11, day: 3)) == TimestampParser.parse("2025-11-03T05:00:00Z"))
        #expect(zone.startOfDay(LocalDay(year: 2025, month: 3, day: 10)) == TimestampParser.parse("2025-03-10T04:00:00Z"))
    }
}
