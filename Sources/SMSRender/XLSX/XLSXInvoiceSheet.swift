import Foundation
import SMSBilling
import SMSCore
import XLSXWriter

/// Writes an invoice-style sheet for one month of a ``BillingStatement`` (contract §7):
/// the account, the period, the rate card used with its prices, a line per operator
/// with segment counts, rate and amount, and the total, amounts as numbers in the
/// card's currency format. Every number comes from the statement; none is computed here.
///
/// Rows are written top to bottom, so the sheet can live in a constant-memory workbook.
package struct XLSXInvoiceSheet {
    /// What the sheet says about the data besides the statement.
    package struct Context {
        /// False when the snapshot is incomplete.
        package var isComplete: Bool
        /// Why it is incomplete.
        package var incompleteReasons: [String]
    }

    private let workbook: XLSXWorkbook
    private let title: XLSXFormat
    private let label: XLSXFormat
    private let section: XLSXFormat
    private let header: XLSXFormat
    private let integer: XLSXFormat
    private let totalLabel: XLSXFormat
    private let totalInteger: XLSXFormat
    private let alert: XLSXFormat

    package init(workbook: XLSXWorkbook) throws(XLSXError) {
        self.workbook = workbook
        title = try workbook.addFormat(XLSXStyle(bold: true, fontSize: 16))
        label = try workbook.addFormat(XLSXStyle(bold: true))
        section = try workbook.addFormat(XLSXStyle(bold: true, fontSize: 12))
        header = try workbook.addFormat(XLSXCellStyle.header)
        integer = try workbook.addFormat(XLSXStyle(numberFormat: "#,##0"))
        totalLabel = try workbook.addFormat(XLSXStyle(bold: true, topBorder: true))
        totalInteger = try workbook.addFormat(XLSXStyle(bold: true, topBorder: true, numberFormat: "#,##0"))
        alert = try workbook.addFormat(XLSXStyle(bold: true, fontColor: XLSXColor(rgb: 0x9C0006), fillColor: XLSXColor(rgb: 0xFFC7CE)))
    }

    /// The name of the sheet of `invoice`.
    package static func sheetName(for invoice: Invoice) -> String {
        "invoice \(invoice.month)"
    }

    /// The headers of the lines' table.
    package static let lineHeaders = ["Operator", "Deliveries", "Billable deliveries", "Segments", "Billable segments",
                              "Rate", "Amount"]

    /// Adds the sheet of `invoice`, one of `statement`'s invoices.
    @discardableResult
    package func write(_ invoice: Invoice, of statement: BillingStatement, context: Context) throws(XLSXError) -> XLSXWorksheet {
        let card = statement.rateCard
        let sheet = try workbook.addWorksheet(named: Self.sheetName(for: invoice))
        let amount = try workbook.addFormat(XLSXStyle(numberFormat: XLSXCurrencyFormat.amount(currency: invoice.currency)))
        let totalAmount = try workbook.addFormat(XLSXStyle(bold: true, topBorder: true,
                                                           numberFormat: XLSXCurrencyFormat.amount(currency: invoice.currency)))
        var priceFormats: [String: XLSXFormat] = [:]
        func priceFormat(_ price: Price) throws(XLSXError) -> XLSXFormat {
            let format = XLSXCurrencyFormat.price(currency: invoice.currency, text: price.text)
            if let known = priceFormats[format] { return known }
            let made = try workbook.addFormat(XLSXStyle(numberFormat: format))
            priceFormats[format] = made
            return made
        }

        var row = 0
        try sheet.writeText("SMS invoice", row: row, column: 0, format: title)
        row += 2
        var clock = LocalClock(timeZone: statement.timeZone)
        let facts: [(String, String)] = [
            ("Account", invoice.account),
            ("Period", "\(invoice.month) (\(invoice.month.firstDay) to \(invoice.month.lastDay), \(statement.timeZone.identifier))"),
            ("Rate card", card.name),
            ("Currency", invoice.currency),
            ("Billable statuses", DeliveryStatus.allCases.filter(card.bills).map(\.rawValue).joined(separator: ", ")),
            ("Generated", clock.iso8601(statement.generatedAt)),
        ]
        for (name, value) in facts {
            try sheet.writeText(name, row: row, column: 0, format: label)
            try sheet.writeText(value, row: row, column: 1)
            row += 1
        }
        try sheet.writeText("Data", row: row, column: 0, format: label)
        if context.isComplete {
            try sheet.writeText("complete", row: row, column: 1)
        } else {
            try sheet.writeText((["INCOMPLETE"] + context.incompleteReasons).joined(separator: ": "),
                                row: row, column: 1, format: alert)
        }
        row += 2

        try sheet.writeText("Prices per segment", row: row, column: 0, format: section)
        row += 1
        try sheet.writeText("Operator", row: row, column: 0, format: header)
        try sheet.writeText("Price", row: row, column: 1, format: header)
        row += 1
        let named = card.operatorPrices.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for (operatorName, price) in named {
            try writePrice(price, named: operatorName, row: row, on: sheet, format: try priceFormat(price))
            row += 1
        }
        if let defaultPrice = card.defaultPrice {
            try writePrice(defaultPrice, named: "default (any other operator)", row: row, on: sheet,
                           format: try priceFormat(defaultPrice))
            row += 1
        }
        row += 1

        try sheet.writeText("Lines", row: row, column: 0, format: section)
        row += 1
        let linesHeaderRow = row
        for (column, name) in Self.lineHeaders.enumerated() {
            try sheet.writeText(name, row: row, column: column, format: header)
        }
        row += 1
        for line in invoice.lines {
            try sheet.writeText(line.operatorName, row: row, column: 0)
            try writeCounts([line.deliveries, line.billableDeliveries, line.segments, line.billableSegments],
                            row: row, on: sheet, format: integer)
            try sheet.writeNumber(Self.number(line.rate.text), row: row, column: 5, format: try priceFormat(line.rate))
            try sheet.writeNumber(Self.number(Money.text(line.amount)), row: row, column: 6, format: amount)
            row += 1
        }
        try sheet.writeText(BillingStatement.totalLabel, row: row, column: 0, format: totalLabel)
        try writeCounts([invoice.deliveries, invoice.billableDeliveries, invoice.segments, invoice.billableSegments],
                        row: row, on: sheet, format: totalInteger)
        try sheet.writeText("", row: row, column: 5, format: totalLabel)
        try sheet.writeNumber(Self.number(Money.text(invoice.amount)), row: row, column: 6, format: totalAmount)
        row += 2

        for note in notes(for: invoice, of: statement) {
            try sheet.writeText(note, row: row, column: 0)
            row += 1
        }
        let widths = [30.0] + Array(repeating: 18.0, count: Self.lineHeaders.count - 1)
        for (column, width) in widths.enumerated() {
            try sheet.setColumnWidth(width, columns: column...column)
        }
        try XLSXPrintLayout.apply(to: sheet, widthPixels: widths.map(XLSXPrintLayout.columnPixels).reduce(0, +),
                                  repeatedRow: linesHeaderRow, footerPrefix: [.text("\(invoice.account) · ")])
        return sheet
    }

    /// The sentences under the lines: how amounts are rounded, which operators were
    /// billed at the default price, and an empty month.
    private func notes(for invoice: Invoice, of statement: BillingStatement) -> [String] {
        var notes: [String] = []
        if invoice.lines.isEmpty {
            notes.append("No deliveries in \(invoice.month): nothing is due.")
        }
        let defaultPriced = invoice.lines.map(\.operatorName).filter(statement.defaultPricedOperators.contains)
        if !defaultPriced.isEmpty {
            notes.append("The rate card names no price for \(defaultPriced.joined(separator: ", ")): billed at its default price.")
        }
        notes.append("Each amount is billable segments × rate, rounded half to even to 2 decimals; "
                     + "the total is the sum of the rounded amounts.")
        return notes
    }

    private func writePrice(_ price: Price, named name: String, row: Int, on sheet: XLSXWorksheet,
                            format: XLSXFormat) throws(XLSXError) {
        try sheet.writeText(name, row: row, column: 0)
        try sheet.writeNumber(Self.number(price.text), row: row, column: 1, format: format)
    }

    private func writeCounts(_ counts: [Int], row: Int, on sheet: XLSXWorksheet, format: XLSXFormat) throws(XLSXError) {
        for (offset, count) in counts.enumerated() {
            try sheet.writeNumber(Double(count), row: row, column: 1 + offset, format: format)
        }
    }

    /// The value of a decimal's text (`12.30`, `.5`, `2.`) as a workbook number: the
    /// nearest double, as a spreadsheet reads the same text from the CSV.
    private static func number(_ text: String) -> Double {
        let whole = (text.hasPrefix(".") ? "0" : "") + text + (text.hasSuffix(".") ? "0" : "")
        return Double(whole) ?? NSDecimalNumber(string: text, locale: Locale(identifier: "en_US_POSIX")).doubleValue
    }
}
