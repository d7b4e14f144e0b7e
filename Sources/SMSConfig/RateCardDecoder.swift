import SMSBilling
import Yams

/// Reads one rate card (contract §7) from a YAML mapping: an entry of `rate_cards` in the
/// config, or a whole rate-card file. Shared so both report problems the same way.
package enum RateCardDecoder {
    /// The keys a rate card may have.
    package static let keys = ["currency", "default", "operators", "billable_statuses"]

    /// The card named `name` from `node`; nil (with the problems recorded) when it is not valid.
    package static func decode(_ node: ConfigNode, name: String, reader: ConfigReader) -> RateCard? {
        guard let mapping = reader.mapping(node, allowed: keys) else { return nil }
        var valid = true
        var currency = RateCard.defaultCurrency
        if let value = mapping.optional("currency") {
            if let text = reader.string(value) {
                if isCurrencyCode(text) {
                    currency = text
                } else {
                    reader.report(.invalidValue("\(text.debugDescription) is not a currency: use a three-letter upper-case code such as NPR"), about: value)
                    valid = false
                }
            } else {
                valid = false
            }
        }
        var defaultPrice: Price?
        if let value = mapping.optional("default") {
            defaultPrice = price(value, reader: reader)
            valid = valid && defaultPrice != nil
        }
        var operatorPrices: [String: Price] = [:]
        if let value = mapping.optional("operators"), let operators = reader.mapping(value) {
            for entry in operators.entries {
                if let price = price(entry.value, reader: reader) {
                    operatorPrices[entry.key] = price
                } else {
                    valid = false
                }
            }
        } else if mapping.optional("operators") != nil {
            valid = false
        }
        var billable = RateCard.defaultBillableStatuses
        if let value = mapping.optional("billable_statuses") {
            if let items = reader.sequence(value, of: "a list of statuses") {
                billable = []
                for item in items {
                    guard let text = reader.string(item) else {
                        valid = false
                        continue
                    }
                    if let status = RateCard.status(named: text.trimmingCharacters(in: .whitespaces)) {
                        billable.insert(status)
                    } else {
                        reader.report(.unknownStatus(text), about: item)
                        valid = false
                    }
                }
            } else {
                valid = false
            }
        }
        if valid, defaultPrice == nil, operatorPrices.isEmpty {
            reader.report(.invalidValue("the rate card has no price: give `default`, `operators`, or both"), about: node)
            valid = false
        }
        guard valid else { return nil }
        return RateCard(name: name, currency: currency, defaultPrice: defaultPrice,
                        operatorPrices: operatorPrices, billableStatuses: billable)
    }

    /// A price from its text as written; `"0.40"` and `0.40` are the same (never read as a binary float).
    private static func price(_ node: ConfigNode, reader: ConfigReader) -> Price? {
        guard case .scalar = node.node, node.node.tagName != .bool, !node.isNull else {
            reader.report(.wrongType(expected: "a price such as \"0.45\"", found: ConfigReader.kind(of: node.node)), about: node)
            return nil
        }
        guard let text = reader.string(node) else { return nil }
        do {
            return try Price(parsing: text)
        } catch {
            reader.report(.invalidPrice(error), about: node)
            return nil
        }
    }

    private static func isCurrencyCode(_ text: String) -> Bool {
        text.utf8.count == 3 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}
