import Hummingbird

/// One JSON answer: a status and a body exactly as the real API sends it (compact JSON,
/// as Django REST Framework writes it), with any extra headers.
struct JSONAnswer: Sendable {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// The body bytes.
    var body: [UInt8]
    /// Headers besides `Content-Type` and `Content-Length`.
    var headers: HTTPFields = [:]

    /// An answer whose body is `{"<key>":"<message>"}`; `message` holds no quote or backslash.
    static func message(_ status: HTTPResponse.Status, key: String, _ message: String) -> JSONAnswer {
        JSONAnswer(status: status, body: Array("{\"\(key)\":\"\(message)\"}".utf8))
    }

    /// 401 for a missing or wrong token, with the `WWW-Authenticate` challenge DRF sends.
    static var unauthorized: JSONAnswer {
        var answer = message(.unauthorized, key: "detail", "Invalid token.")
        answer.headers[.wwwAuthenticate] = "Token"
        return answer
    }

    /// 403 for a user who is not staff.
    static var forbidden: JSONAnswer {
        message(.forbidden, key: "detail", "You do not have permission to perform this action.")
    }

    /// 500 for an injected failure, with the endpoint's own error.
    static func serverError(_ kind: RequestKind) -> JSONAnswer {
        message(.internalServerError, key: "error", kind.serverErrorMessage)
    }

    /// 429 with `Retry-After` and DRF's throttling message.
    static func rateLimited(retryAfterSeconds seconds: Int) -> JSONAnswer {
        let unit = seconds == 1 ? "second" : "seconds"
        var answer = message(.tooManyRequests, key: "detail", "Request was throttled. Expected available in \(seconds) \(unit).")
        answer.headers[.retryAfter] = String(seconds)
        return answer
    }

    /// The answer as a complete response.
    var response: Response {
        Response(status: status, headers: allHeaders, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The answer with its full `Content-Length` but only the first half of its body: the
    /// body stream then fails, and the server closes the connection, so the client sees
    /// a response cut short and never a valid one.
    var droppedResponse: Response {
        let half = ByteBuffer(bytes: body.prefix(body.count / 2))
        return Response(status: status, headers: allHeaders, body: ResponseBody(contentLength: body.count) { writer in
            try await writer.write(half)
            throw ConnectionDropped()
        })
    }

    /// The answer with its full `Content-Length`, its head sent at once and its body one
    /// byte every `interval`: each byte comes well within a client's read timeout, but
    /// the whole body takes as long as its length times `interval`.
    func trickledResponse(byteInterval interval: Duration) -> Response {
        let bytes = body
        return Response(status: status, headers: allHeaders, body: ResponseBody(contentLength: bytes.count) { writer in
            for byte in bytes {
                try await writer.write(ByteBuffer(bytes: [byte]))
                try await Task.sleep(for: interval)
            }
        })
    }

    private var allHeaders: HTTPFields {
        var fields = headers
        fields[.contentType] = "application/json"
        return fields
    }
}

/// The error that ends a response body on purpose, so that the server closes the connection.
struct ConnectionDropped: Error {}
