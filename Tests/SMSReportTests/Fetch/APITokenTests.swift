@testable import GatewayAPI
@testable import SMSFetch
import Testing

/// The token never shows when a value holding it is printed (contract §6).
@Suite struct APITokenTests {
    @Test func printingATokenShowsNoSecret() {
        let token = APIToken("s3cret-token-value")
        let request = FetchRequest(baseURL: APIBaseURL("https://dicesms.asia")!, token: token, outputFolder: "/tmp/x")
        for text in [String(describing: token), String(reflecting: token), "\(token)", String(describing: request),
                     String(reflecting: request)] {
            #expect(!text.contains("s3cret"), "leaked in: \(text)")
        }
        #expect(token.authorizationHeaderValue == "Token s3cret-token-value")
    }
}
