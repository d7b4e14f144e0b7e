import Foundation
import Hummingbird
import SMSWorld

/// One request to a documented endpoint, with what it asks for.
enum APIRequest: Sendable, Hashable {
    /// `GET /api/batch-ids`.
    case batchIDs
    /// `GET /api/sms-report/?page=N`: the page number, or nil when `page` is not a whole number.
    case page(Int?)
    /// `GET /api/sms-report/{batch_id}/`: the id as it stands in the path, percent-encoded.
    case batchReport(encodedID: String)
    /// `GET /api/metrics/snapshot/`.
    case metrics

    /// A page request whose query has `page` (nil when absent, meaning page 1).
    static func page(query page: Substring?) -> APIRequest {
        guard let page else { return .page(1) }
        return .page(Int(page))
    }

    /// The endpoint.
    var kind: RequestKind {
        switch self {
        case .batchIDs: .batchIDs
        case .page: .pages
        case .batchReport: .batchReports
        case .metrics: .metrics
        }
    }

    /// The page number asked for, when a page request names one.
    var pageNumber: Int? {
        if case .page(let number) = self {
            return number
        }
        return nil
    }

    /// The answer the real API gives from `world` when nothing goes wrong: the report
    /// endpoints serve its rows that are not lost, and the metrics count every delivery.
    func answer(from world: ShiftingWorld, isStaff: Bool) -> JSONAnswer {
        switch self {
        case .batchIDs:
            guard !world.served.batches.isEmpty else {
                return .message(.notFound, key: "error", "No batch ID found.")
            }
            return JSONAnswer(status: .ok, body: BatchIDsBody.render(world.served))
        case .page(let number):
            let number = number ?? 0
            let status: HTTPResponse.Status = (1...world.pages.pageCount).contains(number) ? .ok : .notFound
            return JSONAnswer(status: status, body: world.pages.body(ofPage: number))
        case .batchReport(let encodedID):
            guard let id = encodedID.removingPercentEncoding, let batch = world.batch(withID: id), batch.hasReport else {
                return .message(.notFound, key: "error", "SMS message not found.")
            }
            return JSONAnswer(status: .ok, body: BatchReportBody.render(batch, in: world.served))
        case .metrics:
            guard isStaff else { return .forbidden }
            return JSONAnswer(status: .ok, body: MetricsBody.render(world.world))
        }
    }
}
