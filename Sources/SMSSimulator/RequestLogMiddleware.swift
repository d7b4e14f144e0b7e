import Hummingbird
import Logging

/// Logs one line per request (`--verbose`): method, target, status and time taken.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Where the lines go.
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let response = try await next(request, context)
            logger.info("\(request.method) \(request.uri) \(response.status.code) \(Self.milliseconds(clock.now - started))")
            return response
        } catch {
            logger.info("\(request.method) \(request.uri) failed: \(error) \(Self.milliseconds(clock.now - started))")
            throw error
        }
    }

    /// `duration` as milliseconds with three decimals, such as `0.412 ms`.
    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        let fraction = String(microseconds % 1_000)
        return "\(microseconds / 1_000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) ms"
    }
}
