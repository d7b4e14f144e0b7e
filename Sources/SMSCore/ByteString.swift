/// UTF-8 bytes used as a dictionary key.
///
/// Texts are deduplicated by their bytes rather than as `String`s: hashing a
/// non-ASCII `String` normalises it first, which is many times slower for Nepali
/// text, and byte equality is the stricter (and intended) notion of "the same text".
package struct ByteString: Hashable, Sendable {
    package let bytes: [UInt8]

    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    package init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = Array(bytes)
    }

    package func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    package static func == (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.bytes == rhs.bytes
    }
}
