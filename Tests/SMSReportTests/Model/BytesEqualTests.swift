import SMSCore
import Testing

/// `bytesEqual` stands in for `memcmp` in the parser's compares of keys, statuses and
/// repeated messages: for every length its word-at-a-time steps must see every byte.
@Suite struct BytesEqualTests {
    static let lengths = Array(0...40)

    @Test(arguments: lengths)
    func equalBytesAreEqual(count: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let copy = bytes
        bytes.withUnsafeBytes { left in
            copy.withUnsafeBytes { right in
                #expect(bytesEqual(left.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!,
                                   right.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, count: count))
            }
        }
    }

    /// One byte changed, at each place in turn, and by a single bit: each is found.
    @Test(arguments: lengths.dropFirst())
    func aByteApartAnywhereIsNotEqual(count: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for place in 0..<count {
            for bit in [0, 7] {
                var other = bytes
                other[place] ^= 1 << bit
                let equal = bytes.withUnsafeBytes { left in
                    other.withUnsafeBytes { right in bytesEqual(left.baseAddress!, right.baseAddress!, count: count) }
                }
                #expect(!equal, "\(count) bytes, byte \(place), bit \(bit)")
            }
        }
    }

    /// Only the first `count` bytes are compared: what follows them may differ.
    @Test(arguments: lengths)
    func bytesAfterTheCountAreNotRead(count: Int) {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &+ 1) } + [1, 2, 3]
        let other = bytes.prefix(count) + [9, 9, 9]
        bytes.withUnsafeBytes { left in
            Array(other).withUnsafeBytes { right in
                #expect(bytesEqual(left.baseAddress!, right.baseAddress!, count: count))
            }
        }
    }
}
