import Foundation
@testable import SMSCore
@testable import SMSRender
@testable import SnapshotFormat
import Testing

/// CSV fields as a spreadsheet user needs them (contract §4, §5).
@Suite struct CSVCellEncoderTests {
    private func field(_ cell: Cell, guarded: Bool = true, timeZone: ReportTimeZone = .kathmandu) -> String {
        var encoder = CSVCellEncoder(guardsFormulas: guarded, clock: LocalClock(timeZone: timeZone))
        var bytes: [UInt8] = []
        encoder.append(cell, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func formulaLikeTextGetsALeadingQuote() {
        #expect(field(.text("=SUM(A1:A9)")) == "'=SUM(A1:A9)")
        #expect(field(.text("+977 call us")) == "'+977 call us")
        #expect(field(.text("-50% off")) == "'-50% off")
        #expect(field(.text("@here")) == "'@here")
        #expect(field(.text("\tTabbed")) == "'\tTabbed")
        #expect(field(.text("\rReturn")) == "\"'\rReturn\"")
    }

    @Test func rawModeWritesTextAsReceived() {
        #expect(field(.text("=SUM(A1:A9)"), guarded: false) == "=SUM(A1:A9)")
    }

    @Test func numbersAreNeverGuarded() {
        #expect(field(.seconds(-3_250_000)) == "-3.250")
        #expect(field(.integer(-4)) == "-4")
    }

    @Test func quotingFollowsRFC4180() {
        #expect(field(.text("plain")) == "plain")
        #expect(field(.text("a,b")) == "\"a,b\"")
        #expect(field(.text("say \"hi\"")) == "\"say \"\"hi\"\"\"")
        #expect(field(.text("two\nlines")) == "\"two\nlines\"")
        #expect(field(.text("=a,b")) == "\"'=a,b\"")
    }

    /// Texts are scanned eight bytes at a time: a character that needs quotes is found
    /// at every position of a long text, Nepali bytes around it included.
    @Test(arguments: [",", "\"", "\n", "\r"])
    func aCharacterThatNeedsQuotesIsFoundAnywhere(character: String) {
        let filler = "नमस्ते abc"
        for position in 0...24 {
            let text = String(repeating: "x", count: position) + character + filler
            let expected = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            #expect(field(.text(text), guarded: false) == expected, "at \(position)")
        }
        let plain = String(repeating: "नमस्ते ", count: 9)
        #expect(field(.text(plain)) == plain)
    }

    @Test func integersKeepEveryDigitAndSign() {
        #expect(field(.integer(0)) == "0")
        #expect(field(.integer(1_234_567_890)) == "1234567890")
        #expect(field(.integer(Int.min)) == "-9223372036854775808")
        #expect(field(.integer(Int.max)) == "9223372036854775807")
    }

    @Test func ratesHaveSixDecimalsAndSecondsThree() {
        #expect(field(.rate(Ratio(2, over: 3))) == "0.666667")
        #expect(field(.rate(Ratio(1, over: 1))) == "1.000000")
        #expect(field(.rate(Ratio(0, over: 0))) == "")
        #expect(field(.seconds(1_037_663)) == "1.038")
        #expect(field(.seconds(2_500)) == "0.002")
        #expect(field(.seconds(3_500)) == "0.004")
    }

    @Test func timestampsAndDaysUseTheReportTimezone() throws {
        let instant = try #require(TimestampParser.parse("2025-11-04T11:15:45.153834Z"))
        #expect(field(.timestamp(instant)) == "2025-11-04T17:00:45.153834+05:45")
        let utc = try #require(ReportTimeZone(identifier: "UTC"))
        #expect(field(.timestamp(instant), timeZone: utc) == "2025-11-04T11:15:45.153834+00:00")
        #expect(field(.day(LocalDay(year: 2025, month: 11, day: 4))) == "2025-11-04")
        #expect(field(.boolean(false)) == "false")
        #expect(field(.empty) == "")
    }
}
