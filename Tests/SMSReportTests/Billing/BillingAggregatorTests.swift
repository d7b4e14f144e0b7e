import Foundation
@testable import SMSAggregate
@testable import SMSBilling
@testable import SMSCore
import Testing

/// Contract §7 "The billing table": a row per account, month (of the local day) and
/// operator with deliveries, ordered by operator, then a TOTAL row per month that sums
/// the counts and the rounded amounts, `rate` as the card gives it and `amount` with 2
/// decimals. Each recipient pays its message's segments; only billable statuses are billed.
@Suite struct BillingAggregatorTests {
    static let nepali = String(repeating: "नमस्ते ", count: 12)   // 84 UTF-16 units: 2 segments
    static let long = String(repeating: "a", count: 161)          // 161 septets: 2 segments

    static let files = [
        UnitSnapshot.page(1): UnitJSON.page(count: 6, rows: [
            UnitJSON.row(sentAt: "2025-11-03T10:00:00+05:45", status: "DELIVERED", message: "Hello",
                         recipients: [UnitJSON.recipient("9841000001"), UnitJSON.recipient("9801000001")]),
            UnitJSON.row(sentAt: "2025-11-03T11:00:00+05:45", status: "REJECTED", message: long, phone: "9841000002"),
            UnitJSON.row(sentAt: "2025-11-04T11:00:00+05:45", status: "FAILED", message: nepali, phone: "9841000003"),
            // 18:30 UTC on 31 October is 00:15 on 1 November in Kathmandu: a November delivery.
            UnitJSON.row(sentAt: "2025-10-31T18:30:00Z", status: "SENT", message: "Hello", phone: "9901000001"),
            UnitJSON.row(sentAt: "2025-10-31T23:30:00+05:45", status: "DELIVERED", message: "Hello", phone: "9841000004"),
            UnitJSON.row(sentAt: "2025-11-02T09:00:00+05:45", status: "DELIVERED", message: "Hello", phone: "\"12345\""),
        ]),
    ]

    static func card(default defaultPrice: String? = "0.50", operators: [String: String] = ["NTC": "0.405", "NCELL": "0.45"],
                     billable: Set<DeliveryStatus> = RateCard.defaultBillableStatuses) throws -> RateCard {
        RateCard(name: "unit", defaultPrice: try defaultPrice.map { try Price(parsing: $0) },
                 operatorPrices: try operators.mapValues { try Price(parsing: $0) }, billableStatuses: billable)
    }

    static func tables(card: RateCard, from: String? = nil, to: String? = nil) async throws -> ReportTables {
        let options = UnitReport.options(from: from, to: to)
        let billing = BillingOptions(account: "acme", rateCard: card,
                                     months: BillingOptions.months(from: options.from, to: options.to))
        return try Aggregator.tables(for: try await UnitSnapshot.load(files), options: options, billing: billing)
    }

    /// The billing table's rows as CSV-like text, for comparison at a glance.
    static func rows(_ tables: ReportTables) throws -> [String] {
        let table = try #require(tables.billingTable)
        return table.rows.map { row in
            row.map { cell -> String in
                switch cell {
                case .empty: return ""
                case .text(let text), .number(let text): return text
                case .integer(let value): return String(value)
                default: return "\(cell)"
                }
            }.joined(separator: ",")
        }
    }

