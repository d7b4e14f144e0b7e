@testable import MailCore
@testable import SMSConfig
@testable import SMSRender
import Testing

/// Contract §8 / issue 6: every config problem is one line naming the file, the key path
/// and the line, with exit code 2.
@Suite struct ConfigErrorTests {
    /// A valid config; each case changes one line of it (line numbers on the left).
    static let base = [
        /*  1 */ "timezone: Asia/Kathmandu",
        /*  2 */ "rate_cards:",
        /*  3 */ "  standard:",
        /*  4 */ "    default: \"0.50\"",
        /*  5 */ "    operators: {NTC: \"0.40\"}",
        /*  6 */ "accounts:",
        /*  7 */ "  - name: acme",
        /*  8 */ "    base_url: https://dicesms.asia",
        /*  9 */ "    token_env: ACME_TOKEN",
        /* 10 */ "    rate_card: standard",
        /* 11 */ "  - name: beta",
        /* 12 */ "    base_url: https://dicesms.asia",
        /* 13 */ "    token_env: ACME_TOKEN",
        /* 14 */ "    rate_card: standard",
        /* 15 */ "    email_to: [ops@beta.example]",
        /* 16 */ "smtp:",
        /* 17 */ "  host: mail.example.com",
        /* 18 */ "  from: r@example.com",
        /* 19 */ "  username: reports",
        /* 20 */ "  password_env: SMTP_PASSWORD",
    ]

