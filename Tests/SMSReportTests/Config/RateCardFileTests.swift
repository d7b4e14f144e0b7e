import Foundation
@testable import SMSBilling
@testable import SMSConfig
import Testing

/// `billing --rate-card FILE`: one rate card on its own, with the config's keys and error quality.
@Suite struct RateCardFileTests {
    @Test func aRateCardFileIsNamedAfterItself() throws {
        let folder = try TemporaryFolder()
        try folder.write("""
            currency: NPR
            default: "0.50"
            operators:
              NTC: "0.40"
              NCELL: 0.45
            billable_statuses: [Delivered, sent]
            """, to: "cards/standard.yaml")
        let card = try RateCardFile.load(path: folder.path + "/cards/standard.yaml")
        #expect(card.name == "standard")
        #expect(card.currency == "NPR")
        #expect(card.defaultPrice?.text == "0.50")
        #expect(card.price(for: "NCELL")?.value == Decimal(string: "0.45"))
        #expect(card.billableStatuses == [.delivered, .sent])
    }

    @Test func defaultsAreTheContractsOnes() throws {
        let folder = try TemporaryFolder()
        try folder.write("operators: {NTC: \"0.40\"}\n", to: "strict.yml")
        let card = try RateCardFile.load(path: folder.path + "/strict.yml")
        #expect(card.name == "strict")
        #expect(card.currency == "NPR")
        #expect(card.defaultPrice == nil)
        #expect(card.billableStatuses == RateCard.defaultBillableStatuses)
    }

    @Test(arguments: [
        ("default: \"0.50\"\noperators:\n  NTC: \"-0.40\"\n", "operators.NTC", 3, ConfigProblem.invalidPrice(.negative("-0.40"))),
        ("default: \"0.50\"\nbillable_statuses: [delivered, arrived]\n", "billable_statuses[1]", 2, .unknownStatus("arrived")),
        ("default: \"0.50\"\nprices: {}\n", "prices", 2, .unknownKey("prices", expected: RateCardDecoder.keys)),
        ("default: [\"0.50\"]\n", "default", 1, .wrongType(expected: "a price such as \"0.45\"", found: "a list")),
        ("default: yes\n", "default", 1, .wrongType(expected: "a price such as \"0.45\"", found: "yes (true/false)")),
        ("currency: NPR\n", "", 1, .invalidValue("the rate card has no price: give `default`, `operators`, or both")),
    ] as [(String, String, Int, ConfigProblem)])
    func problemsNameTheirKeyAndLine(text: String, keyPath: String, line: Int, problem: ConfigProblem) throws {
        let folder = try TemporaryFolder()
        try folder.write(text, to: "card.yaml")
        let error = #expect(throws: ConfigError.self) {
            try RateCardFile.load(path: folder.path + "/card.yaml")
        }
        #expect(error?.keyPath.description == keyPath)
        #expect(error?.line == line)
        #expect(error?.problem == problem)
        #expect(error?.file == folder.path + "/card.yaml")
    }
}
