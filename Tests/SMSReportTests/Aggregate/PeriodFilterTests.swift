@testable import SMSAggregate
import Testing

/// Contract §1/§3: `--from` and `--to` are inclusive local days in the report timezone.
@Suite struct PeriodFilterTests {
    /// Four deliveries around Kathmandu midnights: local days 11-03, 11-04, 11-04, 11-05.
    static let files = [
        UnitSnapshot.page(1): UnitJSON.page(count: 4, rows: [
            UnitJSON.row(sentAt: "2025-11-03T18:14:59.999999Z", phone: "9841000001"),
            UnitJSON.row(sentAt: "2025-11-03T18:15:00Z", phone: "9841000002"),
            UnitJSON.row(sentAt: "2025-11-04T23:59:59.999999+05:45", phone: "9841000003"),
            UnitJSON.row(sentAt: "2025-11-05T00:00:00+05:45", phone: "9841000004"),
        ]),
    ]

    static func phones(_ tables: ReportTables) -> [String] {
        UnitReport.texts(tables.deliveries, "phone")
    }

    @Test func withoutFiltersThePeriodIsTheFirstAndLastDayWithData() async throws {
        let tables = try await UnitReport.tables(Self.files)
        #expect(tables.deliveries.rowCount == 4)
        #expect(UnitReport.summary(tables, "period_from") == .day(UnitReport.day("2025-11-03")))
        #expect(UnitReport.summary(tables, "period_to") == .day(UnitReport.day("2025-11-05")))
        #expect(UnitReport.column(tables.byDay, "day")
            == ["2025-11-03", "2025-11-04", "2025-11-05"].map { .day(UnitReport.day($0)) })
        #expect(UnitReport.integers(tables.byDay, "deliveries") == [1, 2, 1])
    }

    @Test func oneDayTakesEverythingFromLocalMidnightToMidnight() async throws {
        let tables = try await UnitReport.tables(Self.files, options: UnitReport.options(from: "2025-11-04", to: "2025-11-04"))
        #expect(Self.phones(tables) == ["9841000002", "9841000003"])
        #expect(UnitReport.summary(tables, "period_from") == .day(UnitReport.day("2025-11-04")))
        #expect(UnitReport.summary(tables, "period_to") == .day(UnitReport.day("2025-11-04")))
        #expect(UnitReport.summary(tables, "deliveries") == .integer(2))
        #expect(tables.byDay.rowCount == 1)
    }

    @Test func fromAloneIsInclusive() async throws {
        let tables = try await UnitReport.tables(Self.files, options: UnitReport.options(from: "2025-11-04"))
        #expect(Self.phones(tables) == ["9841000002", "9841000003", "9841000004"])
    }

    @Test func toAloneIsInclusive() async throws {
        let tables = try await UnitReport.tables(Self.files, options: UnitReport.options(to: "2025-11-04"))
        #expect(Self.phones(tables) == ["9841000001", "9841000002", "9841000003"])
    }

    @Test func daysFollowTheReportTimezone() async throws {
        // In UTC the first two deliveries are both on 3 November.
        let tables = try await UnitReport.tables(
            Self.files, options: UnitReport.options(timeZone: "UTC", from: "2025-11-03", to: "2025-11-03"))
        #expect(Self.phones(tables) == ["9841000001", "9841000002"])
        #expect(UnitReport.summary(tables, "timezone") == .text("UTC"))
    }

    @Test func periodWithoutDataListsNoGroupsButEveryBucket() async throws {
        let tables = try await UnitReport.tables(Self.files, options: UnitReport.options(from: "2025-11-10", to: "2025-11-11"))
        #expect(tables.deliveries.rowCount == 0)
        #expect(tables.byDay.rowCount == 0)
        #expect(tables.byOperator.rowCount == 0)
        #expect(tables.byBatch.rowCount == 0)
        #expect(tables.byStatus.rowCount == 0)
        #expect(UnitReport.integers(tables.latencyHistogram, "deliveries") == Array(repeating: 0, count: 11))
        #expect(UnitReport.summary(tables, "period_from") == .day(UnitReport.day("2025-11-10")))
        #expect(UnitReport.summary(tables, "period_to") == .day(UnitReport.day("2025-11-11")))
        #expect(UnitReport.summary(tables, "deliveries") == .integer(0))
        #expect(UnitReport.summary(tables, "latency_p50_s") == .empty)
    }
}
