import Testing

/// Contract §8: secrets are never echoed, and are sent over TLS unless the host is
/// loopback or `allow_insecure: true` says otherwise (logged as a warning).
@Suite struct ConfigSecretsTests {
    static func account(baseURL: String = "https://dicesms.asia", tokenEnv: String = "ACME_TOKEN", extra: String = "") -> String {
        "accounts:\n  - name: acme\n    base_url: \(baseURL)\n    token_env: \(tokenEnv)\n" + extra
    }

    @Test(arguments: ["sk_live_9fQ2xV7pLm", "ghp_abcDEF123", "9ABCDEF0123456", "acme-token", "\"ABC DEF\""])
    func aValueThatIsNotAVariableNameIsRefusedWithoutEchoingIt(_ secret: String) throws {
        let fixture = try ConfigFixture()
        let error = try #require(try fixture.error(Self.account(tokenEnv: secret), requirements: .apiTokens))
        #expect(error.keyPath.description == "accounts[0].token_env")
        #expect(error.line == 4)
        #expect(!error.description.contains(secret.replacingOccurrences(of: "\"", with: "")))
    }

    @Test func aPastedPasswordInPasswordEnvIsNotEchoed() throws {
        let fixture = try ConfigFixture()
        let yaml = "smtp:\n  host: 127.0.0.1\n  from: r@example.com\n  username: r\n  password_env: hunter2-Pa55\n" + ConfigFixture.minimal
        let error = try #require(try fixture.error(yaml))
        #expect(error.keyPath.description == "smtp.password_env")
        #expect(!error.description.contains("hunter2"))
    }

    @Test(arguments: ["https://user:s3cr3t-pw@dicesms.asia", "http://s3cr3t-pw@127.0.0.1:8080", "https://user:s3cr3t-pw@dicesms.asia:x/y"])
    func aBaseURLWithCredentialsIsRefusedWithoutRepeatingThem(_ url: String) throws {
        let fixture = try ConfigFixture()
        let error = try #require(try fixture.error(Self.account(baseURL: url), requirements: .apiTokens))
        #expect(error.keyPath.description == "accounts[0].base_url")
        #expect(!error.description.contains("s3cr3t-pw"))
        #expect(!error.description.contains("user:"))
    }

    @Test func plainHTTPToAHostThatIsNotLoopbackIsRefused() throws {
        let fixture = try ConfigFixture()
        let error = try #require(try fixture.error(Self.account(baseURL: "http://dicesms.asia"), requirements: .apiTokens))
        #expect(error.keyPath.description == "accounts[0].base_url")
        #expect(error.description.contains("allow_insecure"))
        for loopback in ["http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:8080/gateway", "http://127.5.0.1"] {
            #expect(try fixture.error(Self.account(baseURL: loopback), requirements: .apiTokens) == nil, "\(loopback)")
        }
    }

    @Test func allowInsecureLiftsTheRuleAndIsWarnedAbout() throws {
        let fixture = try ConfigFixture()
        let config = try fixture.load(Self.account(baseURL: "http://gateway.internal", extra: "    allow_insecure: true\n"),
                                      requirements: .apiTokens)
        #expect(config.accounts[0].allowsInsecure)
        #expect(config.insecureTransportWarnings == ["account acme: allow_insecure is set: its API token goes in clear text to http://gateway.internal"])
        let safe = try fixture.load(Self.account(extra: "    allow_insecure: true\n"), requirements: .apiTokens)
        #expect(safe.insecureTransportWarnings.isEmpty)
    }

    @Test func smtpWithoutTLSToAHostThatIsNotLoopbackNeedsAllowInsecure() throws {
        let fixture = try ConfigFixture()
        let smtp = "smtp:\n  host: mail.example.com\n  security: none\n  from: r@example.com\n"
        let error = try #require(try fixture.error(smtp + ConfigFixture.minimal))
        #expect(error.keyPath.description == "smtp.security")
        #expect(error.line == 3)
        let allowed = try fixture.load(smtp + "  allow_insecure: true\n" + ConfigFixture.minimal)
        #expect(allowed.insecureTransportWarnings == ["smtp: allow_insecure is set: mail and password go in clear text to mail.example.com:25"])
        #expect(try fixture.error("smtp:\n  host: 127.0.0.1\n  security: none\n  from: r@example.com\n" + ConfigFixture.minimal) == nil)
    }
}
