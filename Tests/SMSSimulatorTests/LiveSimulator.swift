import Foundation
import HummingbirdTesting
import Logging
import SMSSimulator
import SMSWorld
import Testing

/// The token every test server accepts.
let testToken = "test-token"

/// A simulator over a seeded world, with the given options.
func makeServer(deliveries: Int = 300, quirks: Bool = false, pageSize: Int = 20, isStaff: Bool = false,
                latency: Duration = .zero, faults: FaultPlan = .none, shift: PageShiftPlan = .none,
                oddities: OddityPlan = .none, rowLoss: RowLossPlan = .none, basePath: String = "") throws -> SimulatorServer {
    let world = try WorldParameters(deliveries: deliveries, days: 7, seed: 42, quirks: quirks)
    return try SimulatorServer(configuration: SimulatorConfiguration(
        world: world, pageSize: pageSize, token: testToken, isStaff: isStaff, latency: latency, faults: faults,
        shift: shift, oddities: oddities, rowLoss: rowLoss, basePath: basePath))
}

/// Runs `body` against `server` listening on loopback, through AsyncHTTPClient: a real
/// client over a real socket.
func withLiveServer<Value: Sendable>(_ server: SimulatorServer,
                                     _ body: @Sendable (LiveClient) async throws -> Value) async throws -> Value {
    var logger = Logger(label: "sms-api-sim-test", factory: { StreamLogHandler.standardError(label: $0) })
    logger.logLevel = .error
    return try await server.makeApplication(logger: logger).test(.ahc(.http)) { client in
        try await body(LiveClient(client: client))
    }
}

/// A client of a live simulator.
struct LiveClient: Sendable {
    let client: any TestClientProtocol

    /// `GET uri`, sending `Authorization: Token <token>` unless `authorization` says otherwise.
    func get(_ uri: String, authorization: String? = "Token \(testToken)") async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: authorization.map { [.authorization: $0] } ?? [:])
    }

    /// `POST uri` with no body.
    func post(_ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post)
    }

    /// The counters of `GET /__sim/stats`.
    func stats() async throws -> Stats {
        try Stats(json(try await get("/__sim/stats", authorization: nil)))
    }

    /// The ground truth of `GET /__sim/truth`, one record per delivery (header excluded).
    func truth() async throws -> [[String]] {
        let response = try await get("/__sim/truth", authorization: nil)
        return Array(CSV.records(bodyText(response)).dropFirst())
    }
}

/// `GET /__sim/stats`, parsed.
struct Stats {
    let requests: Int
    let byKind: [String: Int]
    let pages: [Int]
    let failuresInjected: Int
    let rateLimited: Int
    let dropped: Int
    let unauthorized: Int
    let arrived: Int
    let trickled: Int
    let batchReportTargets: [String]

    init(_ value: Any) throws {
        let object = try #require(value as? [String: Any])
        requests = try #require(object["requests"] as? Int)
        byKind = try #require(object["by_kind"] as? [String: Int])
        pages = try #require(object["pages"] as? [Int])
        failuresInjected = try #require(object["failures_injected"] as? Int)
        rateLimited = try #require(object["rate_limited"] as? Int)
        dropped = try #require(object["dropped"] as? Int)
        unauthorized = try #require(object["unauthorized"] as? Int)
        arrived = try #require(object["arrived"] as? Int)
        trickled = try #require(object["trickled"] as? Int)
        batchReportTargets = try #require(object["batch_report_targets"] as? [String])
    }
}

/// A response body as text.
func bodyText(_ response: TestResponse) -> String {
    String(decoding: response.body.readableBytesView, as: UTF8.self)
}

/// A response body parsed with Foundation, as an outside client would.
func json(_ response: TestResponse) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(bodyText(response).utf8), options: [.fragmentsAllowed])
}

/// A page body's `count`, `next` and `results`.
struct Page {
    let count: Int
    let next: String?
    let previous: String?
    let results: [[String: Any]]

    init(_ response: TestResponse) throws {
        let object = try #require(try json(response) as? [String: Any])
        count = try #require(object["count"] as? Int)
        next = object["next"] as? String
        previous = object["previous"] as? String
        results = try #require(object["results"] as? [[String: Any]])
    }
}

/// The path and query of a `next` link, to ask the local server for: the link names
/// the public host, which a client must not follow.
func localTarget(ofLink link: String) throws -> String {
    let components = try #require(URLComponents(string: link))
    return components.percentEncodedPath + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
}

/// The text of `client_phone` as parsed: the digits of a number, or the string.
func phoneText(_ value: Any?) -> String? {
    if let text = value as? String {
        return text
    }
    return (value as? NSNumber)?.int64Value.description
}

/// A minimal RFC 4180 reader for the truth CSV.
enum CSV {
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character?
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let following = characters.next()
                    if following == "\"" {
                        field.append("\"")
                    } else {
                        quoted = false
                        pending = following
                    }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                record.append(field)
                field = ""
            } else if character == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.append(character)
            }
        }
        return records
    }
}
