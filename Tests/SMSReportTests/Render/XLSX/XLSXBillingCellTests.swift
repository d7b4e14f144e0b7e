@testable import SMSCore
@testable import SMSRender
import Testing
@testable import XLSXWriter

/// How billing cells look in a workbook: amounts as numbers in a money format, flags
/// plain unless they are the summary's `complete`, and currency formats that keep
/// every digit of a price.
@Suite struct XLSXBillingCellTests {
    static func entries(_ cells: [Cell], columns: [Column]) -> [XLSXCellBatch.Entry] {
        var encoder = XLSXCellEncoder(timeZone: .kathmandu, columns: columns)
        var batch = XLSXCellBatch(columnCount: columns.count)
        encoder.append(cells, to: &batch)
        return batch.entries
    }

    @Test func anAmountIsANumberInTheMoneyFormat() {
        let entries = Self.entries([.number("0.4875"), .number("12.30")],
                                   columns: [Column("rate", .number), Column("amount", .money)])
        guard case .number(let rate, let rateSlot) = entries[0], case .number(let amount, let amountSlot) = entries[1] else {
            Issue.record("unexpected cells \(entries)")
            return
        }
        #expect(rate == 0.4875 && rateSlot == XLSXCellStyle.plain.rawValue)
        #expect(amount == 12.3 && amountSlot == XLSXCellStyle.money.rawValue)
        #expect(XLSXCellStyle.money.style?.numberFormat == "#,##0.00")
    }

    @Test func aFalseFlagIsRedOnlyInTheSummary() {
        let flag = Self.entries([.boolean(false)], columns: [Column("billable", .boolean)])
        let complete = Self.entries([.boolean(false)], columns: [Column("value", .mixed)])
        guard case .boolean(false, let flagSlot) = flag[0], case .boolean(false, let completeSlot) = complete[0] else {
            Issue.record("unexpected cells \(flag) \(complete)")
            return
        }
        #expect(flagSlot == XLSXCellStyle.plain.rawValue)
        #expect(completeSlot == XLSXCellStyle.alert.rawValue)
    }

    @Test(arguments: [("0.40", "[$NPR] #,##0.00"), ("0.355", "[$NPR] #,##0.000"), ("2", "[$NPR] #,##0.00"),
                      (".4875", "[$NPR] #,##0.0000")])
    func aPriceFormatShowsEveryDigitTheCardGives(text: String, format: String) {
        #expect(XLSXCurrencyFormat.price(currency: "NPR", text: text) == format)
    }

    @Test func aCurrencyThatIsNotACodeIsLeftOutOfTheFormat() {
        #expect(XLSXCurrencyFormat.amount(currency: "NPR") == "[$NPR] #,##0.00")
        #expect(XLSXCurrencyFormat.amount(currency: "N\"]PR") == "#,##0.00")
    }
}
