extension Manifest {
    /// The manifest in `bytes`, read with ``JSONScanner`` when it has the plain form that
    /// `fetch` writes; nil for anything else, which the caller then decodes with
    /// `JSONDecoder` (and which reports any error).
    ///
    /// A large snapshot's manifest logs every request (2.4 MB at a million deliveries),
    /// and `JSONDecoder` took 0.07 s of a core over it, ahead of every page. This reader
    /// takes a few milliseconds. It accepts only input that `JSONDecoder` reads to an
    /// equal manifest: every string without escapes and valid UTF-8, every whole number
    /// plain digits, each known key once, no byte order mark. Anything else (including
    /// every error) is left to the decoder, so errors read as they always have.
    package static func scanned(from bytes: UnsafeRawBufferPointer) -> Manifest? {
        guard !(bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF),
              String(validating: bytes, as: UTF8.self) != nil else { return nil }
        var scanner = PlainScanner(scanner: JSONScanner(bytes: bytes))
        do {
            let manifest = try scanner.readManifest()
            try scanner.scanner.expectEnd()
            return manifest
        } catch {
            return nil
        }
    }
}

/// Reads the plain form of a manifest; throws at the first thing outside it.
private struct PlainScanner {
    /// Anything the plain form does not cover; the caller then leaves the input to `JSONDecoder`.
    struct NotPlain: Error {}

    var scanner: JSONScanner

    mutating func readManifest() throws -> Manifest {
        var seen = Set<Manifest.CodingKeys>()
        var manifest = Manifest()
        var complete: Bool?
        var cursor = try scanner.beginObject()
        while let key = try scanner.nextKey(&cursor) {
            guard let codingKey = Manifest.CodingKeys(rawValue: try plainText(of: key)) else {
                try scanner.skipValue(depth: 1)
                continue
            }
            guard seen.insert(codingKey).inserted else { throw NotPlain() }
            switch codingKey {
            case .tool: manifest.tool = try optionalString()
            case .baseURL: manifest.baseURL = try optionalString()
            case .fetchStarted: manifest.fetchStarted = try optionalString()
            case .fetchFinished: manifest.fetchFinished = try optionalString()
            case .complete: complete = try bool()
            case .reasons: manifest.reasons = try optionalStrings() ?? []
            case .pageSize: manifest.pageSize = try optionalWholeNumber()
            case .batches: manifest.batches = try optionalStringsByName() ?? [:]
            case .skippedBatches: manifest.skippedBatches = try optionalStrings()
            case .pagingStoppedEarly: manifest.pagingStoppedEarly = try optionalBool()
            case .requests: manifest.requests = try optionalRequests()
            case .since: manifest.since = try optionalString()
            case .until: manifest.until = try optionalString()
            case .recheckHours: manifest.recheckHours = try optionalWholeNumber()
            case .notes: manifest.notes = try optionalStrings()
            }
        }
        guard let complete else { throw NotPlain() }
        manifest.complete = complete
        return manifest
    }

    // Each reader of an optional value gives nil for `null`.

    private mutating func optionalString() throws -> String? {
        try scanner.consumeNull() ? nil : string()
    }

    private mutating func optionalStrings() throws -> [String]? {
        try scanner.consumeNull() ? nil : strings()
    }

    private mutating func optionalWholeNumber() throws -> Int? {
        try scanner.consumeNull() ? nil : wholeNumber()
    }

    private mutating func optionalBool() throws -> Bool? {
        try scanner.consumeNull() ? nil : bool()
    }

    private mutating func optionalStringsByName() throws -> [String: String]? {
        try scanner.consumeNull() ? nil : stringsByName()
    }

    private mutating func optionalRequests() throws -> [Manifest.Request]? {
        try scanner.consumeNull() ? nil : requests()
    }

    /// A key's or a string's text, when it has no escapes (the whole input was checked
    /// to be valid UTF-8 first).
    private func plainText(of value: JSONScanner.StringValue) throws -> String {
        guard case .span = value else { throw NotPlain() }
        return scanner.string(of: value)
    }

