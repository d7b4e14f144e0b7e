import SMSCore

/// Makes `String`s from UTF-8 bytes, handing out the same `String` again for bytes it
/// has just seen: a recipient's name or a batch id repeats across thousands of rows, and a shared
/// `String` costs no allocation and no memory of its own.
///
/// It is a direct-mapped cache, not a set: a name whose slot another name took is made
/// anew, which is always correct and only a little slower. Texts of 15 bytes or fewer
/// are stored inside the `String` itself, so they are made directly.
struct SharedTexts {
    private var slots: [ByteString?] = Array(repeating: nil, count: 1 << 12)

    /// The `String` of `bytes` (invalid UTF-8 repaired with U+FFFD, as everywhere).
    mutating func string(for bytes: UnsafeRawBufferPointer) -> String {
        guard bytes.count > Self.inlineLimit else { return String(decoding: bytes, as: UTF8.self) }
        let slot = Int(truncatingIfNeeded: textFingerprint(bytes)) & (slots.count - 1)
        if let cached = slots[slot], cached.hasBytes(bytes) {
            return cached.text
        }
        let text = String(decoding: bytes, as: UTF8.self)
        slots[slot] = ByteString(text)
        return text
    }

    /// The longest UTF-8 text a `String` holds without an allocation.
    private static let inlineLimit = 15
}
