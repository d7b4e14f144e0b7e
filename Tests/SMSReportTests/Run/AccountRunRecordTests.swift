import Foundation
@testable import SMSRun
import Testing

/// `run.json` and the per-account line at the end of a run.
@Suite struct AccountRunRecordTests {
    static let record = AccountRunRecord(
        account: "acme", period: "2025-11-04", periodFrom: "2025-11-04", periodTo: "2025-11-04",
        startedAt: "2025-11-05T01:00:00+05:45", finishedAt: "2025-11-05T01:00:09+05:45",
        outcome: .incomplete, exitStatus: .incompleteData, snapshot: "reports/acme/snapshots/20251104T191500Z",
        complete: false, incompleteReasons: ["1 batch report failed"], deliveries: 1_234_567, delivered: 1_187_654,
        deliveryRate: 0.962, files: ["reports/acme/2025-11-04/report.xlsx"],
        email: .init(status: .sent, recipients: ["ops@acme.example"], subject: "[INCOMPLETE] SMS report"),
        durations: ["fetch": 3.14, "report": 0.42, "deliver": 0.81, "total": 4.4])

    @Test func runJSONUsesTheSnakeCaseKeysAndRoundTrips() throws {
        let data = Self.record.json()
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["exit_code"] as? Int == 3)
        #expect(object["delivery_rate"] as? Double == 0.962)
        #expect(object["incomplete_reasons"] as? [String] == ["1 batch report failed"])
        #expect((object["email"] as? [String: Any])?["left_out"] as? [String] == [])
        #expect(try JSONDecoder().decode(AccountRunRecord.self, from: data) == Self.record)
    }

    @Test func theSummaryLineGivesCountsRateDurationsAndOutcome() {
        #expect(Self.record.summaryLine == "acme 2025-11-04: 1,234,567 deliveries, 96.2% delivered; "
                + "fetch 3.1 s, report 0.4 s, deliver 0.8 s; incomplete (exit 3), email sent")
    }

    @Test func aFailedAccountSaysWhy() {
        let record = AccountRunRecord(account: "beta", period: "2025-11", periodFrom: "2025-11-01", periodTo: "2025-11-30",
                                      startedAt: "", finishedAt: "", outcome: .authenticationRefused, exitStatus: .authenticationRefused,
                                      error: "the API refused the token (401)", durations: ["fetch": 0.2])
        #expect(record.summaryLine == "beta 2025-11: no report; fetch 0.2 s; authentication_refused (exit 5): the API refused the token (401)")
    }
}
