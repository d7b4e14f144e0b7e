import Foundation
@testable import SMSConfig
@testable import SMSCore
import Testing

/// Contract §1 / §8: `run`'s period options, in the config's timezone as of an injected "now".
@Suite struct RunPeriodTests {
    /// The instant of an ISO 8601 timestamp, read by Foundation (independent of the tool's own clock code).
    static func instant(_ text: String) throws -> Instant {
        let date = try #require(ISO8601DateFormatter().date(from: text))
        return Instant(unixSeconds: Int64(date.timeIntervalSince1970))
    }

    static func period(_ period: String? = nil, from: String? = nil, to: String? = nil,
                       now: String = "2025-11-20T12:00:00+05:45", zone: ReportTimeZone = .kathmandu) throws -> RunPeriod {
        try PeriodArguments.period(period: period, from: from, to: to, timeZone: zone, now: try instant(now))
    }

    static func day(_ text: String) throws -> LocalDay {
        try #require(LocalDay(iso: text))
    }

    @Test func yesterdayTurnsAtKathmanduMidnightNotUTC() throws {
        // 23:59:59 in Kathmandu is 18:14:59 UTC; one second later it is the next day there.
        let before = try Self.period(now: "2025-11-04T18:14:59Z")
        let after = try Self.period(now: "2025-11-04T18:15:00Z")
        #expect(before == RunPeriod(day: try Self.day("2025-11-03")))
        #expect(after == RunPeriod(day: try Self.day("2025-11-04")))
        #expect(try Self.period("yesterday", now: "2025-11-04T18:15:00Z") == after)
        #expect(after.folderName == "2025-11-04")
        #expect(after.isSingleDay && !after.isWholeMonth)
        #expect(after.fetchSince == (try Self.day("2025-11-04")))
        // The same instant in UTC is still the 4th, so yesterday there is the 3rd.
        let utc = try #require(ReportTimeZone(identifier: "UTC"))
        #expect(try Self.period(now: "2025-11-04T18:15:00Z", zone: utc).first == (try Self.day("2025-11-03")))
    }

    @Test func todayAndYesterdayAcrossAYearBoundary() throws {
        let today = try Self.period("Today", now: "2026-01-01T00:00:00+05:45")
        #expect(today.folderName == "2026-01-01")
        #expect(try Self.period(now: "2026-01-01T00:00:00+05:45").folderName == "2025-12-31")
    }

    @Test func aDayIsItsOwnPeriod() throws {
        let period = try Self.period("2025-11-04")
        #expect(period.first == (try Self.day("2025-11-04")))
        #expect(period.last == period.first)
        #expect(period.dayCount == 1)
        #expect(period.folderName == "2025-11-04")
    }

    @Test(arguments: [("2025-11", "2025-11-01", "2025-11-30", 30), ("2025-02", "2025-02-01", "2025-02-28", 28),
                      ("2024-02", "2024-02-01", "2024-02-29", 29), ("2000-02", "2000-02-01", "2000-02-29", 29),
                      ("1900-02", "1900-02-01", "1900-02-28", 28), ("2024-12", "2024-12-01", "2024-12-31", 31)])
    func aMonthRunsFromItsFirstToItsLastDay(month: String, first: String, last: String, days: Int) throws {
        let period = try Self.period(month)
        #expect(period.first == (try Self.day(first)))
        #expect(period.last == (try Self.day(last)))
        #expect(period.dayCount == days)
        #expect(period.isWholeMonth)
        #expect(period.month?.description == month)
        #expect(period.folderName == month)
        #expect(period.fetchSince == period.first)
        #expect(period.fetchUntil == period.last)
    }

    @Test(arguments: [("2025-11-01", "2025-11-15", "2025-11-01_2025-11-15", false),
                      ("2025-11-01", "2025-11-30", "2025-11", true),
                      ("2024-02-01", "2024-02-29", "2024-02", true),
                      ("2024-02-01", "2024-02-28", "2024-02-01_2024-02-28", false),
                      ("2025-10-01", "2025-11-30", "2025-10-01_2025-11-30", false),
                      ("2025-10-15", "2025-11-14", "2025-10-15_2025-11-14", false),
                      ("2025-11-04", "2025-11-04", "2025-11-04", false)])
    func rangesAreNamedByTheirShape(from: String, to: String, folder: String, wholeMonth: Bool) throws {
        let period = try Self.period(from: from, to: to)
        #expect(period.folderName == folder)
        #expect(period.isWholeMonth == wholeMonth)
        #expect(period.first == (try Self.day(from)))
        #expect(period.last == (try Self.day(to)))
        #expect(RunPeriod(folderName: folder) == period)
    }

    @Test func folderNamesThatAreNotPeriodsAreRefused() {
        for name in ["snapshots", "2025-11-15_2025-11-01", "2025-11-01_2025-11-30", "2025-11-01_", "2025-13"] {
            #expect(RunPeriod(folderName: name) == nil, "\(name)")
        }
    }

    @Test(arguments: [
        ("2025-13", nil, nil, "--period"), ("2025-02-29", nil, nil, "--period"), ("yesterdays", nil, nil, "--period"),
        ("2025-11-4", nil, nil, "--period"), ("", nil, nil, "--period"),
        ("2025-11", "2025-11-01", "2025-11-02", "--period"), (nil, "2025-11-01", nil, "--from"),
        (nil, nil, "2025-11-01", "--to"), (nil, "2025-11-02", "2025-11-01", "--from"),
        (nil, "2025-11-01", "2025-11-31", "--to"), ("2025-11-21", nil, nil, "--period"), ("2025-12", nil, nil, "--period"),
        (nil, "2025-11-21", "2025-11-22", "--from"),
    ] as [(String?, String?, String?, String)])
    func badPeriodsAreUsageErrors(period: String?, from: String?, to: String?, option: String) throws {
        let error = #expect(throws: ReportError.self) {
            try Self.period(period, from: from, to: to)
        }
        #expect(error?.exitStatus == .usageError)
        guard case let .invalidOption(named, _) = error else {
            Issue.record("expected an option error, got \(String(describing: error))")
            return
        }
        #expect(named == option)
    }

    @Test func thePeriodThatIncludesTodayIsAllowed() throws {
        // now is 2025-11-20 in Kathmandu: the current month and a range up to today are fine.
        #expect(try Self.period("2025-11").last == (try Self.day("2025-11-30")))
        #expect(try Self.period(from: "2025-11-20", to: "2025-11-25").first == (try Self.day("2025-11-20")))
    }

    @Test func monthsParseStrictly() {
        #expect(LocalMonth(iso: "2025-11")?.description == "2025-11")
        #expect(LocalMonth(iso: "2025-00") == nil)
        #expect(LocalMonth(iso: "2025-1") == nil)
        #expect(LocalMonth(iso: "25-11") == nil)
        #expect(LocalMonth(iso: "2025-11-01") == nil)
        #expect(throws: ReportError.invalidOption(option: "--month", reason: "\"2025/11\" is not a month in YYYY-MM form")) {
            try PeriodArguments.month("2025/11", option: "--month")
        }
    }
}
