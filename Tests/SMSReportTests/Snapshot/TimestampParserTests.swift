@testable import SMSCore
@testable import SnapshotFormat
import Testing

/// Contract §3 "Timestamps": ISO 8601 with an offset or `Z`, 0 to 6 fractional digits,
/// each kept to the microsecond.
///
/// Reference instant, worked out by hand: 2025-11-04 is day 20396 after 1970-01-01
/// (2025-01-01 is day 20089, and 4 November is the 308th day of 2025), so
/// 2025-11-04T00:00:00Z is 20396 × 86400 = 1,762,214,400 s.
@Suite struct TimestampParserTests {
    /// 2025-11-04T11:15:45Z in seconds: 1,762,214,400 + 11 h 15 m 45 s (40,545 s).
    static let utc111545: Int64 = 1_762_254_945

    @Test func wholeSecondsWithZ() {
        // 17:00:45Z = 1,762,214,400 + 61,245 s.
        #expect(TimestampParser.parse("2025-11-04T17:00:45Z") == Instant(microseconds: 1_762_275_645_000_000))
    }

    @Test func sixFractionalDigitsKeepEveryMicrosecond() {
        // 17:00:45.153834 at +05:45 is 11:15:45.153834Z.
        #expect(TimestampParser.parse("2025-11-04T17:00:45.153834+05:45")
            == Instant(microseconds: Self.utc111545 * 1_000_000 + 153_834))
    }

    @Test func lastMicrosecondIsNotRounded() {
        let earlier = TimestampParser.parse("2025-11-04T17:00:45.153834+05:45")
        let later = TimestampParser.parse("2025-11-04T17:00:45.153835+05:45")
        #expect(later?.microseconds == Self.utc111545 * 1_000_000 + 153_835)
        #expect(earlier != later)
    }

    @Test func threeFractionalDigitsAreMilliseconds() {
        #expect(TimestampParser.parse("2025-11-04T17:00:45.153+05:45")
            == Instant(microseconds: Self.utc111545 * 1_000_000 + 153_000))
    }

    @Test func oneFractionalDigitIsTenths() {
        #expect(TimestampParser.parse("2025-11-04T11:15:45.5Z")
            == Instant(microseconds: Self.utc111545 * 1_000_000 + 500_000))
    }

    @Test(arguments: [
        "2025-11-04T11:15:45.153834Z",
        "2025-11-04T11:15:45.153834+00:00",
        "2025-11-04T17:00:45.153834+05:45",
        "2025-11-04T08:15:45.153834-03:00",
        "2025-11-03T23:15:45.153834-12:00",
    ])
    func everyOffsetNamesTheSameInstant(text: String) {
        #expect(TimestampParser.parse(text) == Instant(microseconds: Self.utc111545 * 1_000_000 + 153_834))
    }

    @Test func offsetCanCrossTheDateLine() {
        // 00:30 on 5 November at +05:45 is 18:45 on 4 November in UTC.
        #expect(TimestampParser.parse("2025-11-05T00:30:00+05:45") == TimestampParser.parse("2025-11-04T18:45:00Z"))
    }

    @Test func leapDayIsValid() {
        // 2024-02-29 is day 19782 (2024-01-01 is day 19723, plus 31 + 28).
        #expect(TimestampParser.parse("2024-02-29T00:00:00Z") == Instant(microseconds: 19_782 * 86_400 * 1_000_000))
    }

    @Test(arguments: [
        "2025-11-04T17:00:45.1538341+05:45",  // 7 fractional digits
        "2025-13-04T17:00:45+05:45",          // month 13
        "2025-02-30T17:00:45+05:45",          // 30 February
        "2025-02-29T17:00:45Z",               // not a leap year
        "2025-11-04T17:00:45.153834",         // no offset
        "2025-11-04T17:00:45",                // no offset, no fraction
        "2025-11-04T17:00:45.+05:45",         // a point without digits
        "2025-11-04T24:00:00Z",               // hour 24
        "2025-11-04T17:60:00Z",               // minute 60
        "2025-11-04T17:00:45+05:60",          // offset minutes 60
        "2025-11-04",                         // a day, not an instant
        "04/11/2025 17:00:45",
        "",
    ])
    func invalidTimestampIsNil(text: String) {
        #expect(TimestampParser.parse(text) == nil)
    }

    /// Issue 11.4: every instant read stays in years 0001–9999 UTC, so no sum or
    /// difference of instants, and no local day in any timezone, can overflow.
    @Test func theFirstAndLastSupportedInstantsAreRead() {
        #expect(TimestampParser.read("0001-01-01T00:00:00Z") == .success(Instant.supportedRange.lowerBound))
        #expect(TimestampParser.read("9999-12-31T23:59:59.999999Z") == .success(Instant.supportedRange.upperBound))
        #expect(TimestampParser.parse("9999-12-31T23:59:59+14:00") != nil)
        #expect(TimestampParser.parse("0001-01-01T23:59:59-14:00") != nil)
    }

    @Test(arguments: [
        "0000-01-01T00:00:00Z",             // year 0
        "0000-12-31T23:59:59.999999Z",
        "0001-01-01T00:00:00+00:01",        // a minute before year 1 in UTC
        "0001-01-01T00:00:00+23:59",
        "9999-12-31T23:59:59-00:01",        // into year 10000 in UTC
        "9999-12-31T23:59:59-23:59",
    ])
    func anInstantOutsideYearsOneTo9999IsOutOfRange(text: String) {
        #expect(TimestampParser.read(text) == .failure(.outOfRange))
        #expect(TimestampParser.parse(text) == nil)
    }

    @Test(arguments: [
        "2025-11-04T17:00:45." + String(repeating: "9", count: 400) + "Z",  // far too many fractional digits
        "-001-01-01T00:00:00Z",                                           // a negative year
        "+10000-01-01T00:00:00Z",                                         // five-digit year
        "2025-11-04T17:00:45+99:00",                                      // offset hours past 23
        "2025-11-04T17:00:45+05:45:00",
    ])
    func oddNumbersInATimestampAreMalformed(text: String) {
        #expect(TimestampParser.read(text) == .failure(.malformed))
    }

    /// The reader that remembers the last two minutes gives the parser's answer for
    /// every text, whatever two came before it: the same minute with other seconds,
    /// fractions or offsets, broken seconds after a valid minute, and minutes that are
    /// not valid.
    @Test func theReaderThatRemembersMinutesAgreesWithTheParser() {
        let texts = [
            "2025-11-04T17:00:45+05:45", "2025-11-04T17:00:59.999999Z", "2025-11-04T17:00:00-03:30",
            "2025-11-04T17:00:60+05:45", "2025-11-04T17:00X45Z", "2025-11-04T17:00:4", "2025-11-04T17:00",
            "2025-11-04T17:00:45", "2025-11-04T17:00:45.Z", "2025-11-04T17:00:45.1234567Z",
            "2025-11-04 17:00:45+05:45", "2025-11-04t17:00:45+0545", "2025-11-04T17:01:00+05",
            "2025-02-29T17:00:45Z", "2025-11-04T17:60:00Z", "2025-11-04T24:00:00Z",
            "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+00:01", "9999-12-31T23:59:59.999999Z",
            "9999-12-31T23:59:59-00:01", "04/11/2025 17:00:45", "", "2025-11-04T17:00:45Z",
            "2025-11-04T18:30:12.000001+05:45", "2025-11-04T17:00:45.123456", "2025-11-04T17:00:45.1234567+05:45",
        ]
        // Each text after each pair of texts, so every pair of remembered minutes
        // (either one the latest) and a text is tried.
        for first in texts {
            for second in texts {
                for text in texts {
                    var reader = TimestampReader()
                    _ = read(first, with: &reader)
                    _ = read(second, with: &reader)
                    #expect(read(text, with: &reader) == TimestampParser.read(text), "\(text) after \(first), \(second)")
                }
            }
        }
    }

    private func read(_ text: String, with reader: inout TimestampReader) -> Result<Instant, TimestampParser.Failure> {
        var copy = text
        return copy.withUTF8 { reader.read(UnsafeRawBufferPointer($0)) }
    }
}
