/// The compact bytes a ``DDSketch`` is stored as: a format byte, then unsigned
/// LEB128 varints: the zero count, the smallest and largest value, the first bucket's
/// index, the number of buckets, and each bucket's count. A day's sketch of a few
/// hundred buckets takes a few hundred bytes.
extension DDSketch {
    /// The first byte of every encoding: the format, and the accuracy it was made with.
    static let formatByte: UInt8 = 1

    /// Why bytes could not be read as a sketch.
    package struct DecodingError: Error, Equatable, CustomStringConvertible {
        package var reason: String
        package var description: String { "unreadable latency sketch: \(reason)" }
    }

    /// The sketch's compact bytes.
    package var encoded: [UInt8] {
        var bytes: [UInt8] = [Self.formatByte]
        bytes.reserveCapacity(16 + buckets.count)
        let isEmpty = count == 0
        Self.appendVarint(zeroCount, to: &bytes)
        Self.appendVarint(isEmpty ? 0 : UInt64(minValue), to: &bytes)
        Self.appendVarint(UInt64(maxValue), to: &bytes)
        Self.appendVarint(UInt64(minIndex), to: &bytes)
        Self.appendVarint(UInt64(buckets.count), to: &bytes)
        for bucketCount in buckets {
            Self.appendVarint(bucketCount, to: &bytes)
        }
        return bytes
    }

    /// Reads a sketch from its compact bytes; throws on anything that is not one.
    package init(encoded bytes: [UInt8]) throws(DecodingError) {
        var reader = VarintReader(bytes: bytes)
        guard reader.nextByte() == Self.formatByte else {
            throw DecodingError(reason: "unknown format")
        }
        let zeros = try reader.next()
        let smallest = try reader.next()
        let largest = try reader.next()
        let firstIndex = try reader.next()
        let bucketCount = try reader.next()
        guard smallest <= largest, largest <= UInt64(Int64.max),
              firstIndex < UInt64(Self.bucketLimit), bucketCount <= UInt64(Self.bucketLimit) - firstIndex
        else { throw DecodingError(reason: "values out of range") }
        var decoded: [UInt64] = []
        decoded.reserveCapacity(Int(bucketCount))
        var total = zeros
        for _ in 0..<bucketCount {
            let value = try reader.next()
            let (sum, overflow) = total.addingReportingOverflow(value)
            guard !overflow else { throw DecodingError(reason: "counts overflow") }
            total = sum
            decoded.append(value)
        }
        guard reader.isAtEnd else { throw DecodingError(reason: "trailing bytes") }
        let isEmpty = total == 0
        self.init(buckets: decoded, minIndex: Int(firstIndex), zeroCount: zeros,
                  minValue: isEmpty ? .max : Int64(smallest), maxValue: isEmpty ? 0 : Int64(largest))
    }

    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

/// Reads unsigned LEB128 varints, refusing truncated or over-long ones.
private struct VarintReader {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func nextByte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func next() throws(DDSketch.DecodingError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard let byte = nextByte() else { throw DDSketch.DecodingError(reason: "truncated") }
            guard shift < 64, shift < 63 || byte <= 1 else { throw DDSketch.DecodingError(reason: "varint too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}
