import SMSCore

/// The prices one client pays per SMS segment (contract §7).
package struct RateCard: Sendable, Equatable {
    /// The card's name in the config (`rate_cards.<name>`), or the rate-card file's name.
    package let name: String
    /// The ISO currency code the prices are in; NPR unless the card says otherwise.
    package let currency: String
    /// The price for an operator the card does not name (OTHER and INVALID included).
    package let defaultPrice: Price?
    /// The price per segment for each operator the card names, keyed by operator name.
    package let operatorPrices: [String: Price]
    /// The statuses whose segments are billed.
    package let billableStatuses: Set<DeliveryStatus>

    /// Every status but `rejected`: what a card bills when it does not list its statuses.
    package static let defaultBillableStatuses: Set<DeliveryStatus> = Set(DeliveryStatus.allCases).subtracting([.rejected])

    /// The currency of a card that names none.
    package static let defaultCurrency = "NPR"

    /// Creates a card. Operator names are compared in upper case, as the reports write them.
    package init(name: String, currency: String = RateCard.defaultCurrency, defaultPrice: Price?,
                operatorPrices: [String: Price], billableStatuses: Set<DeliveryStatus> = RateCard.defaultBillableStatuses) {
        self.name = name
        self.currency = currency
        self.defaultPrice = defaultPrice
        self.operatorPrices = Dictionary(operatorPrices.map { ($0.key.uppercased(), $0.value) },
                                         uniquingKeysWith: { first, _ in first })
        self.billableStatuses = billableStatuses
    }

    /// The price an operator's segments are billed at: its own, else the card's default,
    /// else nil (the caller reports the missing rate).
    package func price(for operatorName: String) -> Price? {
        operatorPrices[operatorName.uppercased()] ?? defaultPrice
    }

    /// True when the card names the operator itself rather than falling back to `default`.
    package func namesOperator(_ operatorName: String) -> Bool {
        operatorPrices[operatorName.uppercased()] != nil
    }

    /// Whether a delivery with this status is billed.
    package func bills(_ status: DeliveryStatus) -> Bool {
        billableStatuses.contains(status)
    }

    /// Reads a status name from a card, case-insensitively (`Delivered` is `delivered`).
    package static func status(named name: String) -> DeliveryStatus? {
        DeliveryStatus(rawValue: name.lowercased())
    }
}
