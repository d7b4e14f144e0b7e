import Foundation
import SMSWorld
import Testing

@Suite("Pages of /api/sms-report/")
struct PageTests {
    /// Follows `next` from page 1 until it is null, as a fetcher does.
    private func followPages(_ pages: ReportPages) throws -> (bodies: [[String: Any]], rows: [Any]) {
        var bodies: [[String: Any]] = []
        var rows: [Any] = []
        var number = 1
        while true {
            let body = try #require(try parseJSON(pages.body(ofPage: number)) as? [String: Any])
            bodies.append(body)
            rows += try #require(body["results"] as? [Any])
            guard let next = body["next"] as? String else {
                #expect(body["next"] is NSNull)
                break
            }
            #expect(next == "https://dicesms.asia/api/sms-report/?page=\(number + 1)")
            number += 1
            try #require(number <= pages.pageCount)
        }
        #expect(number == pages.pageCount)
        return (bodies, rows)
    }

    @Test("Pages chain through next to null, and their rows are the world's rows",
          arguments: [(true, 50), (false, 50), (true, 7), (false, 1), (true, 1000)])
    func pagesCoverTheWorld(quirks: Bool, pageSize: Int) throws {
        let world = try makeWorld(quirks: quirks)
        let pages = try ReportPages(world: world, pageSize: pageSize)
        let (bodies, rows) = try followPages(pages)
        let keys = rows.compactMap(rowKey(of:))
        #expect(keys.count == rows.count)
        #expect(Set(keys) == Set(world.messages.map(rowKey(of:))))
        for body in bodies {
            #expect(body["count"] as? Int == world.messages.count)
        }
        #expect(bodies.first?["previous"] is NSNull)
        if bodies.count > 1 {
            #expect(bodies[1]["previous"] as? String == "https://dicesms.asia/api/sms-report/")
        }
    }

    @Test("Rows are newest first")
    func newestFirst() throws {
        let world = try makeWorld(quirks: false)
        let pages = try ReportPages(world: world, pageSize: 50)
        let indices = (1...pages.pageCount).flatMap { pages.messageIndices(onPage: $0) }
        #expect(indices == Array(world.messages.indices.reversed()))
    }

    @Test("With quirks, one row is repeated at the top of the next page")
    func pageShift() throws {
        let world = try makeWorld(quirks: true)
        let pages = try ReportPages(world: world, pageSize: 50)
        let repeated = try #require(pages.repeatedRow)
        let previousPage = pages.messageIndices(onPage: repeated.page - 1)
        let page = pages.messageIndices(onPage: repeated.page)
        #expect(previousPage.last == repeated.messageIndex)
        #expect(page.first == repeated.messageIndex)
        let (_, rows) = try followPages(pages)
        #expect(rows.count == world.messages.count + 1)
    }

    @Test("Without quirks, or on a single page, no row is repeated")
    func noPageShift() throws {
        #expect(try ReportPages(world: makeWorld(quirks: false), pageSize: 50).repeatedRow == nil)
        #expect(try ReportPages(world: makeWorld(quirks: true), pageSize: 10_000).repeatedRow == nil)
    }

    @Test("An empty world has one empty last page")
    func emptyWorld() throws {
        let pages = try ReportPages(world: makeWorld(deliveries: 0, quirks: true), pageSize: 50)
        #expect(pages.pageCount == 1)
        #expect(String(decoding: pages.body(ofPage: 1), as: UTF8.self)
            == #"{"count":0,"next":null,"previous":null,"results":[]}"#)
    }

    @Test("A page past the last gets the API's 404 body")
    func pastTheLastPage() throws {
        let pages = try ReportPages(world: makeWorld(quirks: false), pageSize: 50)
        #expect(String(decoding: pages.body(ofPage: pages.pageCount + 1), as: UTF8.self) == #"{"detail":"Invalid page."}"#)
    }

    @Test("A page size out of range is refused", arguments: [0, -1, 10_001])
    func badPageSize(pageSize: Int) throws {
        let world = try makeWorld(deliveries: 10, quirks: false)
        #expect(throws: ReportPages.Invalid.self) { try ReportPages(world: world, pageSize: pageSize) }
    }
}
