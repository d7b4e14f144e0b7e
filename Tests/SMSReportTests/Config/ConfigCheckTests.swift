@testable import SMSConfig
import Testing

/// `run --config FILE --check`: a summary that names the variables found, never their values.
@Suite struct ConfigCheckTests {
    @Test func theSampleConfigChecksCleanAndShowsNoSecret() throws {
        let path = PackagePaths.root + "/samples/config.yaml"
        let check = RunConfig.check(path: path, environment: ConfigDecodingTests.sampleEnvironment)
        #expect(check.errors.isEmpty)
        #expect(check.exitStatus == .success)
        let text = check.lines.joined(separator: "\n")
        #expect(check.lines.first == "\(path): valid")
        #expect(text.contains("account acme: http://127.0.0.1:8080, rate card standard, email to ops@acme.example, finance@acme.example"))
        #expect(text.contains("account globex: http://127.0.0.1:8081, rate card delivered_only, email to reports@globex.example"))
        #expect(text.contains("smtp: smtp.example.com:587 starttls, AUTH as reports@example.com"))
        #expect(check.lines.last == "environment: ACME_SMS_TOKEN set, GLOBEX_SMS_TOKEN set, SMTP_PASSWORD set")
        for secret in ConfigDecodingTests.sampleEnvironment.values {
            #expect(!text.contains(secret))
        }
    }

    @Test func theSampleNeedsItsVariables() {
        let check = RunConfig.check(path: PackagePaths.root + "/samples/config.yaml", environment: [:])
        #expect(check.exitStatus == .usageError)
        #expect(check.errors.map(\.problem) == [.unsetEnvironmentVariable("ACME_SMS_TOKEN"), .unsetEnvironmentVariable("GLOBEX_SMS_TOKEN"),
                                                .unsetEnvironmentVariable("SMTP_PASSWORD")])
    }

    @Test func secretsPrintRedacted() throws {
        let fixture = try ConfigFixture()
        let config = try fixture.load(ConfigFixture.minimal + "\nsmtp: {host: mail, from: r@example.com, username: u, password_env: SMTP_PASSWORD}")
        let dumped = "\(config) \(String(reflecting: config)) \(String(describing: config.smtp?.password))"
        for secret in fixture.environment.values {
            #expect(!dumped.contains(secret))
        }
        #expect(dumped.contains("<redacted>"))
    }

    @Test func aCheckOfSomeAccountsSaysSo() throws {
        let fixture = try ConfigFixture()
        let path = try fixture.write(ConfigFixture.minimal + "\n  - {name: beta, base_url: \"http://127.0.0.1:9\", token_env: ACME_TOKEN}")
        let check = RunConfig.check(path: path, environment: fixture.environment, accounts: ["beta"])
        #expect(check.lines.contains("1 of 2 accounts, 2 at a time; concurrency 4, recheck 48 h, keep 14 snapshots"))
        #expect(check.lines.contains("smtp: none"))
    }
}
