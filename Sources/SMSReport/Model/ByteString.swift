/// UTF-8 bytes used as a dictionary key.
///
/// Texts are deduplicated by their bytes rather than as `String`s: hashing a
/// non-ASCII `String` normalises it first, which is many times slower for Nepali
/// text, and byte equality is the stricter (and intended) notion of "the same text".
struct ByteString: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = Array(bytes)
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.bytes == rhs.bytes
    }
}