    @Test func linesPerMonthAndOperatorThenATotal() async throws {
        let tables = try await Self.tables(card: try Self.card())
        #expect(tables.billingTable?.columns.map(\.name) == ["account", "month", "operator", "deliveries",
            "billable_deliveries", "segments", "billable_segments", "rate", "amount", "currency"])
        #expect(try Self.rows(tables) == [
            // October: one NTC delivery of 1 segment at 0.405 → 0.405 → 0.40 (half to even).
            "acme,2025-10,NTC,1,1,1,1,0.405,0.40,NPR",
            "acme,2025-10,TOTAL,1,1,1,1,,0.40,NPR",
            // November, by operator name: INVALID and OTHER at the default price.
            "acme,2025-11,INVALID,1,1,1,1,0.50,0.50,NPR",
            "acme,2025-11,NCELL,1,1,1,1,0.45,0.45,NPR",
            // NTC: Hello (1, delivered), 161 a (2, rejected: not billed), Nepali (2, failed: billed).
            // 3 billable segments × 0.405 = 1.215 → 1.22.
            "acme,2025-11,NTC,3,2,5,3,0.405,1.22,NPR",
            "acme,2025-11,OTHER,1,1,1,1,0.50,0.50,NPR",
            "acme,2025-11,TOTAL,6,5,8,6,,2.67,NPR",
        ])
    }

    @Test func theTotalIsTheSumOfTheRoundedLines() async throws {
        let statement = try #require(try await Self.tables(card: try Self.card()).billing)
        for invoice in statement.invoices {
            #expect(invoice.amount == invoice.lines.reduce(Decimal(0)) { $0 + $1.amount })
            #expect(invoice.billableSegments == invoice.lines.reduce(0) { $0 + $1.billableSegments })
        }
    }

    @Test func onlyTheCardsBillableStatusesAreBilled() async throws {
        let tables = try await Self.tables(card: try Self.card(billable: [.delivered]))
        let november = try Self.rows(tables).filter { $0.hasPrefix("acme,2025-11,") }
        #expect(november == [
            "acme,2025-11,INVALID,1,1,1,1,0.50,0.50,NPR",
            "acme,2025-11,NCELL,1,1,1,1,0.45,0.45,NPR",
            "acme,2025-11,NTC,3,1,5,1,0.405,0.40,NPR",   // 0.405 → 0.40
            "acme,2025-11,OTHER,1,0,1,0,0.50,0.00,NPR",   // sent is not billable on this card
            "acme,2025-11,TOTAL,6,3,8,3,,1.35,NPR",
        ])
    }

    @Test func theDeliveriesCarryTheirBillableFlagForTheWorkbook() async throws {
        let tables = try await Self.tables(card: try Self.card())
        let flagged = try #require(tables.deliveriesWithBillableFlag)
        #expect(flagged.columns.map(\.name) == tables.deliveries.columns.map(\.name) + ["billable"])
        let statuses = UnitReport.texts(flagged, "status")
        let flags = UnitReport.column(flagged, "billable")
        #expect(zip(statuses, flags).allSatisfy { status, flag in flag == .boolean(status != "rejected") })
        // The contract's deliveries table keeps its columns.
        #expect(tables.deliveries.columns.last?.name == "segments")
        #expect(tables.all.map(\.name).suffix(2) == ["deliveries", "billing"])
        #expect(tables.workbookTables.first { $0.name == "deliveries" }?.columns.last?.name == "billable")
    }

    @Test func billableSegmentsOfTheDeliveriesEqualTheBillingLines() async throws {
        let tables = try await Self.tables(card: try Self.card())
        let flagged = try #require(tables.deliveriesWithBillableFlag)
        var fromDeliveries: [String: Int] = [:]
        for row in flagged.rows {
            let cells = Dictionary(uniqueKeysWithValues: zip(flagged.columns.map(\.name), row))
            guard case .day(let day)? = cells["day"], case .text(let operatorName)? = cells["operator"],
                  case .integer(let segments)? = cells["segments"], case .boolean(let billable)? = cells["billable"] else {
                Issue.record("unexpected row \(row)")
                continue
            }
            if billable {
                fromDeliveries["\(LocalMonth(containing: day)) \(operatorName)", default: 0] += segments
            }
        }
        let statement = try #require(tables.billing)
        var fromLines: [String: Int] = [:]
        for invoice in statement.invoices {
            for line in invoice.lines where line.billableSegments > 0 {
                fromLines["\(invoice.month) \(line.operatorName)"] = line.billableSegments
            }
        }
        #expect(fromDeliveries == fromLines)
    }

    @Test func anUnnamedOperatorFallsBackToTheDefaultAndIsNoticed() async throws {
        let tables = try await Self.tables(card: try Self.card(operators: ["NTC": "0.405"]))
        let statement = try #require(tables.billing)
        // OTHER and INVALID take the default by the contract; NCELL is a named operator the card forgot.
        #expect(statement.defaultPricedOperators == ["NCELL"])
        #expect(try Self.rows(tables).contains("acme,2025-11,NCELL,1,1,1,1,0.50,0.50,NPR"))
        #expect(statement.notices.contains { $0.contains("NCELL") && $0.contains("default price 0.50") })
        // The data-quality table keeps the contract's nine checks.
        #expect(tables.dataQuality.rowCount == DataQualityCheck.allCases.count)
    }

    @Test func withoutADefaultAnOperatorWithoutAPriceStopsTheBilling() async throws {
        let card = try Self.card(default: nil, operators: ["NTC": "0.405", "NCELL": "0.45", "OTHER": "0.5"])
        await #expect(throws: ReportError.missingRate(rateCard: "unit", operatorName: "INVALID")) {
            try await Self.tables(card: card)
        }
        #expect(ReportError.missingRate(rateCard: "unit", operatorName: "INVALID").exitStatus == .usageError)
    }

    @Test func operatorsWithoutDeliveriesNeedNoPrice() async throws {
        let card = try Self.card(default: nil, operators: ["NTC": "0.405"])
        let tables = try await Self.tables(card: card, from: "2025-10-01", to: "2025-10-31")
        #expect(try Self.rows(tables) == ["acme,2025-10,NTC,1,1,1,1,0.405,0.40,NPR", "acme,2025-10,TOTAL,1,1,1,1,,0.40,NPR"])
    }

    @Test func aMonthWithoutDeliveriesIsAZeroInvoice() async throws {
        let tables = try await Self.tables(card: try Self.card(), from: "2025-12-01", to: "2025-12-31")
        #expect(try Self.rows(tables) == ["acme,2025-12,TOTAL,0,0,0,0,,0.00,NPR"])
        let statement = try #require(tables.billing)
        #expect(statement.invoices.map(\.lines.isEmpty) == [true])
        #expect(statement.notices == ["no deliveries for acme in 2025-12: the invoice is zero"])
    }

    @Test func aPeriodOverSeveralMonthsBillsEachOfThem() async throws {
        let tables = try await Self.tables(card: try Self.card(), from: "2025-09-30", to: "2025-12-01")
        let months = try #require(tables.billing).invoices.map(\.month.description)
        #expect(months == ["2025-09", "2025-10", "2025-11", "2025-12"])
        #expect(try Self.rows(tables).filter { $0.contains(",TOTAL,") } == [
            "acme,2025-09,TOTAL,0,0,0,0,,0.00,NPR", "acme,2025-10,TOTAL,1,1,1,1,,0.40,NPR",
            "acme,2025-11,TOTAL,6,5,8,6,,2.67,NPR", "acme,2025-12,TOTAL,0,0,0,0,,0.00,NPR",
        ])
    }

    @Test func theMonthIsThatOfTheLocalDayInTheReportTimezone() async throws {
        // In UTC, 2025-10-31T18:30:00Z stays in October, and 23:30 Kathmandu is 17:45 UTC the same day.
        let options = UnitReport.options(timeZone: "UTC")
        let statement = try BillingAggregator.statement(for: try await UnitSnapshot.load(Self.files), options: options,
                                                        billing: BillingOptions(rateCard: try Self.card()))
        #expect(statement.account == "default")
        #expect(statement.invoices.map { "\($0.month) \($0.deliveries)" } == ["2025-10 2", "2025-11 5"])
    }

    @Test func theRateIsWrittenAsTheCardGivesIt() async throws {
        let tables = try await Self.tables(card: try Self.card(default: ".5", operators: ["NTC": "0.4050", "NCELL": "1"]))
        let rows = try Self.rows(tables)
        #expect(rows.contains("acme,2025-11,INVALID,1,1,1,1,.5,0.50,NPR"))
        #expect(rows.contains("acme,2025-11,NCELL,1,1,1,1,1,1.00,NPR"))
        #expect(rows.contains("acme,2025-11,NTC,3,2,5,3,0.4050,1.22,NPR"))
    }
}
