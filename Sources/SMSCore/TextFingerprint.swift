/// A 64-bit hash of UTF-8 bytes, mixed eight bytes at a time: equal bytes always get
/// equal fingerprints. Not seeded, so a fingerprint may be kept and compared anywhere
/// in one run; a table keyed by it must still compare the bytes.
///
/// The parser's caches and the message catalog key texts by it: SipHash (what
/// `Hasher` uses) or a byte-at-a-time hash costs several times more for a text of a
/// hundred bytes, read a million times.
package func textFingerprint(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    var offset = 0
    while offset + 8 <= bytes.count {
        hash = (hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 32
        offset += 8
    }
    var tail: UInt64 = 0
    while offset < bytes.count {
        tail = tail << 8 | UInt64(bytes[offset])
        offset += 1
    }
    hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ hash >> 29
}
