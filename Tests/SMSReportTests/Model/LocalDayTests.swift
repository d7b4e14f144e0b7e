@testable import SMSCore
import Testing

/// Contract §1: DAY is `YYYY-MM-DD`.
@Suite struct LocalDayTests {
    @Test(arguments: ["2025-11-04", "1970-01-01", "2024-02-29", "2000-02-29", "1999-12-31", "2025-12-31"])
    func isoTextRoundTrips(text: String) throws {
        let day = try #require(LocalDay(iso: text))
        #expect(day.description == text)
    }

    @Test func daysAreCountedFrom1970() {
        #expect(LocalDay(iso: "1970-01-01")?.daysSinceEpoch == 0)
        #expect(LocalDay(iso: "2025-11-04")?.daysSinceEpoch == 20_396)
        #expect(LocalDay(iso: "1969-12-31")?.daysSinceEpoch == -1)
    }

    @Test func componentsInitialiserMatchesTheText() {
        #expect(LocalDay(year: 2025, month: 11, day: 4) == LocalDay(iso: "2025-11-04"))
        #expect(LocalDay(year: 2025, month: 11, day: 4).description == "2025-11-04")
    }

    @Test func daysOrderByDate() throws {
        let earlier = try #require(LocalDay(iso: "2025-10-31"))
        let later = try #require(LocalDay(iso: "2025-11-01"))
        #expect(earlier < later)
        #expect(later.daysSinceEpoch - earlier.daysSinceEpoch == 1)
    }

    @Test(arguments: [
        "2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-11-00", "2025-11-31", "2025-04-31",
        "2025-1-04", "2025/11/04", "20251104", "2025-11-04 ", " 2025-11-04", "2025-11", "2025-11-04T00:00:00Z",
        "abcd-ef-gh", "",
    ])
    func invalidDayIsNil(text: String) {
        #expect(LocalDay(iso: text) == nil)
    }

    /// Issue 11.4: the supported instants (years 0001–9999 UTC) give local days of
    /// years 0 to 10000 in the zones farthest from UTC (UTC+14, UTC−12), and even a day before year 0
    /// prints (with a sign) instead of trapping.
    @Test func theEdgesOfTheSupportedRangePrintInEveryZone() throws {
        var east = LocalClock(timeZone: try #require(ReportTimeZone(identifier: "Etc/GMT-14")))
        var west = LocalClock(timeZone: try #require(ReportTimeZone(identifier: "Etc/GMT+12")))
        #expect(east.day(of: Instant.supportedRange.upperBound).description == "10000-01-01")
        #expect(west.day(of: Instant.supportedRange.lowerBound).description == "0000-12-31")
        #expect(east.iso8601(Instant.supportedRange.upperBound) == "10000-01-01T13:59:59.999999+14:00")
        #expect(west.iso8601(Instant.supportedRange.lowerBound) == "0000-12-31T12:00:00.000000-12:00")
        let yearZero = try #require(LocalDay(iso: "0000-01-01"))
        #expect(LocalDay(daysSinceEpoch: yearZero.daysSinceEpoch - 1).description == "-0001-12-31")
    }
}

