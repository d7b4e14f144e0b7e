@testable import GatewayAPI
import Testing

/// The base URL is the only origin requests go to (contract §6).
@Suite struct APIBaseURLTests {
    @Test func parsesSchemeHostPortAndPrefix() throws {
        let url = try #require(APIBaseURL("http://127.0.0.1:8080/gateway/"))
        #expect(url.url("/api/batch-ids") == "http://127.0.0.1:8080/gateway/api/batch-ids")
        #expect(url.description == "http://127.0.0.1:8080/gateway")
        #expect(try #require(APIBaseURL("https://dicesms.asia")).url("/api/sms-report/?page=2")
                == "https://dicesms.asia/api/sms-report/?page=2")
    }

    @Test func rejectsWhatIsNotAnHTTPURLWithAHost() {
        #expect(APIBaseURL("ftp://host") == nil)
        #expect(APIBaseURL("dicesms.asia") == nil)
        #expect(APIBaseURL("https://") == nil)
        #expect(APIBaseURL("https://user:pass@host") == nil)
        #expect(APIBaseURL("https://host/?q=1") == nil)
    }

    @Test func nextLinksKeepOnlyPathAndQuery() throws {
        let base = try #require(APIBaseURL("https://dicesms.asia"))
        #expect(base.pathAndQuery(ofLink: "https://dicesms.asia/api/sms-report/?page=2") == "/api/sms-report/?page=2")
        #expect(base.pathAndQuery(ofLink: "http://evil.example:9/api/sms-report/?page=3") == "/api/sms-report/?page=3")
        #expect(base.pathAndQuery(ofLink: "/api/sms-report/?page=4") == "/api/sms-report/?page=4")
        #expect(base.pathAndQuery(ofLink: "https://dicesms.asia") == nil)
    }

    /// Issue 11, item 10: under a base path, `next` links carry the prefix once.
    @Test func nextLinksUnderABasePathLoseThePrefixThatTheURLAddsBack() throws {
        let base = try #require(APIBaseURL("https://host/gateway"))
        let link = "https://host/gateway/api/sms-report/?page=2"
        let target = try #require(base.pathAndQuery(ofLink: link))
        #expect(target == "/api/sms-report/?page=2")
        #expect(base.url(target) == link)
        #expect(base.pathAndQuery(ofLink: "/gateway/api/sms-report/?page=3") == "/api/sms-report/?page=3")
        #expect(base.pathAndQuery(ofLink: "https://host/api/sms-report/?page=4") == "/api/sms-report/?page=4",
                "a link without the prefix is taken as relative to the base URL")
        #expect(base.pathAndQuery(ofLink: "https://host/gatewayish/api/?page=5") == "/gatewayish/api/?page=5")
    }

    @Test func batchIDsArePercentEncodedInPaths() {
        #expect(APIBaseURL.encodePathSegment("881127472383-4566") == "881127472383-4566")
        #expect(APIBaseURL.encodePathSegment("campaign/2025-11 A") == "campaign%2F2025-11%20A")
        #expect(APIBaseURL.encodePathSegment("../x?y#z") == "..%2Fx%3Fy%23z")
        #expect(APIBaseURL.encodePathSegment("..") == "%2E%2E")
        #expect(APIBaseURL.encodePathSegment(".") == "%2E")
        #expect(APIBaseURL.encodePathSegment(".hidden") == ".hidden")
        #expect(APIBaseURL.encodePathSegment("...") == "...")
        #expect(APIBaseURL.encodePathSegment("तिहार") == "%E0%A4%A4%E0%A4%BF%E0%A4%B9%E0%A4%BE%E0%A4%B0")
    }

    @Test func pageNumbersAreReadFromLinks() {
        #expect(PageSummary.pageNumber(inLink: "/api/sms-report/?page=12") == 12)
        #expect(PageSummary.pageNumber(inLink: "/api/sms-report/?size=5&page=3") == 3)
        #expect(PageSummary.pageNumber(inLink: "/api/sms-report/") == nil)
    }
}