    /// The base config with line `number` (1-based) replaced by `text` (which may hold several lines).
    static func base(replacing number: Int, with text: String) -> String {
        var lines = base
        lines[number - 1] = text
        return lines.joined(separator: "\n") + "\n"
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let keyPath: String
        let line: Int?
        let problem: ConfigProblem
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown top-level key", yaml: base(replacing: 1, with: "timezones: Asia/Kathmandu"),
             keyPath: "timezones", line: 1, problem: .unknownKey("timezones", expected: RunConfigDecoder.topLevelKeys)),
        Case(name: "unknown account key", yaml: base(replacing: 15, with: "    emial_to: [ops@beta.example]"),
             keyPath: "accounts[1].emial_to", line: 15, problem: .unknownKey("emial_to", expected: RunConfigDecoder.accountKeys)),
        Case(name: "unknown rate card key", yaml: base(replacing: 5, with: "    operator: {NTC: \"0.40\"}"),
             keyPath: "rate_cards.standard.operator", line: 5, problem: .unknownKey("operator", expected: RateCardDecoder.keys)),
        Case(name: "unknown smtp key", yaml: base(replacing: 18, with: "  from: r@example.com\n  starttls: yes"),
             keyPath: "smtp.starttls", line: 19, problem: .unknownKey("starttls", expected: RunConfigDecoder.smtpKeys)),
        Case(name: "text for a number", yaml: base(replacing: 1, with: "concurrency: four"),
             keyPath: "concurrency", line: 1, problem: .wrongType(expected: "a whole number", found: "the text \"four\"")),
        Case(name: "quoted number", yaml: base(replacing: 1, with: "keep_snapshots: \"14\""),
             keyPath: "keep_snapshots", line: 1, problem: .wrongType(expected: "a whole number", found: "the text \"14\"")),
        Case(name: "a word for a list", yaml: base(replacing: 1, with: "formats: xlsx"),
             keyPath: "formats", line: 1, problem: .wrongType(expected: "a list of formats such as [xlsx, csv]", found: "the text \"xlsx\"")),
        Case(name: "a list for a mapping", yaml: base(replacing: 16, with: "smtp: [mail.example.com]\nx:"),
             keyPath: "smtp", line: 16, problem: .wrongType(expected: "a mapping of keys to values", found: "a list")),
        Case(name: "not a boolean", yaml: base(replacing: 18, with: "  from: r@example.com\n  tls_verify: sometimes"),
             keyPath: "smtp.tls_verify", line: 19, problem: .wrongType(expected: "true or false", found: "the text \"sometimes\"")),
        Case(name: "missing token_env", yaml: base(replacing: 9, with: "    # no token"),
             keyPath: "accounts[0].token_env", line: 7, problem: .missingKey),
        Case(name: "missing accounts", yaml: "timezone: Asia/Kathmandu\n",
             keyPath: "accounts", line: 1, problem: .missingKey),
        Case(name: "null base_url", yaml: base(replacing: 12, with: "    base_url:"),
             keyPath: "accounts[1].base_url", line: 12, problem: .wrongType(expected: "a value", found: "nothing (null)")),
        Case(name: "account name with a slash", yaml: base(replacing: 11, with: "  - name: beta/../x"),
             keyPath: "accounts[1].name", line: 11, problem: .unsafeAccountName("beta/../x")),
        Case(name: "account name with a space", yaml: base(replacing: 11, with: "  - name: \"be ta\""),
             keyPath: "accounts[1].name", line: 11, problem: .unsafeAccountName("be ta")),
        Case(name: "duplicate account, other case", yaml: base(replacing: 11, with: "  - name: ACME"),
             keyPath: "accounts[1].name", line: 11,
             problem: .duplicateAccount("ACME", firstKeyPath: ConfigKeyPath.root.appending("accounts").appending(index: 0).appending("name"), firstLine: 7)),
        Case(name: "rate card that does not exist", yaml: base(replacing: 14, with: "    rate_card: gold"),
             keyPath: "accounts[1].rate_card", line: 14, problem: .unknownRateCard("gold", known: ["standard"])),
        Case(name: "negative price", yaml: base(replacing: 5, with: "    operators: {NTC: \"-0.40\"}"),
             keyPath: "rate_cards.standard.operators.NTC", line: 5, problem: .invalidPrice(.negative("-0.40"))),
        Case(name: "price that is not a number", yaml: base(replacing: 4, with: "    default: cheap"),
             keyPath: "rate_cards.standard.default", line: 4, problem: .invalidPrice(.notANumber("cheap"))),
        Case(name: "price with an exponent", yaml: base(replacing: 4, with: "    default: 5e-1"),
             keyPath: "rate_cards.standard.default", line: 4, problem: .invalidPrice(.notANumber("5e-1"))),
        Case(name: "unknown billable status", yaml: base(replacing: 5, with: "    operators: {NTC: \"0.40\"}\n    billable_statuses: [delivered, bounced]"),
             keyPath: "rate_cards.standard.billable_statuses[1]", line: 6, problem: .unknownStatus("bounced")),
        Case(name: "currency that is not a code", yaml: base(replacing: 4, with: "    default: \"0.50\"\n    currency: rupees"),
             keyPath: "rate_cards.standard.currency", line: 5,
             problem: .invalidValue("\"rupees\" is not a currency: use a three-letter upper-case code such as NPR")),
        Case(name: "unknown status in status_map", yaml: base(replacing: 1, with: "status_map: {DLVRD: arrived}"),
             keyPath: "status_map.DLVRD", line: 1, problem: .unknownStatus("arrived")),
        Case(name: "odd key quoted in the path", yaml: base(replacing: 1, with: "status_map: {\"DLV.RD\\n\": arrived}"),
             keyPath: "status_map.\"DLV.RD\\n\"", line: 1, problem: .unknownStatus("arrived")),
        Case(name: "operator prefix of two digits", yaml: base(replacing: 1, with: "operator_prefixes:\n  NTC: [\"984\", \"98\"]"),
             keyPath: "operator_prefixes.NTC[1]", line: 2, problem: .invalidValue("\"98\" is not a three-digit prefix such as \"984\"")),
        Case(name: "unknown timezone", yaml: base(replacing: 1, with: "timezone: Mars/Olympus"),
             keyPath: "timezone", line: 1, problem: .invalidValue("unknown IANA timezone \"Mars/Olympus\" (e.g. Asia/Kathmandu)")),
        Case(name: "unknown format", yaml: base(replacing: 1, with: "formats: [csv, pdf]"),
             keyPath: "formats[1]", line: 1,
             problem: .invalidValue("unknown format \"pdf\" (this version writes: \(ReportFormat.available.map(\.rawValue).joined(separator: ", ")))")),
        Case(name: "zero concurrency", yaml: base(replacing: 1, with: "concurrency: 0"),
             keyPath: "concurrency", line: 1, problem: .invalidValue("must be between 1 and 1024, not 0")),
        Case(name: "base URL that is not http", yaml: base(replacing: 8, with: "    base_url: ftp://dicesms.asia"),
             keyPath: "accounts[0].base_url", line: 8, problem: .invalidValue("\"ftp://dicesms.asia\" is not an http(s) URL with a host")),
        Case(name: "a secret where a variable name belongs", yaml: base(replacing: 9, with: "    token_env: \"abc123 secret\""),
             keyPath: "accounts[0].token_env", line: 9,
             problem: .invalidValue("is not an environment variable name (A-Z, 0-9 and _, not starting with a digit): write the name of the variable that holds the secret, never the secret itself (the value is not repeated here)")),
        Case(name: "bad email address", yaml: base(replacing: 15, with: "    email_to: [ops at beta]"),
             keyPath: "accounts[1].email_to[0]", line: 15, problem: .invalidValue(EmailAddressError.invalid("ops at beta", reason: EmailAddress.addressRule).description + "; e.g. ops@example.com")),
        Case(name: "email without smtp", yaml: base.prefix(15).joined(separator: "\n"),
             keyPath: "accounts[1].email_to", line: 15, problem: .invalidValue("sending email needs an `smtp` section")),
        Case(name: "unknown security", yaml: base(replacing: 18, with: "  from: r@example.com\n  security: ssl"),
             keyPath: "smtp.security", line: 19, problem: .invalidValue("\"ssl\" is not a security mode (use starttls, tls or none)")),
        Case(name: "unknown csv_bom", yaml: base(replacing: 1, with: "csv_bom: sometimes"),
             keyPath: "csv_bom", line: 1, problem: .invalidValue("\"sometimes\" is not one of email, always, never")),
        Case(name: "port out of range", yaml: base(replacing: 18, with: "  from: r@example.com\n  port: 70000"),
             keyPath: "smtp.port", line: 19, problem: .invalidValue("must be between 1 and 65535, not 70000")),
        Case(name: "username without password_env", yaml: base(replacing: 20, with: "  # no password"),
             keyPath: "smtp.password_env", line: 17, problem: .missingKey),
        Case(name: "password_env without username", yaml: base(replacing: 19, with: "  # no user"),
             keyPath: "smtp.password_env", line: 20,
             problem: .invalidValue("is given but smtp.username is not: give both, or neither to send without AUTH")),
        Case(name: "sender with a line break", yaml: base(replacing: 18, with: "  from: \"r@example.com\\r\\nBcc: all@example.com\""),
             keyPath: "smtp.from", line: 18,
             problem: .invalidValue(EmailAddressError.invalid("r@example.com\r\nBcc: all@example.com", reason: EmailAddress.addressRule).description
                                    + #"; e.g. "SMS Reports <reports@example.com>""#)),
        Case(name: "duplicate key", yaml: base(replacing: 17, with: "  host: a.example.com\n  host: b.example.com"),
             keyPath: "", line: 17, problem: .duplicateKey("host")),
        Case(name: "empty file", yaml: "",
             keyPath: "", line: nil, problem: .invalidValue("the file is empty; a config needs at least `accounts`")),
    ]

    @Test(arguments: cases)
    func eachProblemNamesItsKeyAndLine(_ testCase: Case) throws {
        let fixture = try ConfigFixture()
        let error = try #require(try fixture.error(testCase.yaml))
        #expect(error.keyPath.description == testCase.keyPath)
        #expect(error.line == testCase.line)
        #expect(error.problem == testCase.problem)
        #expect(error.exitStatus == .usageError)
        #expect(!error.description.contains { $0.isNewline })
    }

    @Test func theMessageIsOneLineWithFileLineAndKey() throws {
        let fixture = try ConfigFixture()
        let path = try fixture.write(Self.base(replacing: 14, with: "    rate_card: gold"))
        let error = #expect(throws: ConfigError.self) {
            try RunConfig.load(path: path, environment: fixture.environment)
        }
        #expect(error?.description == "\(path):14: accounts[1].rate_card: no rate card named \"gold\" (rate_cards has: standard)")
    }

