@testable import SMSCore
import Testing

/// MONTH (`YYYY-MM`, contract §1) and the billing month of a local day (§7).
@Suite struct LocalMonthTests {
    @Test(arguments: ["2025-11", "2024-02", "0001-01", "2025-12"])
    func monthsReadBackAsWritten(text: String) throws {
        #expect(try #require(LocalMonth(iso: text)).description == text)
    }

    @Test(arguments: ["2025-13", "2025-00", "2025-1", "25-11", "2025/11", "2025-11-01", "", "abcd-ef"])
    func nonMonthsAreRefused(text: String) {
        #expect(LocalMonth(iso: text) == nil)
    }

    @Test func aMonthSpansItsFirstToItsLastDay() throws {
        let february = try #require(LocalMonth(iso: "2024-02"))
        #expect(february.firstDay == LocalDay(iso: "2024-02-01"))
        #expect(february.lastDay == LocalDay(iso: "2024-02-29"))
        #expect(try #require(LocalMonth(iso: "2025-02")).lastDay == LocalDay(iso: "2025-02-28"))
        #expect(try #require(LocalMonth(iso: "2025-12")).lastDay == LocalDay(iso: "2025-12-31"))
    }

    @Test func aDayBelongsToItsMonth() throws {
        #expect(LocalMonth(containing: try #require(LocalDay(iso: "2025-10-31"))).description == "2025-10")
        #expect(LocalMonth(containing: try #require(LocalDay(iso: "2025-11-01"))).description == "2025-11")
    }

    @Test func monthsRunAcrossAYearEnd() throws {
        let months = LocalMonth.months(from: try #require(LocalMonth(iso: "2025-11")),
                                       through: try #require(LocalMonth(iso: "2026-02")))
        #expect(months.map(\.description) == ["2025-11", "2025-12", "2026-01", "2026-02"])
        #expect(LocalMonth.months(from: try #require(LocalMonth(iso: "2026-01")),
                                  through: try #require(LocalMonth(iso: "2025-12"))).isEmpty)
    }
}
