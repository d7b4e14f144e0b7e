import AsyncHTTPClient
import Foundation
import GatewayAPI
import Logging
import NIOCore
import NIOHTTP1
import SMSSupport

/// GETs the gateway's endpoints with the token, retrying what is worth retrying.
///
/// Requests go only to the base URL's origin; redirects are not followed, so the
/// token cannot be carried to another host. Logs name the path, status, attempt and
/// duration, never a header.
package final class APIClient: Sendable {
    private let http: HTTPClient
    private let baseURL: APIBaseURL
    private let token: APIToken
    private let policy: RetryPolicy
    private let requestTimeout: Duration
    private let deadline: ContinuousClock.Instant
    private let logger: Logger
    private let monitor: FetchMonitor
    private let gate: RequestGate
    private static let maximumBodyBytes = 512 * 1024 * 1024

    package init(baseURL: APIBaseURL, token: APIToken, policy: RetryPolicy, requestTimeout: Duration,
         deadline: ContinuousClock.Instant, concurrency: Int, logger: Logger, monitor: FetchMonitor) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .seconds(10), read: TimeAmount(requestTimeout)))
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(8, concurrency)
        self.http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.baseURL = baseURL
        self.token = token
        self.policy = policy
        self.requestTimeout = requestTimeout
        self.deadline = deadline
        self.logger = logger
        self.monitor = monitor
        self.gate = RequestGate(limit: concurrency)
    }

    /// Shuts the HTTP client down; call once, when done.
    package func shutdown() async {
        try? await http.shutdown()
    }

    /// GETs `pathAndQuery`: retries 5xx, 429 (after `Retry-After`), timeouts and dropped
    /// connections up to the policy's retries, and returns the final outcome.
    ///
    /// Each attempt, body included, ends within the request timeout; no attempt starts
    /// or runs past the fetch's deadline, and none starts once the task is cancelled
    /// (the response then carries its ``FetchInterruption``).
    package func get(_ pathAndQuery: String) async -> APIResponse {
        var generator = SystemRandomNumberGenerator()
        var attempt = 0
        var lastStatus = 0
        var lastFailure = ""
        while true {
            if let interruption = await admit() {
                await monitor.requestFinished()
                return APIResponse(path: pathAndQuery, status: lastStatus, body: [], attempts: attempt,
                                   failure: interruption.failure, interruption: interruption)
            }
            attempt += 1
            var request = HTTPClientRequest(url: baseURL.url(pathAndQuery))
            request.method = .GET
            request.headers.add(name: "Authorization", value: token.authorizationHeaderValue)
            request.headers.add(name: "Accept", value: "application/json")
            let started = ContinuousClock.now
            var wait: Duration?
            let outcome = await send(request, timeout: min(requestTimeout, deadline - started))
            await gate.leave()
            switch outcome {
            case .success(let (status, retryAfter, body)):
                logger.debug("GET \(pathAndQuery) → \(status) (attempt \(attempt), \(ContinuousClock.now - started))")
                lastStatus = status
                if status == 429 {
                    lastFailure = "HTTP 429 (rate limited)"
                    wait = policy.retryAfter(retryAfter, beforeRetry: attempt, using: &generator)
                } else if status >= 500 {
                    lastFailure = "HTTP \(status)"
                    wait = policy.backoff(beforeRetry: attempt, using: &generator)
                } else {
                    await monitor.requestFinished()
                    return APIResponse(path: pathAndQuery, status: status, body: body, attempts: attempt, failure: nil)
                }
            case .failure(let error):
                lastStatus = 0
                lastFailure = Self.describe(error)
                logger.debug("GET \(pathAndQuery) failed: \(lastFailure) (attempt \(attempt))")
                wait = policy.backoff(beforeRetry: attempt, using: &generator)
            }
            if interruption != nil {
                continue
            }
            guard attempt <= policy.retries, let wait else { break }
            await monitor.retrying()
            // The wait never runs past the deadline; the next turn then reports it.
            try? await Task.sleep(for: min(wait, max(.zero, deadline - ContinuousClock.now)))
        }
        await monitor.requestFinished()
        return APIResponse(path: pathAndQuery, status: lastStatus, body: [], attempts: attempt,
                           failure: "\(lastFailure) after \(attempt) attempts")
    }

    /// Takes a place at the gate for one attempt; nil when it may be sent, else why not
    /// (the place is then not held).
    private func admit() async -> FetchInterruption? {
        if let interruption = interruption {
            return interruption
        }
        await gate.enter()
        if let interruption = interruption {
            await gate.leave()
            return interruption
        }
        return nil
    }

    /// Why no request is sent any more (the deadline passed, or the task is
    /// cancelled); nil while requests may go.
    package var interruption: FetchInterruption? {
        if Task.isCancelled {
            return .cancelled
        }
        return ContinuousClock.now >= deadline ? .timeLimit : nil
    }

    /// Sends one attempt: the status, the `Retry-After` header and the whole body, or
    /// the error. The whole exchange, body included, ends within `timeout`:
    /// async-http-client's own deadline ends when the head arrives, and its read
    /// timeout restarts with every byte, so a server that trickles its body would
    /// otherwise hold the request for ever.
    private func send(_ request: HTTPClientRequest,
                      timeout: Duration) async -> Result<(Int, String?, [UInt8]), any Error> {
        await withTaskGroup(of: Result<(Int, String?, [UInt8]), any Error>.self) { group in
            group.addTask {
                await self.exchange(request, timeout: timeout)
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .failure(HTTPClientError.deadlineExceeded)
            }
            // safe: the group has two tasks, so the first `next()` always returns one.
            let first = await group.next() ?? .failure(HTTPClientError.deadlineExceeded)
            group.cancelAll()
            return first
        }
    }

    /// One request and its whole body, with async-http-client's head deadline.
    private func exchange(_ request: HTTPClientRequest,
                          timeout: Duration) async -> Result<(Int, String?, [UInt8]), any Error> {
        do {
            let response = try await http.execute(request, timeout: TimeAmount(timeout))
            let body = try await response.body.collect(upTo: Self.maximumBodyBytes)
            return .success((Int(response.status.code), response.headers.first(name: "Retry-After"), Array(buffer: body)))
        } catch {
            return .failure(error)
        }
    }

    /// A one-line reason for a transport error, without any request detail.
    private static func describe(_ error: any Error) -> String {
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .connectTimeout:
                return "timed out"
            case .remoteConnectionClosed:
                return "connection closed by the server"
            default:
                return "connection failed (\(clientError.shortDescription))"
            }
        }
        if error is ChannelError {
            return "connection failed"
        }
        return "connection failed (\(type(of: error)))"
    }
}
