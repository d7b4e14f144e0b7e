import Hummingbird

/// Delays every response by a fixed time (`--latency-ms`).
struct LatencyMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The delay.
    let latency: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await Task.sleep(for: latency)
        return try await next(request, context)
    }
}