    @Test func syntaxErrorsNameTheirLine() throws {
        let fixture = try ConfigFixture()
        let error = try #require(try fixture.error(Self.base(replacing: 12, with: "    base_url: https://dicesms.asia: x")))
        guard case let .invalidYAML(reason) = error.problem else {
            Issue.record("expected invalid YAML, got \(error.problem)")
            return
        }
        #expect(reason.contains("mapping values are not allowed"))
        #expect(error.line == 12)
        #expect(error.keyPath == .root)
        #expect(error.description.hasPrefix(fixture.folder.path + "/config.yaml:12: not valid YAML: "))
    }

    @Test func anUnsetTokenVariableNamesTheAccountsKey() throws {
        var fixture = try ConfigFixture()
        fixture.environment = ["SMTP_PASSWORD": "p"]
        let error = try #require(try fixture.error(Self.base.joined(separator: "\n")))
        #expect(error.keyPath.description == "accounts[0].token_env")
        #expect(error.line == 9)
        #expect(error.problem == .unsetEnvironmentVariable("ACME_TOKEN"))
        #expect(error.description.hasSuffix("accounts[0].token_env: environment variable ACME_TOKEN is not set"))
    }

    @Test func anEmptyVariableIsNotSet() throws {
        var fixture = try ConfigFixture()
        fixture.environment = ["ACME_TOKEN": "t", "SMTP_PASSWORD": ""]
        let error = try #require(try fixture.error(Self.base.joined(separator: "\n")))
        #expect(error.keyPath.description == "smtp.password_env")
        #expect(error.line == 20)
        #expect(error.problem == .unsetEnvironmentVariable("SMTP_PASSWORD"))
    }

