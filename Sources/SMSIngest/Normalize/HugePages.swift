#if canImport(Glibc)
import Glibc
#endif

/// Asks the system to back a large table with 2 MB pages instead of 4 KB ones.
///
/// The merge looks deliveries up at random in tables of hundreds of MB (the index's
/// slots and keys, the deliveries themselves). With 4 KB pages nearly every lookup
/// also misses the processor's table of page translations; a 2 MB page covers 512
/// times the memory with one entry. Linux does this for memory that asks
/// (`MADV_HUGEPAGE`) when transparent huge pages are set to `madvise`, as they are on
/// most servers; elsewhere it does nothing. Only pages not yet touched are affected,
/// so it is asked right after the memory is reserved.
enum HugePages {
    /// Tables smaller than this gain too little to ask.
    private static let minimumBytes = 8 << 20

    /// Advises the 2 MB-aligned part of `bytes`.
    static func advise(_ bytes: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard bytes.count >= minimumBytes, let base = bytes.baseAddress else { return }
        let pageSize = 2 << 20
        let start = (Int(bitPattern: base) + pageSize - 1) & ~(pageSize - 1)
        let end = (Int(bitPattern: base) + bytes.count) & ~(pageSize - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// Advises the whole capacity of `array` (reserved, not yet filled).
    static func advise<Element>(capacityOf array: inout [Element]) {
        let bytes = array.capacity * MemoryLayout<Element>.stride
        array.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            advise(UnsafeMutableRawBufferPointer(start: base, count: bytes))
        }
    }

    /// `count` copies of `value` in an array whose memory is advised before it is filled.
    static func array<Element>(repeating value: Element, count: Int) -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress {
                advise(UnsafeMutableRawBufferPointer(start: base, count: count * MemoryLayout<Element>.stride))
            }
            buffer.initialize(repeating: value)
            initialized = count
        }
    }
}
