import Foundation
@testable import SMSConfig
@testable import SMSCore
@testable import SMSIngest
import SMSRender
import Testing

/// Contract §8: the config decodes into typed settings, with documented defaults.
@Suite struct ConfigDecodingTests {
    /// The variables `samples/config.yaml` names, with values that must never be printed.
    static let sampleEnvironment = ["ACME_SMS_TOKEN": "acme-token-value", "GLOBEX_SMS_TOKEN": "globex-token-value",
                                    "SMTP_PASSWORD": "smtp-password-value"]

    @Test func theSampleConfigDecodesCompletely() throws {
        let path = PackagePaths.root + "/samples/config.yaml"
        let config = try RunConfig.load(path: path, environment: Self.sampleEnvironment)
        #expect(config.timeZone.identifier == "Asia/Kathmandu")
        #expect(config.outputFolder == PackagePaths.root + "/out/run")
        #expect(config.formats == [.xlsx, .csv, .html])
        #expect(config.keepSnapshots == 14)
        #expect(config.concurrency == 4)
        #expect(config.parallelAccounts == 2)
        #expect(config.recheckHours == 48)
        #expect(config.lockFile == path + ".lock")

        let standard = try #require(config.rateCards["standard"])
        #expect(standard.currency == "NPR")
        #expect(standard.defaultPrice?.text == "0.50")
        #expect(standard.price(for: "NCELL")?.value == Decimal(string: "0.45"))
        #expect(standard.price(for: "OTHER")?.text == "0.50")
        #expect(standard.billableStatuses == Set(DeliveryStatus.allCases).subtracting([.rejected]))
        let deliveredOnly = try #require(config.rateCards["delivered_only"])
        #expect(deliveredOnly.currency == "NPR")
        #expect(deliveredOnly.billableStatuses == [.delivered])
        #expect(deliveredOnly.operatorPrices.isEmpty)

        #expect(config.accounts.map(\.name) == ["acme", "globex"])
        #expect(config.allAccountNames == ["acme", "globex"])
        let acme = config.accounts[0]
        #expect(acme.baseURL.description == "http://127.0.0.1:8080")
        #expect(acme.tokenVariable == "ACME_SMS_TOKEN")
        #expect(acme.token != nil)
        #expect(acme.rateCard == standard)
        #expect(acme.emailTo == ["ops@acme.example", "finance@acme.example"])
        #expect(config.accounts[1].emailTo == ["reports@globex.example"])
        #expect(config.accounts[1].rateCard?.name == "delivered_only")

        let smtp = try #require(config.smtp)
        #expect(smtp.host == "smtp.example.com")
        #expect(smtp.port == 587)
        #expect(smtp.security == .starttls)
        #expect(smtp.username == "reports@example.com")
        #expect(smtp.passwordVariable == "SMTP_PASSWORD")
        #expect(smtp.password?.secret == "smtp-password-value")
        #expect(smtp.from == "SMS Reports <reports@example.com>")
        #expect(smtp.fromAddress == "reports@example.com")
        #expect(smtp.maxAttachmentBytes == 10_000_000)
        #expect(smtp.verifiesCertificates)
        #expect(smtp.caFile == nil)

        #expect(config.statusMap.status(forRaw: " dlvrd ") == .delivered)
        #expect(config.statusMap.status(forRaw: "NACK") == .rejected)
        #expect(config.statusMap.status(forRaw: "DELIVRD") == .delivered)
        #expect(config.operators == OperatorTable.standard)
    }

    @Test func optionalKeysTakeTheirDefaults() throws {
        let fixture = try ConfigFixture()
        let config = try fixture.load(ConfigFixture.minimal)
        #expect(config.timeZone == .kathmandu)
        #expect(config.outputFolder == fixture.folder.path + "/reports")
        #expect(config.formats == ReportFormat.available)
        #expect(config.keepSnapshots == RunConfig.Defaults.keepSnapshots)
        #expect(config.concurrency == 4)
        #expect(config.parallelAccounts == 2)
        #expect(config.recheckHours == 48)
        #expect(config.rateCards.isEmpty)
        #expect(config.smtp == nil)
        #expect(config.statusMap == .standard)
        #expect(config.operators == .standard)
        #expect(config.accounts[0].rateCard == nil)
        #expect(config.accounts[0].emailTo.isEmpty)
        #expect(config.csvByteOrderMark == .email)
    }

    @Test func csvBOMChoosesWhichCSVsStartWithAByteOrderMark() throws {
        let fixture = try ConfigFixture()
        #expect(try fixture.load("csv_bom: always\n" + ConfigFixture.minimal).csvByteOrderMark == .always)
        #expect(try fixture.load("csv_bom: Never\n" + ConfigFixture.minimal).csvByteOrderMark == .never)
        #expect(try fixture.load("csv_bom: email\n" + ConfigFixture.minimal).csvByteOrderMark == .email)
    }

