/// What the simulator has seen since it started or since `POST /__sim/reset-stats`,
/// served by `GET /__sim/stats`.
package struct RequestStats: Sendable, Hashable {
    /// API requests that reached one of the four endpoints, whatever their answer.
    package var requests = 0
    /// Authorised requests per endpoint, faulted ones included.
    package var byKind: [RequestKind: Int] = [:]
    /// The page numbers of authorised page requests, in the order they came; a `page`
    /// that is not a number is left out.
    package var pages: [Int] = []
    /// Requests answered 500 by `--fail-rate` or `--fail-path`.
    package var failuresInjected = 0
    /// Requests answered 429 by `--rate-limit-every`.
    package var rateLimited = 0
    /// Requests whose connection was dropped by `--drop-connection-rate`.
    package var dropped = 0
    /// Requests whose body was trickled by `--trickle-ms`.
    package var trickled = 0
    /// The targets of authorised batch report requests, exactly as received
    /// (percent-encoding kept), in the order they came.
    package var batchReportTargets: [String] = []
    /// Requests answered 401.
    package var unauthorized = 0
    /// Messages that arrived by `--shift-pages`.
    package var arrived = 0

    /// Counters all zero.
    package init() {}

    /// Counts one fault.
    mutating func count(_ fault: InjectedFault) {
        switch fault {
        case .failPath, .serverError: failuresInjected += 1
        case .rateLimited: rateLimited += 1
        case .droppedConnection: dropped += 1
        case .trickled: trickled += 1
        }
    }

    /// The JSON object `GET /__sim/stats` answers: `requests`, `by_kind` (every kind,
    /// zero included), `pages`, `failures_injected`, `rate_limited`, `dropped`,
    /// `unauthorized`, `arrived`, `trickled` and `batch_report_targets`.
    package var json: String {
        let kinds = RequestKind.allCases.map { "\"\($0.rawValue)\":\(byKind[$0] ?? 0)" }.joined(separator: ",")
        let pageList = pages.map(String.init).joined(separator: ",")
        var targets: [UInt8] = []
        for (offset, target) in batchReportTargets.enumerated() {
            if offset > 0 {
                targets.append(UInt8(ascii: ","))
            }
            targets.appendJSONString(target)
        }
        return "{\"requests\":\(requests),\"by_kind\":{\(kinds)},\"pages\":[\(pageList)],"
            + "\"failures_injected\":\(failuresInjected),\"rate_limited\":\(rateLimited),\"dropped\":\(dropped),"
            + "\"unauthorized\":\(unauthorized),\"arrived\":\(arrived),\"trickled\":\(trickled),"
            + "\"batch_report_targets\":[\(String(decoding: targets, as: UTF8.self))]}"
    }
}
