/// The primitives every body is written with: bodies are built as UTF-8 bytes in a
/// reused `[UInt8]`, never by concatenating strings.
extension [UInt8] {
    /// Appends ASCII (or any UTF-8) text known at compile time.
    mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends the UTF-8 of `text` as it is.
    mutating func appendUTF8(_ text: String) {
        append(contentsOf: text.utf8)
    }

    /// Appends a decimal integer, with a `-` when negative.
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
        }
        let magnitude = value.magnitude
        var divisor: UInt64 = 1
        while magnitude / divisor >= 10 {
            divisor *= 10
        }
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends a decimal integer.
    mutating func appendDecimal(_ value: Int) {
        appendDecimal(Int64(value))
    }

    /// Appends `text` as a JSON string literal: quotes, backslash and every control
    /// character are escaped; everything else, non-ASCII included, is written as UTF-8.
    package mutating func appendJSONString(_ text: String) {
        append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""):
                appendASCII("\\\"")
            case UInt8(ascii: "\\"):
                appendASCII("\\\\")
            case UInt8(ascii: "\n"):
                appendASCII("\\n")
            case UInt8(ascii: "\r"):
                appendASCII("\\r")
            case UInt8(ascii: "\t"):
                appendASCII("\\t")
            case 0x08:
                appendASCII("\\b")
            case 0x0C:
                appendASCII("\\f")
            case 0..<0x20:
                appendASCII("\\u00")
                append(Self.hexDigit(byte >> 4))
                append(Self.hexDigit(byte & 0x0F))
            default:
                append(byte)
            }
        }
        append(UInt8(ascii: "\""))
    }

    /// Appends a JSON string literal, or `null` when `text` is nil.
    mutating func appendJSONStringOrNull(_ text: String?) {
        if let text {
            appendJSONString(text)
        } else {
            appendASCII("null")
        }
    }

    /// Appends one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a
    /// comma, a quote, a CR or an LF; as it is otherwise.
    mutating func appendCSVField(_ text: String) {
        let needsQuotes = text.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            appendUTF8(text)
            return
        }
        append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") {
                append(UInt8(ascii: "\""))
            }
            append(byte)
        }
        append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
