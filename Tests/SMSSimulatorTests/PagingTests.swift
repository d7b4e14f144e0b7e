import Foundation
import HummingbirdTesting
import SMSSimulator
import Testing

@Suite struct PagingTests {
    @Test func pagesChainByNextAndHoldEveryTruthRow() async throws {
        let server = try makeServer(deliveries: 300, pageSize: 20)
        try await withLiveServer(server) { client in
            var target: String? = "/api/sms-report/?page=1"
            var seen: [String] = []
            var pageNumber = 0
            var count = 0
            while let current = target {
                pageNumber += 1
                let response = try await client.get(current)
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let page = try Page(response)
                count = page.count
                #expect(page.previous == (pageNumber == 1 ? nil
                    : pageNumber == 2 ? "https://dicesms.asia/api/sms-report/"
                    : "https://dicesms.asia/api/sms-report/?page=\(pageNumber - 1)"))
                for row in page.results {
                    let sentAt = try #require(row["sent_at"] as? String)
                    let recipients = try #require(row["recipients"] as? [[String: Any]])
                    seen += try recipients.map { "\(sentAt)|\(try #require(phoneText($0["client_phone"])))" }
                }
                if let next = page.next {
                    #expect(next == "https://dicesms.asia/api/sms-report/?page=\(pageNumber + 1)")
                    target = try localTarget(ofLink: next)
                } else {
                    target = nil
                }
            }
            let truth = try await client.truth()
            #expect(pageNumber == (count + 19) / 20)
            #expect(truth.count == 300)
            #expect(Set(seen) == Set(truth.map { "\($0[0])|\($0[1])" }))
            #expect(seen.count == truth.count)
        }
    }

    @Test func quirkyPagesHoldEveryDeliveryOnce() async throws {
        let server = try makeServer(deliveries: 600, quirks: true, pageSize: 25)
        try await withLiveServer(server) { client in
            var target: String? = "/api/sms-report/"
            var rows: [String: Int] = [:]
            var served = 0
            while let current = target {
                let page = try Page(try await client.get(current))
                for row in page.results {
                    let sentAt = try #require(row["sent_at"] as? String)
                    let text = try #require(row["message"] as? String)
                    rows["\(sentAt)|\(text)"] = (row["recipients"] as? [Any])?.count
                    served += 1
                }
                target = try page.next.map(localTarget(ofLink:))
            }
            #expect(served == rows.count + 1, "the world's page-shift quirk repeats one row")
            #expect(rows.values.reduce(0, +) == (try await client.truth()).count)
        }
    }

    @Test func pageAddressesAndErrors() async throws {
        let server = try makeServer(deliveries: 100, pageSize: 50)
        try await withLiveServer(server) { client in
            let first = try Page(try await client.get("/api/sms-report/"))
            let withoutSlash = try Page(try await client.get("/api/sms-report?page=1"))
            #expect(first.results.count == 50)
            #expect(withoutSlash.results.count == 50)
            #expect(first.previous == nil)
            for target in ["/api/sms-report/?page=99", "/api/sms-report/?page=0", "/api/sms-report/?page=two"] {
                let response = try await client.get(target)
                #expect(response.status == .notFound)
                #expect(bodyText(response) == #"{"detail":"Invalid page."}"#)
            }
            #expect(try await client.stats().pages == [1, 1, 99, 0])
        }
    }

    @Test func shiftingPagesGrowCountAndTruth() async throws {
        let server = try makeServer(deliveries: 200, pageSize: 10, shift: try PageShiftPlan(everyPages: 2, size: 3))
        try await withLiveServer(server) { client in
            let truthBefore = try await client.truth()
            let page1 = try Page(try await client.get("/api/sms-report/?page=1"))
            let page2 = try Page(try await client.get("/api/sms-report/?page=2"))
            let page3 = try Page(try await client.get("/api/sms-report/?page=3"))
            #expect(page2.count == page1.count)
            #expect(page3.count == page1.count + 3, "three messages arrived after the second page request")
            let lastOfPage2 = try #require(page2.results.last?["sent_at"] as? String)
            #expect(page3.results[2]["sent_at"] as? String == lastOfPage2, "the rows of page 2 were pushed onto page 3")

            let top = try Page(try await client.get("/api/sms-report/?page=1"))
            let newest = try #require(top.results.first)
            #expect((newest["message"] as? String)?.hasPrefix("Your verification code is ") == true)
            let truthAfter = try await client.truth()
            #expect(truthAfter.count == truthBefore.count + 6, "the fourth page request brought three more")
            #expect(truthAfter.contains { $0[0] == newest["sent_at"] as? String })
            let fourth = try Page(try await client.get("/api/sms-report/?page=1"))
            #expect(fourth.count == page1.count + 6)
            #expect(try await client.stats().arrived == 6)
        }
    }
}
