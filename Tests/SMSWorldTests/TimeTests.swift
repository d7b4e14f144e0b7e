import SMSWorld
import Testing

@Suite("Days and timestamps")
struct TimeTests {
    /// 2025-11-04T17:00:45.153834+05:45, as in the API's example.
    private let example: Int64 = 1_762_254_945_153_834

    @Test("Timestamps are written in every style")
    func styles() {
        let cases: [(FractionDigits, TimestampOffset, String)] = [
            (.microseconds, .kathmandu, "2025-11-04T17:00:45.153834+05:45"),
            (.milliseconds, .kathmandu, "2025-11-04T17:00:45.153+05:45"),
            (.none, .kathmandu, "2025-11-04T17:00:45+05:45"),
            (.microseconds, .zulu, "2025-11-04T11:15:45.153834Z"),
            (.microseconds, .utcNumeric, "2025-11-04T11:15:45.153834+00:00"),
        ]
        for (digits, offset, expected) in cases {
            let style = TimestampStyle(fractionDigits: digits, offset: offset)
            #expect(APITimestamp(microseconds: example, style: style).iso8601 == expected)
        }
    }

    @Test("Local days start at 18:15 UTC the day before")
    func kathmanduDays() throws {
        let day = try #require(CalendarDay(parsing: "2025-11-04"))
        #expect(KathmanduTime.startOfDay(day) == 1_762_193_700_000_000)
        #expect(KathmanduTime.day(of: KathmanduTime.startOfDay(day)) == day)
        #expect(KathmanduTime.day(of: KathmanduTime.startOfDay(day) - 1) == CalendarDay(parsing: "2025-11-03"))
        #expect(APITimestamp(microseconds: example).kathmanduDay == day)
    }

    @Test("Days parse, print and count across months and leap years")
    func calendarDays() throws {
        let leap = try #require(CalendarDay(parsing: "2024-02-29"))
        #expect(leap.adding(days: 1).description == "2024-03-01")
        #expect(leap.adding(days: -60).description == "2023-12-31")
        #expect(leap.compactDescription == "20240229")
        #expect(CalendarDay(parsing: "2025-02-29") == nil)
        #expect(CalendarDay(parsing: "2025-13-01") == nil)
        #expect(CalendarDay(parsing: "2025-1-01") == nil)
        #expect(CalendarDay(parsing: "２０２５-01-01") == nil)
        #expect(WorldParameters.defaultEndDay.description == "2025-11-04")
    }

    @Test("Every message is sent within the world's local days")
    func window() throws {
        let world = try makeWorld(deliveries: 3000, days: 3, quirks: true)
        let days = Set(world.messages.map(\.sentAt.kathmanduDay.description))
        #expect(days == ["2025-11-02", "2025-11-03", "2025-11-04"])
        let fetchStarted = world.parameters.fetchStarted.microseconds
        #expect(world.messages.allSatisfy { ($0.outcome.deliveredAt ?? 0) < fetchStarted })
    }
}
