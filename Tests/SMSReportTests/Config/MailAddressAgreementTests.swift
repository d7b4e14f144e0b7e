@testable import MailCore
import Testing

/// Issue 11 item 9: `run --check` and sending use one address rule, so an address
/// the check accepts is one that sending accepts, and the other way round.
@Suite struct MailAddressAgreementTests {
    static let addresses = ["ops@acme.example", "opś@acme.example", "ops@ácme.example", "ops at acme", "ops@", "@acme.example",
                            "a;b@acme.example", "ops@localhost", "SMS Reports <ops@acme.example>", "\"o,p\"@acme.example",
                            "ops@acme.example\r\nBcc: x@y.example"]

    @Test(arguments: addresses)
    func theCheckAcceptsExactlyWhatSendingAccepts(_ address: String) throws {
        let fixture = try ConfigFixture()
        let quoted = address.debugDescription
        let yaml = "smtp:\n  host: 127.0.0.1\n  from: r@example.com\n" + ConfigFixture.minimal + "\n    email_to: [\(quoted)]\n"
        let checkAccepts = try fixture.error(yaml) == nil
        let sendingAccepts = (try? EmailAddress(parsing: address)) != nil
        #expect(checkAccepts == sendingAccepts)
        let sender = "smtp:\n  host: 127.0.0.1\n  from: \(quoted)\n" + ConfigFixture.minimal
        #expect((try fixture.error(sender) == nil) == sendingAccepts)
    }

    @Test func aNonASCIIAddressIsRefusedByTheCheck() throws {
        let fixture = try ConfigFixture()
        let error = try #require(try fixture.error("smtp:\n  host: 127.0.0.1\n  from: r@example.com\n" + ConfigFixture.minimal
                                                   + "\n    email_to: [opś@acme.example]\n"))
        #expect(error.keyPath.description == "accounts[0].email_to[0]")
    }
}
