import Foundation
import Logging
@testable import SMSRun
import Synchronization
import Testing

/// `--log-format json`: every log line is one JSON object a log shipper can parse.
@Suite struct JSONLinesLogHandlerTests {
    final class Lines: Sendable {
        let captured = Mutex<[String]>([])
    }

    @Test func eachEventIsOneParsableJSONObjectWithItsMetadata() throws {
        let lines = Lines()
        var logger = Logger(label: "sms-report.run") { label in
            JSONLinesLogHandler(label: label) { line in lines.captured.withLock { $0.append(line) } }
        }
        logger[metadataKey: "account"] = "acme"
        logger.warning("fetch \"incomplete\"\nretrying \u{01}", metadata: ["exit_code": "3"])
        let written = lines.captured.withLock { $0 }
        #expect(written.count == 1)
        #expect(written[0].hasSuffix("}\n"))
        #expect(written[0].dropLast().contains("\n") == false)
        let object = try #require(JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: String])
        #expect(object["message"] == "fetch \"incomplete\"\nretrying \u{01}")
        #expect(object["level"] == "warning")
        #expect(object["label"] == "sms-report.run")
        #expect(object["account"] == "acme")
        #expect(object["exit_code"] == "3")
        #expect(object["time"].flatMap { try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse($0) } != nil)
    }
}
