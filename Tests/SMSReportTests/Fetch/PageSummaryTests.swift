@testable import GatewayAPI
@testable import SnapshotFormat
import Testing

/// The fetch reads count, next and the newest sent_at of a page to plan paging.
@Suite struct PageSummaryTests {
    @Test func readsCountNextAndNewestSentAt() throws {
        let body = """
            {"count": 59, "next": "https://dicesms.asia/api/sms-report/?page=2", "previous": null, "results": [
              {"message": "a", "recipients": [], "sent_at": "2025-11-04T17:00:45.185164+05:45", "delivered_at": null, "status": "SENT"},
              {"message": "b", "recipients": [], "sent_at": "2025-11-04T17:00:46Z", "delivered_at": null, "status": "SENT"}
            ]}
            """
        let summary = try #require(PageSummary(body: Array(body.utf8)))
        #expect(summary.count == 59)
        #expect(summary.next == "https://dicesms.asia/api/sms-report/?page=2")
        #expect(summary.rowCount == 2)
        #expect(summary.newestSentAt == TimestampParser.parse("2025-11-04T17:00:46Z"))
    }

    @Test func lastPageHasNoNextAndBadBodiesAreNil() throws {
        let empty = try #require(PageSummary(body: Array(#"{"count": 0, "next": null, "results": []}"#.utf8)))
        #expect(empty.next == nil && empty.rowCount == 0 && empty.newestSentAt == nil)
        let last = try #require(PageSummary(body: Array("""
            {"count": null, "next": null, "previous": "https://dicesms.asia/api/sms-report/?page=1", "results": [
              {"message": "a", "recipients": [], "sent_at": "2025-11-04T17:00:45Z", "delivered_at": null, "status": "SENT"}]}
            """.utf8)))
        #expect(last.count == nil && last.next == nil && last.rowCount == 1)
        #expect(PageSummary(body: Array("[1, 2]".utf8)) == nil)
        #expect(PageSummary(body: Array("{\"count\": ".utf8)) == nil)
    }

    /// Issue 11, item 4: a `count` that is not a whole number from 0 to a billion is
    /// kept as text and never used for arithmetic.
    @Test(arguments: ["1000000000000000000", "9223372036854775807", "-5", "1e30", "12.5",
                      "99999999999999999999999999"])
    func anAbsurdCountIsUnusable(literal: String) throws {
        let body = #"{"count": \#(literal), "next": "https://dicesms.asia/api/sms-report/?page=2", "results": []}"#
        let summary = try #require(PageSummary(body: Array(body.utf8)))
        #expect(summary.count == nil)
        #expect(summary.unusableCount == literal)
    }

    @Test func theLargestCountIsUsable() throws {
        let summary = try #require(PageSummary(body: Array(#"{"count": 1000000000, "next": null, "results": []}"#.utf8)))
        #expect(summary.count == 1_000_000_000 && summary.unusableCount == nil)
    }

    @Test func absurdPageNumbersInLinksAreNotNumbers() {
        #expect(PageSummary.pageNumber(inLink: "/api/sms-report/?page=9223372036854775807") == nil)
        #expect(PageSummary.pageNumber(inLink: "/api/sms-report/?page=99999999999999999999") == nil)
        #expect(PageSummary.pageNumber(inLink: "/api/sms-report/?page=-3") == nil)
        #expect(PageSummary.pageNumber(inLink: "/api/sms-report/?page=0") == nil)
    }
}
