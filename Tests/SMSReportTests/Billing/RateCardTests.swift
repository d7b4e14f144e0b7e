import Foundation
@testable import SMSBilling
@testable import SMSCore
import Testing

/// Contract §7 "Rate card" and "Money": prices are exact decimals, parsed strictly.
@Suite struct RateCardTests {
    @Test(arguments: ["0.40", "0.45", "2", ".5", "0", "12.3456"])
    func plainDecimalsAreExactPrices(text: String) throws {
        let price = try Price(parsing: text)
        #expect(price.text == text)
        #expect(price.value == Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
    }

    @Test func aPriceIsNotABinaryFloat() throws {
        // 0.1 has no exact binary form; as a decimal, ten of them are exactly 1.
        let tenth = try Price(parsing: "0.1").value
        #expect((0..<10).reduce(Decimal(0)) { sum, _ in sum + tenth } == 1)
    }

    @Test(arguments: ["", ".", "abc", "0.4.5", "1e3", " 0.40", "0,40", "+1", "NaN", "0.4O"])
    func nonNumbersAreRefused(text: String) {
        #expect(throws: PriceError.notANumber(text)) { try Price(parsing: text) }
    }

    @Test func negativePricesAreRefused() {
        #expect(throws: PriceError.negative("-0.40")) { try Price(parsing: "-0.40") }
    }

    @Test func operatorsFallBackToTheDefaultPrice() throws {
        let card = RateCard(name: "standard", defaultPrice: try Price(parsing: "0.50"),
                            operatorPrices: ["ntc": try Price(parsing: "0.40")])
        #expect(card.price(for: "NTC")?.text == "0.40")
        #expect(card.namesOperator("NTC"))
        #expect(card.price(for: "OTHER")?.text == "0.50")
        #expect(!card.namesOperator("OTHER"))
        #expect(card.currency == "NPR")
    }

    @Test func withoutADefaultAnUnnamedOperatorHasNoPrice() throws {
        let card = RateCard(name: "strict", defaultPrice: nil, operatorPrices: ["NTC": try Price(parsing: "0.40")])
        #expect(card.price(for: "NCELL") == nil)
    }

    @Test func everyStatusButRejectedIsBilledByDefault() {
        let card = RateCard(name: "standard", defaultPrice: nil, operatorPrices: [:])
        #expect(!card.bills(.rejected))
        #expect(DeliveryStatus.allCases.filter { $0 != .rejected }.allSatisfy(card.bills))
        #expect(RateCard.status(named: "Delivered") == .delivered)
        #expect(RateCard.status(named: "bounced") == nil)
    }
}
