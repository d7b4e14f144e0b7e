@testable import SMSCore
import Testing

/// Contract §6: a file that is not valid JSON gets an error naming the file; the
/// report says where the JSON stops making sense, whichever field it happens in.
@Suite struct JSONSyntaxInFieldTests {
    /// Line 2 holds the broken text; `column` is where its stray `}` stands.
    @Test(arguments: [
        (#""status": }"#, 11),
        (#""recipients": [{"client_phone": }"#, 33),
        (#""sent_at": }"#, 12),
        (#""delivered_at": }"#, 17),
        (#""recipients": }"#, 15),
    ])
    func syntaxErrorInAFieldValueIsInvalidJSON(brokenLine: String, column: Int) async throws {
        let body = #"{"count": 1, "next": null, "results": [{"message": "Hi","# + "\n" + brokenLine + "\n}]}"
        let error = try #require(try await UnitSnapshot.readError([UnitSnapshot.page(1): body]))
        #expect(error == .invalidJSON(file: "sms-report/page-000001.json", line: 2, column: column,
                                      reason: Self.reason(of: error)),
                "\(error)")
    }

    /// The reason text is the library's own wording; only file, line and column are checked.
    static func reason(of error: ReportError) -> String {
        if case .invalidJSON(_, _, _, let reason) = error { return reason }
        return ""
    }
}
