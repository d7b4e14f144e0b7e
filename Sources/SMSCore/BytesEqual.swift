/// True when the `count` bytes at `left` and at `right` are the same.
///
/// Compares eight bytes at a time, the last eight overlapping the ones before, with no
/// call: the parser compares a key or a status of a dozen bytes several times a row,
/// and a call to `memcmp` for each cost more than the compare itself.
///
/// `public` and `@inlinable` so that it is inlined into the parser's module (Swift does
/// not inline a `package` function across modules).
@inlinable @inline(__always)
public func bytesEqual(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, count: Int) -> Bool {
    if count >= 8 {
        var index = 0
        while index + 8 < count {
            guard left.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    == right.loadUnaligned(fromByteOffset: index, as: UInt64.self) else { return false }
            index += 8
        }
        return left.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            == right.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
    if count >= 4 {
        return left.loadUnaligned(as: UInt32.self) == right.loadUnaligned(as: UInt32.self)
            && left.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            == right.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
    }
    for index in 0..<count where left.load(fromByteOffset: index, as: UInt8.self) != right.load(fromByteOffset: index, as: UInt8.self) {
        return false
    }
    return true
}
