import SMSCore

/// A forward-only reader of JSON text over UTF-8 bytes.
///
/// The snapshot's bodies are read with it instead of `JSONDecoder`: it reads fields
/// straight out of the file's bytes, without building an intermediate tree, which is
/// what makes a million-delivery report take seconds. It is strict RFC 8259 JSON:
/// no trailing commas, no comments.
///
/// Its readers are `public` and `@inlinable`, not `package`: Swift 6.3 does not inline a
/// `package` function into another module even when it is `@inlinable`, and a call per
/// byte-sized step (a peek, a comma, a key) cost the parser a fifth of its time.
public struct JSONScanner {
    /// A container being read: tracks whether a comma is due before the next item.
    public struct Cursor {
        @usableFromInline var isFirst = true

        @inlinable init() {}
    }

    /// A string value: a span of the input when it had no escapes, else its decoded bytes.
    public enum StringValue {
        case span(Range<Int>)
        case decoded([UInt8])
    }

    public let bytes: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    public var position: Int { offset }
    /// Stored apart from ``position`` so that the inlinable readers can move it while
    /// other modules only read it.
    @usableFromInline var offset = 0
    private static let maximumDepth = 256

    public init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        // Skip a UTF-8 byte order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            offset = 3
        }
    }

    // MARK: Structure

    /// The next significant byte, without consuming it.
    @inlinable @inline(__always) public mutating func peek() throws(JSONSyntaxError) -> UInt8 {
        // Compact JSON, as the API sends it, has no white space between tokens.
        if offset < bytes.count, bytes[offset] > UInt8(ascii: " ") {
            return bytes[offset]
        }
        return try peekAfterWhitespace()
    }

    /// ``peek()`` when white space or the end comes next: kept out of line, so that the
    /// inlined common case stays a compare and a load.
    @usableFromInline mutating func peekAfterWhitespace() throws(JSONSyntaxError) -> UInt8 {
        skipWhitespace()
        guard offset < bytes.count else { throw error("unexpected end of input") }
        return bytes[offset]
    }

    /// Fails unless only white space remains.
    package mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        guard offset == bytes.count else { throw error("unexpected text after the JSON value") }
    }

    /// Consumes `{` and returns the cursor for ``nextKey(_:)``.
    @inlinable public mutating func beginObject() throws(JSONSyntaxError) -> Cursor {
        try expect(UInt8(ascii: "{"), "expected an object")
        return Cursor()
    }

    /// The next key of the object and consumes its colon; nil (consuming `}`) at the end.
    @inlinable public mutating func nextKey(_ cursor: inout Cursor) throws(JSONSyntaxError) -> StringValue? {
        var next = try peek()
        if next == UInt8(ascii: "}") {
            offset += 1
            return nil
        }
        if !cursor.isFirst {
            guard next == UInt8(ascii: ",") else { throw error("expected ',' or '}' in an object") }
            offset += 1
            next = try peek()
        }
        cursor.isFirst = false
        guard next == UInt8(ascii: "\"") else { throw error("expected a string key") }
        let key = try readStringValue()
        try expect(UInt8(ascii: ":"), "expected ':' after a key")
        return key
    }

    /// The next key of the object, consuming its colon: `.expected` when it is
    /// `expected`, the key a writer usually puts next, written without escapes or white
    /// space; `.other` with any other key; `.end` (consuming `}`) at the end.
    ///
    /// Comparing the bytes with the one key expected spares reading the key and
    /// comparing it with each name in turn, for objects whose keys come in a usual order.
    @inlinable @inline(__always) public mutating func nextKey(_ cursor: inout Cursor, expecting expected: StaticString?) throws(JSONSyntaxError) -> KeyMatch {
        if let expected, consumeKey(expected, &cursor) {
            return .expected
        }
        guard let key = try nextKey(&cursor) else { return .end }
        return .other(key)
    }

    /// Consumes `"name":`, with the comma due before it, when those exact bytes come
    /// next; otherwise consumes nothing.
    @inlinable @inline(__always) mutating func consumeKey(_ name: StaticString, _ cursor: inout Cursor) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var start = offset
        if !cursor.isFirst {
            guard start < bytes.count, bytes[start] == UInt8(ascii: ",") else { return false }
            start += 1
        }
        let count = name.utf8CodeUnitCount
        guard start + count + 3 <= bytes.count, bytes[start] == UInt8(ascii: "\""),
              bytes[start + count + 1] == UInt8(ascii: "\""), bytes[start + count + 2] == UInt8(ascii: ":"),
              bytesEqual(base + start + 1, name.utf8Start, count: count)
        else { return false }
        offset = start + count + 3
        cursor.isFirst = false
        return true
    }

    /// Consumes `[` and returns the cursor for ``nextElement(_:)``.
    @inlinable public mutating func beginArray() throws(JSONSyntaxError) -> Cursor {
        try expect(UInt8(ascii: "["), "expected an array")
        return Cursor()
    }

    /// True when another element follows (positioned at it); false (consuming `]`) at the end.
    @inlinable public mutating func nextElement(_ cursor: inout Cursor) throws(JSONSyntaxError) -> Bool {
        let next = try peek()
        if next == UInt8(ascii: "]") {
            offset += 1
            return false
        }
        if !cursor.isFirst {
            guard next == UInt8(ascii: ",") else { throw error("expected ',' or ']' in an array") }
            offset += 1
            _ = try peek()
        }
        cursor.isFirst = false
        return true
    }

    // MARK: Scalars

    /// Consumes `null` when it comes next.
    @inlinable public mutating func consumeNull() throws(JSONSyntaxError) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    /// Moves past the string value that comes next when its raw text (the bytes between
    /// its quotes, escapes as written) is `raw`, and returns true; else moves nothing and
    /// returns false. Call it once ``peek()`` has found the value's `"`. `raw` must be
    /// the raw text of a string this scanner has read whole: its escapes are then
    /// complete, so the quote after it ends the string, and equal bytes read the same.
    @inlinable public mutating func consumeString(rawText raw: UnsafeRawBufferPointer) -> Bool {
        let closingQuote = offset + 1 + raw.count
        guard closingQuote < bytes.count, let base = bytes.baseAddress,
              bytes[offset] == UInt8(ascii: "\""), bytes[closingQuote] == UInt8(ascii: "\"") else { return false }
        if let rawBase = raw.baseAddress, !bytesEqual(base + offset + 1, rawBase, count: raw.count) {
            return false
        }
        offset = closingQuote + 1
        return true
    }

    /// Moves past the string value that comes next when it is exactly `length` bytes
    /// long and `read` makes a value of those bytes, and returns that value; else moves
    /// nothing and returns nil. Call it once ``peek()`` has found the value's `"`.
    ///
    /// The string is not scanned for its end: `read` must accept only bytes that need no
    /// attention in a string (no `"`, `\\` or control character), so that a closing quote
    /// right after them makes them the whole value. A fixed-form field, such as a
    /// timestamp, is then read in one pass instead of two.
    @inlinable public mutating func consumeString<Value>(ofLength length: Int,
                                                          _ read: (UnsafeRawBufferPointer) -> Value?) -> Value? {
        let closingQuote = offset + 1 + length
        guard closingQuote < bytes.count, bytes[offset] == UInt8(ascii: "\""),
              bytes[closingQuote] == UInt8(ascii: "\""),
              let value = read(UnsafeRawBufferPointer(rebasing: bytes[(offset + 1)..<closingQuote])) else { return nil }
        offset = closingQuote + 1
        return value
    }

    /// Reads a string value.
    @inlinable @inline(__always) public mutating func readStringValue() throws(JSONSyntaxError) -> StringValue {
        try expect(UInt8(ascii: "\""), "expected a string")
        let start = offset
        skipPlainStringBytes()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") {
            offset += 1
            return .span(start..<(offset - 1))
        }
        return try readStringRemainder(from: start)
    }

    /// The rest of a string value from the first byte that needs attention: the end of
    /// the input, a backslash, a control character, or the quote within the last 8 bytes.
    @usableFromInline mutating func readStringRemainder(from start: Int) throws(JSONSyntaxError) -> StringValue {
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return .span(start..<(offset - 1))
            }
            if byte == UInt8(ascii: "\\") {
                var decoded = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<offset]))
                return .decoded(try readEscapedRemainder(into: &decoded))
            }
            guard byte >= 0x20 else { throw error("control character in a string") }
            offset += 1
        }
        throw error("unterminated string")
    }

    /// Reads a string value as a Swift `String`.
    package mutating func readString() throws(JSONSyntaxError) -> String {
        string(of: try readStringValue())
    }

    /// Reads a number and returns its literal text, e.g. `9842271353` or `1.5e3`.
    package mutating func readNumberLiteral() throws(JSONSyntaxError) -> String {
        let literal = try readNumberSpan()
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[literal]), as: UTF8.self)
    }

    /// Reads a number and returns where its literal text lies in ``bytes``.
    @inlinable public mutating func readNumberSpan() throws(JSONSyntaxError) -> Range<Int> {
        _ = try peek()
        let start = offset
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let integerDigits = skipDigits()
        guard integerDigits > 0 else { throw error("expected a value") }
        if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") { throw error("a number has a leading zero") }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard skipDigits() > 0 else { throw error("expected digits after '.'") }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
                offset += 1
            }
            guard skipDigits() > 0 else { throw error("expected digits in an exponent") }
        }
        return start..<offset
    }

    /// Reads `true` or `false`.
    package mutating func readBool() throws(JSONSyntaxError) -> Bool {
        if try peek() == UInt8(ascii: "t") {
            try expectLiteral("true")
            return true
        }
        try expectLiteral("false")
        return false
    }

    /// Reads a string, or a number's or a boolean's literal text, as the API sends ids,
    /// phones and statuses; nil for null. Any other value is an error.
    package mutating func readScalarText() throws(JSONSyntaxError) -> String? {
        switch try peek() {
        case UInt8(ascii: "\""):
            return try readString()
        case UInt8(ascii: "n"):
            _ = try consumeNull()
            return nil
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return String(try readBool())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try readNumberLiteral()
        default:
            throw error("expected a string or a number")
        }
    }

    // MARK: Whole values

    /// Reads any value into a ``JSONValue``.
    package mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        try readValue(depth: 0)
    }

    /// Skips any value, checking its syntax as ``readValue()`` does (the same errors at
    /// the same places) without building it: no `String`, array or member is made (only
    /// a string with escapes is decoded, to check them). `depth` is how many arrays and
    /// objects enclose the value, so that the nesting limit counts from the document's top.
    package mutating func skipValue(depth: Int = 0) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw error("nesting is too deep") }
        switch try peek() {
        case UInt8(ascii: "{"):
            var cursor = try beginObject()
            while try nextKey(&cursor) != nil {
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "["):
            var cursor = try beginArray()
            while try nextElement(&cursor) {
                try skipValue(depth: depth + 1)
            }
        case UInt8(ascii: "\""):
            _ = try readStringValue()
        case UInt8(ascii: "n"):
            try expectLiteral("null")
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try readBool()
        default:
            _ = try readNumberSpan()
        }
    }

    private mutating func readValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.maximumDepth else { throw error("nesting is too deep") }
        switch try peek() {
        case UInt8(ascii: "{"):
            var cursor = try beginObject()
            var members: [(String, JSONValue)] = []
            while let key = try nextKey(&cursor) {
                members.append((string(of: key), try readValue(depth: depth + 1)))
            }
            return .object(members)
        case UInt8(ascii: "["):
            var cursor = try beginArray()
            var elements: [JSONValue] = []
            while try nextElement(&cursor) {
                elements.append(try readValue(depth: depth + 1))
            }
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return .bool(try readBool())
        default:
            return .number(try readNumberLiteral())
        }
    }

    // MARK: Helpers

    /// The Swift string of a string value. Invalid UTF-8 becomes U+FFFD.
    package func string(of value: StringValue) -> String {
        switch value {
        case .span(let range):
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .decoded(let decoded):
            return String(decoding: decoded, as: UTF8.self)
        }
    }

    /// Calls `body` with the UTF-8 bytes of a string value.
    @inlinable public func withBytes<Result>(of value: StringValue, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        switch value {
        case .span(let range):
            return try body(UnsafeRawBufferPointer(rebasing: bytes[range]))
        case .decoded(let decoded):
            return try decoded.withUnsafeBytes(body)
        }
    }

    /// True when a string value equals `name` byte for byte.
    @inlinable public func matches(_ value: StringValue, _ name: StaticString) -> Bool {
        switch value {
        case .span(let range):
            guard range.count == name.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
            return bytesEqual(base + range.lowerBound, name.utf8Start, count: range.count)
        case .decoded(let decoded):
            return name.withUTF8Buffer { decoded.elementsEqual($0) }
        }
    }

    /// An error at the current position.
    @usableFromInline func error(_ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset, reason: reason, bytes: bytes)
    }

    /// Moves past the bytes of a string that need no attention (not `"`, `\\` or a
    /// control character), eight at a time: most of a snapshot's bytes are inside strings.
    /// It stops at the first byte that needs attention, or before the last 7 bytes.
    @inlinable @inline(__always) mutating func skipPlainStringBytes() {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            // A byte is flagged when it is below 0x20, or equal to 0x22 or 0x5C (the
            // classic "has a zero byte" test on the word xor each pattern).
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let flagged = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word) & highs
            guard flagged == 0 else {
                // The lowest flagged byte is exact (only bytes above it can be false alarms).
                offset += flagged.trailingZeroBitCount / 8
                return
            }
            offset += 8
        }
    }

    @inlinable mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                offset += 1
            default:
                return
            }
        }
    }

    @inlinable mutating func skipDigits() -> Int {
        let start = offset
        while offset < bytes.count, bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9") {
            offset += 1
        }
        return offset - start
    }

    @inlinable @inline(__always) mutating func expect(_ byte: UInt8, _ reason: String) throws(JSONSyntaxError) {
        guard try peek() == byte else { throw error(reason) }
        offset += 1
    }

    @usableFromInline mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let matched = literal.withUTF8Buffer { literalBytes in
            offset + literalBytes.count <= bytes.count
                && UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + literalBytes.count)])
                    .elementsEqual(literalBytes)
        }
        guard matched else { throw error("expected a value") }
        offset += literal.utf8CodeUnitCount
    }

    /// Decodes the rest of a string that has escapes, from the first backslash on.
    @usableFromInline mutating func readEscapedRemainder(into decoded: inout [UInt8]) throws(JSONSyntaxError) -> [UInt8] {
        while offset < bytes.count {
            // Plain bytes are copied a run at a time: found eight at a time, then the
            // last few (the word-wise skip stops eight bytes short of the end) one by one.
            let runStart = offset
            skipPlainStringBytes()
            while offset < bytes.count, bytes[offset] >= 0x20, bytes[offset] != UInt8(ascii: "\""), bytes[offset] != UInt8(ascii: "\\") {
                offset += 1
            }
            if offset > runStart {
                decoded.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[runStart..<offset]))
                continue
            }
            // The run stopped at a control character, the closing quote or a backslash.
            let byte = bytes[offset]
            guard byte >= 0x20 else { throw error("control character in a string") }
            offset += 1
            if byte == UInt8(ascii: "\"") {
                return decoded
            }
            guard offset < bytes.count else { throw error("unterminated string") }
            let escaped = bytes[offset]
            offset += 1
            switch escaped {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escaped)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"): appendUTF8(of: try readUnicodeEscape(), to: &decoded)
            default: throw error("invalid escape in a string")
            }
        }
        throw error("unterminated string")
    }

    /// Reads the `XXXX` of a `\uXXXX` escape, joining a surrogate pair into one scalar.
    /// A lone surrogate becomes U+FFFD; an escape after a lone high surrogate is read
    /// on its own, so `\uD800\u0041` is U+FFFD then `A`.
    private mutating func readUnicodeEscape() throws(JSONSyntaxError) -> UInt32 {
        let first = try readHex4()
        guard (0xD800...0xDBFF).contains(first) else {
            return (0xDC00...0xDFFF).contains(first) ? 0xFFFD : first
        }
        guard let second = lowSurrogateEscape(at: offset) else { return 0xFFFD }
        offset += 6
        return 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
    }

    /// The value of a `\uXXXX` escape of a low surrogate at `index`; nil for anything else.
    private func lowSurrogateEscape(at index: Int) -> UInt32? {
        guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
            return nil
        }
        var value: UInt32 = 0
        for offset in 2..<6 {
            guard let digit = Self.hexDigit(bytes[index + offset]) else { return nil }
            value = value << 4 | digit
        }
        return (0xDC00...0xDFFF).contains(value) ? value : nil
    }

    private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw error("unterminated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = Self.hexDigit(bytes[offset]) else { throw error("invalid \\u escape") }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func appendUTF8(of scalarValue: UInt32, to decoded: inout [UInt8]) {
        let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
        decoded.append(contentsOf: String(Character(scalar)).utf8)
    }
}

/// What ``JSONScanner/nextKey(_:expecting:)`` found.
public enum KeyMatch {
    /// The key expected; its value comes next.
    case expected
    /// Another key; its value comes next.
    case other(JSONScanner.StringValue)
    /// The end of the object (its `}` consumed).
    case end
}
