#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text made fit for one cell as a C string: NUL-terminated UTF-8, with any U+0000
/// (which a C string cannot carry) written as U+FFFD, and cut after
/// ``XLSXLimits/charactersPerCell`` characters.
///
/// Excel reads `_xHHHH_` in a cell as the character U+HHHH (that is how the file
/// carries control characters, which libxlsxwriter escapes so). Text that holds
/// such a sequence literally gets its `_` written as `_x005F_`, so that Excel
/// shows the text as it is. U+FFFE and U+FFFF, which XML forbids and libxlsxwriter
/// passes through, are written as `_xFFFE_` and `_xFFFF_` here.
package enum XLSXCellText {
    /// Appends `text` and its terminating NUL to `bytes`.
    package static func append(_ text: String, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        if contains(UInt8(ascii: "\0"), in: bytes, from: start) {
            replaceNULs(in: &bytes, from: start)
        }
        if contains(UInt8(ascii: "_"), in: bytes, from: start) {
            escapeLiteralEscapes(in: &bytes, from: start)
        }
        if contains(0xEF, in: bytes, from: start) {
            escapeNonCharacters(in: &bytes, from: start)
        }
        if bytes.count - start > XLSXLimits.charactersPerCell {
            cut(&bytes, from: start)
        }
        bytes.append(0)
    }

    private static func contains(_ byte: UInt8, in bytes: [UInt8], from start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > start else { return false }
            return memchr(base + start, Int32(byte), buffer.count - start) != nil
        }
    }

    private static func replaceNULs(in bytes: inout [UInt8], from start: Int) {
        var replaced: [UInt8] = []
        replaced.reserveCapacity(bytes.count - start + 16)
        for byte in bytes[start...] {
            if byte == 0 {
                replaced.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                replaced.append(byte)
            }
        }
        bytes.replaceSubrange(start..., with: replaced)
    }

    /// Writes the `_` that starts each literal `_xHHHH_` as `_x005F_`.
    private static func escapeLiteralEscapes(in bytes: inout [UInt8], from start: Int) {
        guard (start..<bytes.count).contains(where: { startsEscape(bytes, at: $0) }) else { return }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count - start + 64)
        for index in start..<bytes.count {
            if startsEscape(bytes, at: index) {
                escaped.append(contentsOf: "_x005F_".utf8)
            } else {
                escaped.append(bytes[index])
            }
        }
        bytes.replaceSubrange(start..., with: escaped)
    }

    /// Writes U+FFFE and U+FFFF (UTF-8 `EF BF BE`, `EF BF BF`) as `_xFFFE_` and `_xFFFF_`.
    private static func escapeNonCharacters(in bytes: inout [UInt8], from start: Int) {
        func isNonCharacter(at index: Int) -> Bool {
            index + 2 < bytes.count && bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE
        }
        guard (start..<bytes.count).contains(where: isNonCharacter) else { return }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count - start + 16)
        var index = start
        while index < bytes.count {
            if isNonCharacter(at: index) {
                escaped.append(contentsOf: (bytes[index + 2] == 0xBE ? "_xFFFE_" : "_xFFFF_").utf8)
                index += 3
            } else {
                escaped.append(bytes[index])
                index += 1
            }
        }
        bytes.replaceSubrange(start..., with: escaped)
    }

    /// True when `_xHHHH_` starts at `index`.
    private static func startsEscape(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index] == UInt8(ascii: "_"), bytes[index + 1] == UInt8(ascii: "x"),
              bytes[index + 6] == UInt8(ascii: "_") else { return false }
        return bytes[(index + 2)..<(index + 6)].allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }

    /// Cuts the UTF-8 text from `start` after the cell's character limit.
    private static func cut(_ bytes: inout [UInt8], from start: Int) {
        var characters = 0
        for index in start..<bytes.count where bytes[index] & 0xC0 != 0x80 {
            characters += 1
            if characters > XLSXLimits.charactersPerCell {
                bytes.removeSubrange(index...)
                return
            }
        }
    }
}
