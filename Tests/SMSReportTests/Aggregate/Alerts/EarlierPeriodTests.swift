@testable import SMSAggregate
@testable import SMSCore
import Testing

/// Which earlier periods a report is compared with (contract §10).
@Suite struct EarlierPeriodTests {
    static func day(_ text: String) -> LocalDay {
        LocalDay(iso: text)!
    }

    @Test func aDayIsComparedWithTheDayBeforeAndTheSameWeekdayAWeekBefore() {
        let periods = EarlierPeriod.periods(before: Self.day("2025-11-04")...Self.day("2025-11-04"))
        #expect(periods.map(\.label) == ["previous day", "same day last week"])
        #expect(periods.map(\.days) == [Self.day("2025-11-03")...Self.day("2025-11-03"),
                                        Self.day("2025-10-28")...Self.day("2025-10-28")])
    }

    @Test func aWholeMonthIsComparedWithTheMonthBefore() {
        let march = EarlierPeriod.periods(before: Self.day("2024-03-01")...Self.day("2024-03-31"))
        #expect(march.map(\.label) == ["previous month"])
        #expect(march.map(\.days) == [Self.day("2024-02-01")...Self.day("2024-02-29")])
        let january = EarlierPeriod.periods(before: Self.day("2025-01-01")...Self.day("2025-01-31"))
        #expect(january.map(\.days) == [Self.day("2024-12-01")...Self.day("2024-12-31")])
    }

    @Test func anyOtherRangeIsComparedWithTheRangeOfTheSameLengthJustBefore() {
        let periods = EarlierPeriod.periods(before: Self.day("2025-11-01")...Self.day("2025-11-15"))
        #expect(periods.map(\.label) == ["previous 15 days"])
        #expect(periods.map(\.days) == [Self.day("2025-10-17")...Self.day("2025-10-31")])
    }
}