    private mutating func string() throws -> String {
        guard try scanner.peek() == UInt8(ascii: "\"") else { throw NotPlain() }
        return try plainText(of: try scanner.readStringValue())
    }

    private mutating func bool() throws -> Bool {
        switch try scanner.peek() {
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return try scanner.readBool()
        default: throw NotPlain()
        }
    }

    /// A whole number written as plain digits that an `Int` holds.
    private mutating func wholeNumber() throws -> Int {
        guard case UInt8(ascii: "0")...UInt8(ascii: "9") = try scanner.peek() else { throw NotPlain() }
        let literal = try scanner.readNumberLiteral()
        guard literal.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let value = Int(literal) else {
            throw NotPlain()
        }
        return value
    }

    private mutating func strings() throws -> [String] {
        guard try scanner.peek() == UInt8(ascii: "[") else { throw NotPlain() }
        var cursor = try scanner.beginArray()
        var strings: [String] = []
        while try scanner.nextElement(&cursor) {
            strings.append(try string())
        }
        return strings
    }

    /// An object of strings by name, each name once.
    private mutating func stringsByName() throws -> [String: String] {
        guard try scanner.peek() == UInt8(ascii: "{") else { throw NotPlain() }
        var cursor = try scanner.beginObject()
        var strings: [String: String] = [:]
        while let key = try scanner.nextKey(&cursor) {
            let name = try plainText(of: key)
            guard strings.updateValue(try string(), forKey: name) == nil else { throw NotPlain() }
        }
        return strings
    }

    private mutating func requests() throws -> [Manifest.Request] {
        guard try scanner.peek() == UInt8(ascii: "[") else { throw NotPlain() }
        var cursor = try scanner.beginArray()
        var requests: [Manifest.Request] = []
        while try scanner.nextElement(&cursor) {
            requests.append(try request())
        }
        return requests
    }

    private mutating func request() throws -> Manifest.Request {
        guard try scanner.peek() == UInt8(ascii: "{") else { throw NotPlain() }
        var cursor = try scanner.beginObject()
        var seen: UInt8 = 0
        var path: String?
        var status: Int?
        var attempts: Int?
        var request = Manifest.Request(path: "", status: 0, attempts: 0)
        while let key = try scanner.nextKey(&cursor) {
            // A key written with escapes may still name a field: not plain.
            guard case .span = key else { throw NotPlain() }
            guard let field = RequestField.named(key, in: scanner) else {
                try scanner.skipValue(depth: 2)
                continue
            }
            guard seen & field.bit == 0 else { throw NotPlain() }
            seen |= field.bit
            switch field {
            case .path: path = try string()
            case .status: status = try wholeNumber()
            case .attempts: attempts = try wholeNumber()
            case .bytes: request.bytes = try optionalWholeNumber()
            case .sha256: request.sha256 = try optionalString()
            case .file: request.file = try optionalString()
            case .error: request.error = try optionalString()
            }
        }
        guard let path, let status, let attempts else { throw NotPlain() }
        request.path = path
        request.status = status
        request.attempts = attempts
        return request
    }
}

/// The keys of a request in the manifest's log, as `Manifest.Request` encodes them.
private enum RequestField: UInt8 {
    case path, status, attempts, bytes, sha256, file, error

    /// The field's bit in a set of fields seen.
    var bit: UInt8 {
        1 << rawValue
    }

    /// The field whose name `key` is; nil for a key of no field.
    static func named(_ key: JSONScanner.StringValue, in scanner: JSONScanner) -> RequestField? {
        if scanner.matches(key, "path") { return .path }
        if scanner.matches(key, "status") { return .status }
        if scanner.matches(key, "attempts") { return .attempts }
        if scanner.matches(key, "bytes") { return .bytes }
        if scanner.matches(key, "sha256") { return .sha256 }
        if scanner.matches(key, "file") { return .file }
        if scanner.matches(key, "error") { return .error }
        return nil
    }
}
