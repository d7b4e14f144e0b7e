/// A `String` used as a dictionary key by its UTF-8 bytes.
///
/// Texts are deduplicated by their bytes rather than as `String`s: hashing a
/// non-ASCII `String` normalises it first, which is many times slower for Nepali
/// text, and byte equality is the stricter (and intended) notion of "the same text".
/// The key holds the `String` itself, so a text kept as a key costs no second copy.
package struct ByteString: Hashable, Sendable {
    /// The text.
    package let text: String

    package init(_ text: String) {
        self.text = text
    }

    package func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: $0) }
    }

    package static func == (lhs: ByteString, rhs: ByteString) -> Bool {
        rhs.withBytes(lhs.hasBytes)
    }

    /// True when the text's UTF-8 bytes are exactly `bytes`.
    package func hasBytes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        withBytes { own in
            guard own.count == bytes.count else { return false }
            guard let ownStart = own.baseAddress, let start = bytes.baseAddress else { return true }
            return bytesEqual(ownStart, start, count: own.count)
        }
    }

    /// Calls `body` with the text's UTF-8 bytes.
    package func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(text.utf8).withUnsafeBytes(body)
    }
}
