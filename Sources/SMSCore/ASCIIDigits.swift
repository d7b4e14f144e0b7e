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
    package static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
        }
        var count = 0
        var remaining = value.magnitude
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
                count += 1
            } while remaining > 0
            for _ in count..<max(count, width) {
                bytes.append(UInt8(ascii: "0"))
            }
            for index in stride(from: count - 1, through: 0, by: -1) {
                bytes.append(buffer[index])
            }
        }
    }

    /// Appends a signed integer in plain decimal.
    package static func append(_ value: Int64, to bytes: inout [UInt8]) {
        append(Int(value), width: 1, to: &bytes)
    }
}
