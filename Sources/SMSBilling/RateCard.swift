import SMSCore

/// The prices one client pays per SMS segment (contract §7).
public struct RateCard: Sendable, Equatable {
    /// The card's name in the config (`rate_cards.<name>`), or the rate-card file's name.
    public let name: String
    /// The ISO currency code the prices are in; NPR unless the card says otherwise.
    public let currency: String
    /// The price for an operator the card does not name (OTHER and INVALID included).
    public let defaultPrice: Price?
    /// The price per segment for each operator the card names, keyed by operator name.
    public let operatorPrices: [String: Price]
    /// The statuses whose segments are billed.
    public let billableStatuses: Set<DeliveryStatus>

    /// Every status but `rejected`: what a card bills when it does not list its statuses.
    public static let defaultBillableStatuses: Set<DeliveryStatus> = Set(DeliveryStatus.allCases).subtracting([.rejected])

    /// The currency of a card that names none.
    public static let defaultCurrency = "NPR"

    /// Creates a card. Operator names are compared in upper case, as the reports write them.
    public init(name: String, currency: String = RateCard.defaultCurrency, defaultPrice: Price?,
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
    public func price(for operatorName: String) -> Price? {
        operatorPrices[operatorName.uppercased()] ?? defaultPrice
    }

    /// True when the card names the operator itself rather than falling back to `default`.
    public func namesOperator(_ operatorName: String) -> Bool {
        operatorPrices[operatorName.uppercased()] != nil
    }

    /// Whether a delivery with this status is billed.
    public func bills(_ status: DeliveryStatus) -> Bool {
        billableStatuses.contains(status)
    }

    /// Reads a status name from a card, case-insensitively (`Delivered` is `delivered`).
    public static func status(named name: String) -> DeliveryStatus? {
        DeliveryStatus(rawValue: name.lowercased())
    }
}