    @Test func pathsResolveFromTheConfigFolderAndAbsolutePathsStay() throws {
        let fixture = try ConfigFixture()
        try fixture.folder.write("-----BEGIN CERTIFICATE-----\n", to: "certs/ca.pem")
        let relative = try fixture.load("""
            output_dir: out/../nightly
            accounts: [{name: a, base_url: "http://127.0.0.1:1", token_env: ACME_TOKEN}]
            smtp: {host: localhost, from: r@example.com, ca_file: certs/ca.pem}
            """)
        #expect(relative.outputFolder == fixture.folder.path + "/nightly")
        #expect(relative.smtp?.caFile == fixture.folder.path + "/certs/ca.pem")
        #expect(relative.layout.periodFolder(account: "a", period: RunPeriod(day: LocalDay(year: 2025, month: 11, day: 4)))
                == fixture.folder.path + "/nightly/a/2025-11-04")
        let absolute = try fixture.load("output_dir: /srv/reports\n" + ConfigFixture.minimal)
        #expect(absolute.outputFolder == "/srv/reports")
    }

    @Test func smtpPortFollowsTheSecurityModeUnlessGiven() throws {
        let fixture = try ConfigFixture()
        for (security, port) in [("starttls", 587), ("tls", 465), ("none", 25)] {
            let config = try fixture.load(ConfigFixture.minimal + "\nsmtp: {host: localhost, from: r@example.com, security: \(security)}")
            #expect(config.smtp?.port == port)
            #expect(config.smtp?.security.rawValue == security)
            #expect(config.smtp?.username == nil)
            #expect(config.smtp?.password == nil)
        }
        let config = try fixture.load(ConfigFixture.minimal + "\nsmtp: {host: mail, from: r@example.com, port: 2525, tls_verify: false}")
        #expect(config.smtp?.port == 2525)
        #expect(config.smtp?.verifiesCertificates == false)
    }

    @Test func statusMapExtendsAndOperatorPrefixesReplace() throws {
        let fixture = try ConfigFixture()
        let config = try fixture.load(ConfigFixture.minimal + """

            status_map: {Sent: pending, DLVRD: Delivered}
            operator_prefixes:
              NTC: [984]
              NEWCO: ["963"]
            """)
        #expect(config.statusMap.status(forRaw: "SENT") == .pending)
        #expect(config.statusMap.status(forRaw: "dlvrd") == .delivered)
        #expect(config.statusMap.status(forRaw: "EXPIRED") == .expired)
        #expect(config.operators.operatorName(forPrefix: "984") == "NTC")
        #expect(config.operators.operatorName(forPrefix: "963") == "NEWCO")
        #expect(config.operators.operatorName(forPrefix: "980") == OperatorTable.other)
    }

    @Test func pricesKeepTheirDigitsWhetherQuotedOrNot() throws {
        let fixture = try ConfigFixture()
        let config = try fixture.load(ConfigFixture.minimal + """

            rate_cards:
              plain: {default: 0.10, operators: {NTC: 0.40}, currency: USD}
            """)
        let card = try #require(config.rateCards["plain"])
        #expect(card.defaultPrice?.text == "0.10")
        #expect(card.price(for: "ntc")?.text == "0.40")
        #expect(card.currency == "USD")
    }

    @Test func selectedAccountsAreTheOnlyOnesReturnedAndChecked() throws {
        let fixture = try ConfigFixture()
        let text = ConfigFixture.minimal + """

              - name: globex
                base_url: https://dicesms.asia
                token_env: GLOBEX_TOKEN
            """
        // GLOBEX_TOKEN is not set: selecting only acme does not need it.
        let config = try fixture.load(text, accounts: ["acme"])
        #expect(config.accounts.map(\.name) == ["acme"])
        #expect(config.allAccountNames == ["acme", "globex"])
        let error = try #require(try fixture.error(text))
        #expect(error.problem == .unsetEnvironmentVariable("GLOBEX_TOKEN"))
    }

    @Test func withoutRequirementsNoVariableIsNeeded() throws {
        var fixture = try ConfigFixture()
        fixture.environment = [:]
        let config = try fixture.load(ConfigFixture.minimal + """

            smtp: {host: mail, from: r@example.com, username: u, password_env: SMTP_PASSWORD}
            """, requirements: .none)
        #expect(config.accounts[0].token == nil)
        #expect(config.smtp?.password == nil)
        #expect(config.smtp?.passwordVariable == "SMTP_PASSWORD")
    }

    @Test func aBillingConfigNeedsNoSMTPPasswordWhenOnlyTokensAreRequired() throws {
        var fixture = try ConfigFixture()
        fixture.environment = ["ACME_TOKEN": "t"]
        let config = try fixture.load(ConfigFixture.minimal + "\nsmtp: {host: mail, from: r@example.com, username: u, password_env: SMTP_PASSWORD}",
                                      requirements: .apiTokens)
        #expect(config.accounts[0].token != nil)
    }
}
