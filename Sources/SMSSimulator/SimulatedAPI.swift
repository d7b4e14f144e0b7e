import Hummingbird
import SMSWorld

/// The routes: the gateway's four documented endpoints, behind token auth and the fault
/// plan, and the unauthenticated test endpoints under `/__sim/`.
///
/// API paths are matched with or without their trailing slash, under the base path
/// when there is one. Test endpoints (always at the root):
/// - `GET /__sim/truth`: the ground truth CSV (``TruthWriter``) of the world as it
///   stands and as the report endpoints serve it, arrivals included and lost rows left out;
/// - `GET /__sim/stats`: ``RequestStats/json``;
/// - `POST /__sim/reset-stats`: zeroes the counters and restarts the fault schedule
///   (see ``SimulatorState/resetStats()``); answers `{"reset":true}`.
struct SimulatedAPI: Sendable {
    /// The shared state.
    let state: SimulatorState
    /// The token requests must send.
    let token: String
    /// True when the token's user is staff.
    let isStaff: Bool
    /// What the answers say that a well-behaved gateway's would not.
    let oddities: OddityPlan
    /// The path the API is served under, such as `/gateway`; empty for the root.
    let basePath: String

    /// Adds every route to `router`.
    func addRoutes(to router: Router<BasicRequestContext>) {
        let api = basePath.isEmpty ? "api" : "\(basePath.dropFirst())/api"
        router.get("\(api)/batch-ids") { request, _ in
            respond(to: .batchIDs, request: request)
        }
        router.get("\(api)/sms-report") { request, _ in
            respond(to: .page(query: request.uri.queryParameters["page"]), request: request)
        }
        router.get("\(api)/sms-report/{batch_id}") { request, context in
            // safe: the router only calls this route with its batch_id parameter set.
            respond(to: .batchReport(encodedID: context.parameters.get("batch_id") ?? ""), request: request)
        }
        router.get("\(api)/metrics/snapshot") { request, _ in
            respond(to: .metrics, request: request)
        }
        router.get("__sim/truth") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                     body: ResponseBody(byteBuffer: ByteBuffer(bytes: TruthWriter.render(state.world.served))))
        }
        router.get("__sim/stats") { _, _ in
            JSONAnswer(status: .ok, body: Array(state.stats.json.utf8)).response
        }
        router.post("__sim/reset-stats") { _, _ in
            state.resetStats()
            return JSONAnswer(status: .ok, body: Array("{\"reset\":true}".utf8)).response
        }
    }

    /// Checks the token, admits the request, and answers it or injects its fault.
    private func respond(to apiRequest: APIRequest, request: Request) -> Response {
        guard SimulatorToken.accepts(request.headers[.authorization], token: token) else {
            state.recordUnauthorized()
            return JSONAnswer.unauthorized.response
        }
        let admission = state.admit(apiRequest.kind, page: apiRequest.pageNumber, target: request.uri.string)
        let answer = { oddities.adjust(apiRequest.answer(from: admission.world, isStaff: isStaff), to: apiRequest) }
        switch admission.fault {
        case nil:
            return answer().response
        case .failPath, .serverError:
            return oddities.adjust(JSONAnswer.serverError(apiRequest.kind), to: apiRequest).response
        case .rateLimited(let seconds):
            return JSONAnswer.rateLimited(retryAfterSeconds: seconds).response
        case .droppedConnection:
            return answer().droppedResponse
        case .trickled(let interval):
            return answer().trickledResponse(byteInterval: interval)
        }
    }
}
