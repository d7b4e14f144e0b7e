import Foundation

/// The two content transfer encodings the messages use (RFC 2045 §6).
package enum MIMETransferEncoding {
    /// The longest encoded line, without its CRLF (RFC 2045 §6.7, §6.8).
    package static let lineLength = 76

    /// The length of ``base64(_:)`` of `byteCount` bytes, without encoding them.
    package static func base64Length(ofByteCount byteCount: Int) -> Int {
        let encoded = (byteCount + 2) / 3 * 4
        return encoded + (encoded + lineLength - 1) / lineLength * 2
    }

    /// base64 in lines of 76 characters, each ended by CRLF.
    package static func base64(_ data: Data) -> [UInt8] {
        let encoded = Array(data.base64EncodedData())
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count + encoded.count / lineLength * 2 + 2)
        var start = 0
        while start < encoded.count {
            let end = min(start + lineLength, encoded.count)
            output.append(contentsOf: encoded[start..<end])
            output.append(contentsOf: [0x0D, 0x0A])
            start = end
        }
        return output
    }

    /// Quoted-printable of `text`'s UTF-8 bytes, for text parts (RFC 2045 §6.7).
    /// Line breaks (CRLF, LF or a lone CR) become CRLF hard breaks; longer lines get
    /// soft breaks (`=` at the end) within 76 characters; `=`, bytes outside
    /// printable ASCII and a space or tab at the end of a line are written `=XX`,
    /// and so is a `.` that would start a line: no line starts with a dot, so
    /// SMTP's dot-stuffing adds nothing and the message's size is the size sent.
    /// The output ends with CRLF only when the text ends with a line break.
    package static func quotedPrintable(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                appendQuotedPrintableLine(bytes[lineStart..<index], to: &output)
                output.append(contentsOf: [0x0D, 0x0A])
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    index += 1
                }
                lineStart = index + 1
            }
            index += 1
        }
        appendQuotedPrintableLine(bytes[lineStart..<bytes.count], to: &output)
        return output
    }

    private static func appendQuotedPrintableLine(_ line: ArraySlice<UInt8>, to output: inout [UInt8]) {
        var width = 0
        for position in line.indices {
            let byte = line[position]
            let isLast = position == line.index(before: line.endIndex)
            var literal = (byte >= 0x21 && byte <= 0x7E && byte != UInt8(ascii: "="))
                || ((byte == 0x20 || byte == 0x09) && !isLast)
            // Keep room for the soft break's `=`, except on the line's last piece.
            let limit = isLast ? lineLength : lineLength - 1
            if width + (literal ? 1 : 3) > limit {
                output.append(contentsOf: [UInt8(ascii: "="), 0x0D, 0x0A])
                width = 0
            }
            if width == 0 && byte == UInt8(ascii: ".") {
                literal = false
            }
            let pieceWidth = literal ? 1 : 3
            if literal {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "="))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
            width += pieceWidth
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
