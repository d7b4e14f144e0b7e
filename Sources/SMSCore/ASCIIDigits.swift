/// Small helpers to read and write decimal digits as ASCII bytes without Foundation.
package enum ASCIIDigits {
    /// The value of a run of ASCII digits; nil when any byte is not a digit.
    package static func value<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        guard !bytes.isEmpty else { return nil }
        var result = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            result = result * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return result
    }

    /// Appends `value` with at least `width` digits, zero-padded, after a `-` when negative.
    /// The digits are made in a buffer on the stack and appended at once: reports
    /// append tens of millions of numbers.
    package static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(byteCount: bufferSize, alignment: 1) { buffer in
            var position = bufferSize
            var remaining = value.magnitude
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
                remaining /= 10
            } while remaining > 0
            // Int.min has 19 digits and its sign: the padding never runs past the buffer.
            while bufferSize - position < width, position > 1 {
                position -= 1
                buffer[position] = UInt8(ascii: "0")
            }
            if value < 0 {
                position -= 1
                buffer[position] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// Writes the last `width` decimal digits of `value` (not negative) into `buffer` at
    /// `offset`, zero-padded: for fields whose width is fixed, such as a timestamp's.
    @inline(__always)
    package static func write(_ value: Int, width: Int, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) {
        var remaining = value
        for position in stride(from: offset + width - 1, through: offset, by: -1) {
            buffer[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
        }
    }

    /// Room for Int.min's 19 digits and sign, and padding.
    private static let bufferSize = 24

    /// Appends a signed integer in plain decimal.
    package static func append(_ value: Int64, to bytes: inout [UInt8]) {
        append(Int(value), width: 1, to: &bytes)
    }
}