    @Test func anAccountThatIsNotInTheConfig() throws {
        let fixture = try ConfigFixture()
        let error = try #require(try fixture.error(Self.base.joined(separator: "\n"), accounts: ["gamma"]))
        #expect(error.keyPath.description == "accounts")
        #expect(error.line == 7)
        #expect(error.problem == .unknownAccount("gamma", known: ["acme", "beta"]))
    }

    @Test func aMissingFileIsAConfigError() {
        let error = #expect(throws: ConfigError.self) {
            try RunConfig.load(path: "/nonexistent/config.yaml", environment: [:])
        }
        #expect(error?.description == "/nonexistent/config.yaml: cannot read the file: no such file")
        #expect(error?.exitStatus == .usageError)
    }

    @Test func checkListsEveryProblemInFileOrder() throws {
        var fixture = try ConfigFixture()
        fixture.environment = ["ACME_TOKEN": "t"]
        var lines = Self.base
        lines[0] = "concurrency: many"
        lines[4] = "    operators: {NTC: \"-1\"}"
        lines[10] = "  - name: acme"
        lines[13] = "    rate_card: gold"
        let path = try fixture.write(lines.joined(separator: "\n"))
        let check = RunConfig.check(path: path, environment: fixture.environment)
        #expect(check.exitStatus == .usageError)
        #expect(check.config == nil)
        #expect(check.errors.map { "\($0.line ?? 0) \($0.keyPath)" } == [
            "1 concurrency",
            "5 rate_cards.standard.operators.NTC",
            "11 accounts[1].name",
            "14 accounts[1].rate_card",
            "20 smtp.password_env",
        ])
        #expect(check.lines == check.errors.map(\.description))
        #expect(throws: check.errors[0]) {
            try RunConfig.load(path: path, environment: fixture.environment)
        }
    }
}
