import SMSCore

/// The billing of one account: an invoice per month, the card it was priced with,
/// and the `billing` table of contract §7 made from them.
package struct BillingStatement: Sendable {
    /// The account billed.
    package let account: String
    /// The rate card the amounts come from.
    package let rateCard: RateCard
    /// The timezone whose local days put deliveries in months.
    package let timeZone: ReportTimeZone
    /// One invoice per month, in month order.
    package let invoices: [Invoice]
    /// When the statement was made (the report's `generated_at`).
    package let generatedAt: Instant
    /// Operators with deliveries that the card does not name, billed at its `default`
    /// (OTHER and INVALID, which the contract prices at `default`, are not listed).
    package let defaultPricedOperators: [String]

    /// A statement of `invoices` (in month order), as ``BillingAggregator`` makes it.
    package init(account: String, rateCard: RateCard, timeZone: ReportTimeZone, invoices: [Invoice],
                generatedAt: Instant, defaultPricedOperators: [String]) {
        self.account = account
        self.rateCard = rateCard
        self.timeZone = timeZone
        self.invoices = invoices
        self.generatedAt = generatedAt
        self.defaultPricedOperators = defaultPricedOperators
    }

    /// The name of the table in every format (`billing.csv`, the `billing` sheet).
    package static let tableName = "billing"

    /// The columns of contract §7.
    package static let columns: [Column] = [
        Column("account", .text), Column("month", .text), Column("operator", .text),
        Column("deliveries", .integer), Column("billable_deliveries", .integer),
        Column("segments", .integer), Column("billable_segments", .integer),
        Column("rate", .number), Column("amount", .money), Column("currency", .text),
    ]

    /// What a user should know about the statement, one sentence each: operators billed
    /// at the default price, and months without deliveries (zero invoices).
    package var notices: [String] {
        var notices: [String] = []
        if !defaultPricedOperators.isEmpty {
            notices.append("rate card \"\(rateCard.name)\" names no price for \(defaultPricedOperators.joined(separator: ", ")): "
                           + "billed at its default price \(rateCard.defaultPrice?.text ?? "")")
        }
        for invoice in invoices where invoice.lines.isEmpty {
            notices.append("no deliveries for \(account) in \(invoice.month): the invoice is zero")
        }
        return notices
    }

    /// The operator of each invoice's closing row.
    package static let totalLabel = "TOTAL"

    /// The `billing` table: per month, a row per operator line, then a `TOTAL` row that
    /// sums the counts and the rounded amounts and leaves `rate` empty.
    package var table: Table {
        var rows: [[Cell]] = []
        for invoice in invoices {
            let month = Cell.text(invoice.month.description)
            for line in invoice.lines {
                rows.append([.text(account), month, .text(line.operatorName),
                             .integer(line.deliveries), .integer(line.billableDeliveries),
                             .integer(line.segments), .integer(line.billableSegments),
                             .number(line.rate.text), .number(Money.text(line.amount)), .text(invoice.currency)])
            }
            rows.append([.text(account), month, .text(Self.totalLabel),
                         .integer(invoice.deliveries), .integer(invoice.billableDeliveries),
                         .integer(invoice.segments), .integer(invoice.billableSegments),
                         .empty, .number(Money.text(invoice.amount)), .text(invoice.currency)])
        }
        return Table(name: Self.tableName, columns: Self.columns, rows: rows)
    }
}
