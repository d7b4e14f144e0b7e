@testable import SMSCore
@testable import SMSRender
import Testing

/// The summary page's number formats: what a reader sees for each kind of cell.
@Suite struct DisplayFormatTests {
    @Test(arguments: [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (12_345, "12,345"),
                      (1_234_567, "1,234,567"), (-1_234, "-1,234")])
    func countsHaveThousandsSeparators(value: Int, expected: String) {
        #expect(DisplayFormat.count(value) == expected)
    }

    @Test func countedNounsAreSingularForOne() {
        #expect(DisplayFormat.counted(1, "batch", "batches") == "1 batch")
        #expect(DisplayFormat.counted(0, "batch", "batches") == "0 batches")
        #expect(DisplayFormat.counted(1_500, "message", "messages") == "1,500 messages")
    }

    @Test func percentagesHaveOneDecimalRoundedHalfToEven() {
        #expect(DisplayFormat.percent(Ratio(232, over: 300)) == "77.3%")
        #expect(DisplayFormat.percent(Ratio(1, over: 1)) == "100.0%")
        #expect(DisplayFormat.percent(Ratio(0, over: 10)) == "0.0%")
        #expect(DisplayFormat.percent(Ratio(1, over: 16)) == "6.2%")   // 6.25 → 6.2
        #expect(DisplayFormat.percent(Ratio(3, over: 16)) == "18.8%")  // 18.75 → 18.8
        #expect(DisplayFormat.percent(Ratio(2, over: 3)) == "66.7%")
    }

    @Test func aRateOfNothingIsShownAsMissing() {
        #expect(DisplayFormat.percent(Ratio(0, over: 0)) == DisplayFormat.missing)
    }

    @Test(arguments: [
        (Int64(0), "0 ms"), (850_000, "850 ms"), (999_400, "999 ms"), (999_700, "1.0 s"),
        (12_400_000, "12.4 s"), (59_940_000, "59.9 s"), (59_960_000, "1 m 00 s"),
        (185_000_000, "3 m 05 s"), (3_599_400_000, "59 m 59 s"), (3_599_600_000, "1 h 00 m"),
        (8_040_000_000, "2 h 14 m"), (43_050_404_000, "11 h 58 m"), (-2_631_000, "-2.6 s"),
    ])
    func durationsUseTheLargestReadableUnit(microseconds: Int64, expected: String) {
        #expect(DisplayFormat.duration(microseconds: microseconds) == expected)
    }

    @Test func timestampsAreLocalToTheSecondWithTheOffset() {
        let instant = Instant(microseconds: 1_762_284_433_512_000)  // 2025-11-04T19:27:13.512Z
        #expect(DisplayFormat.timestamp(instant, timeZone: .kathmandu) == "2025-11-05 01:12:13 +05:45")
        #expect(DisplayFormat.timestamp(instant, timeZone: ReportTimeZone(identifier: "UTC")!)
                    == "2025-11-04 19:27:13 +00:00")
    }

    @Test func cellsAreFormattedByKind() {
        #expect(DisplayFormat.cell(.empty, timeZone: .kathmandu) == DisplayFormat.missing)
        #expect(DisplayFormat.cell(.integer(4_096), timeZone: .kathmandu) == "4,096")
        #expect(DisplayFormat.cell(.rate(Ratio(1, over: 8)), timeZone: .kathmandu) == "12.5%")
        #expect(DisplayFormat.cell(.seconds(3_061_000), timeZone: .kathmandu) == "3.1 s")
        #expect(DisplayFormat.cell(.day(LocalDay(year: 2025, month: 11, day: 4)), timeZone: .kathmandu) == "2025-11-04")
        #expect(DisplayFormat.cell(.text("<b>"), timeZone: .kathmandu) == "<b>")
    }
}
