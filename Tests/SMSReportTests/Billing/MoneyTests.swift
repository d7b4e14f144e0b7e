import Foundation
@testable import SMSBilling
@testable import SMSCore
import Testing

/// Contract §7 "Money": decimal, each row rounded half to even to 2 places, and a
/// total that is the sum of the rounded rows.
@Suite struct MoneyTests {
    static func decimal(_ text: String) -> Decimal {
        Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
    }

    @Test(arguments: [
        ("0.125", "0.12"), ("0.135", "0.14"), ("2.675", "2.68"), ("2.665", "2.66"),
        ("0.005", "0.00"), ("0.015", "0.02"), ("1.0049", "1.00"), ("1.0051", "1.01"),
        ("0.1251", "0.13"), ("12345678.905", "12345678.90"), ("7", "7.00"), ("0", "0.00"), ("0.5", "0.50"),
    ])
    func amountsRoundHalfToEvenToTwoPlaces(exact: String, expected: String) {
        #expect(Money.text(Self.decimal(exact)) == expected)
        #expect(Money.rounded(Self.decimal(exact)) == Self.decimal(expected))
    }

    @Test func twoPointSixSevenFiveIsExactAsADecimal() {
        // As a binary double, 2.675 is 2.67499999…, which would round down to 2.67; as a
        // decimal it is exactly halfway and rounds to the even 2.68.
        #expect(String(format: "%.20f", 2.675) == "2.67499999999999982236")
        #expect(Money.text(Self.decimal("2.675")) == "2.68")
    }

    @Test func anAmountIsSegmentsTimesTheRateRoundedOnce() throws {
        #expect(Money.amount(segments: 5, at: try Price(parsing: "0.025")) == Self.decimal("0.12"))   // 0.125
        #expect(Money.amount(segments: 3, at: try Price(parsing: "0.045")) == Self.decimal("0.14"))   // 0.135
        #expect(Money.amount(segments: 7, at: try Price(parsing: "0.3333")) == Self.decimal("2.33"))  // 2.3331
        #expect(Money.amount(segments: 0, at: try Price(parsing: "0.40")) == 0)
    }

    @Test func aTotalIsTheSumOfItsRoundedLines() throws {
        let month = try #require(LocalMonth(iso: "2025-11"))
        let rate = try Price(parsing: "0.025")
        let lines = ["NCELL", "NTC", "SMART"].map { name in
            BillingLine(operatorName: name, deliveries: 5, billableDeliveries: 5, segments: 5, billableSegments: 5,
                        rate: rate, usesDefaultPrice: false)
        }
        let invoice = Invoice(account: "acme", month: month, currency: "NPR", lines: lines)
        // Each line is 0.125 → 0.12; the total is 0.36, not 15 × 0.025 = 0.375 → 0.38.
        #expect(lines.allSatisfy { $0.amount == Self.decimal("0.12") })
        #expect(invoice.amount == Self.decimal("0.36"))
        #expect(Money.text(invoice.amount) == "0.36")
        #expect(invoice.billableSegments == 15)
    }
}
