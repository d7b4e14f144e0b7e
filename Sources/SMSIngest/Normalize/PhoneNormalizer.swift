import SMSCore

/// A phone after normalisation (contract §3).
package struct NormalizedPhone: Sendable, Equatable {
    /// The 10-digit number when valid; otherwise the phone exactly as received.
    package var text: String
    /// True when the number is 10 digits starting with 9.
    package var isValid: Bool
    /// The valid number's 10 digits as an integer; nil when invalid.
    package var numericValue: Int64?

    /// The first three digits of a valid number; empty otherwise. Made when asked: the
    /// reader keeps only the number, and the merger names the operator from it.
    package var prefix: String {
        isValid ? String(decoding: text.utf8.prefix(3), as: UTF8.self) : ""
    }
}

/// Normalises the API's `client_phone` values (contract §3).
package enum PhoneNormalizer {
    /// Normalises `raw`, the phone as received (a JSON number's literal, or a string):
    /// 1. remove spaces, dashes, dots and brackets, and map Devanagari digits to ASCII;
    /// 2. strip the first prefix rule that matches: `+977`, else `977` on a 13-digit
    ///    number, else `0` on an 11-digit number.
    ///
    /// What is left is valid when it is 10 ASCII digits starting with 9.
    package static func normalize(_ raw: String) -> NormalizedPhone {
        var raw = raw
        return raw.withUTF8 { normalize(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Normalises the UTF-8 bytes of a phone as received. A phone that is already 10
    /// ASCII digits starting with 9, as nearly all are, takes no detour through
    /// Unicode scalars.
    package static func normalize(bytes: UnsafeRawBufferPointer) -> NormalizedPhone {
        if let number = plainNumber(bytes: bytes) {
            return NormalizedPhone(text: String(decoding: bytes, as: UTF8.self), isValid: true, numericValue: number)
        }
        return normalize(scalarsOf: String(decoding: bytes, as: UTF8.self))
    }

    /// The number of a phone received as exactly 10 ASCII digits starting with 9 (valid
    /// as it stands, as nearly all are); nil for any other bytes, which ``normalize(bytes:)``
    /// reads in full. Makes no text.
    package static func plainNumber(bytes: UnsafeRawBufferPointer) -> Int64? {
        guard bytes.count == 10, bytes[0] == UInt8(ascii: "9") else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// The text of a valid phone's number: its 10 digits (a valid number starts with 9,
    /// so it has exactly 10).
    package static func text(ofNumber number: Int64) -> String {
        withUnsafeTemporaryAllocation(byteCount: 10, alignment: 1) { digits in
            ASCIIDigits.write(Int(number), width: 10, into: digits, at: 0)
            return String(decoding: digits, as: UTF8.self)
        }
    }

    private static func normalize(scalarsOf raw: String) -> NormalizedPhone {
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(16)
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x09, 0xA0:
                continue
            case 0x0966...0x096F:
                cleaned.append(UInt8(ascii: "0") + UInt8(scalar.value - 0x0966))
            case 0x30...0x39, 0x2B:
                cleaned.append(UInt8(scalar.value))
            default:
                return invalid(raw)
            }
        }
        var digits = cleaned[...]
        if digits.starts(with: "+977".utf8) {
            digits = digits.dropFirst(4)
        } else if digits.count == 13, digits.starts(with: "977".utf8) {
            digits = digits.dropFirst(3)
        } else if digits.count == 11, digits.first == UInt8(ascii: "0") {
            digits = digits.dropFirst()
        }
        guard digits.count == 10, digits.first == UInt8(ascii: "9"),
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return invalid(raw) }
        let text = String(decoding: digits, as: UTF8.self)
        let value = digits.reduce(Int64(0)) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
        return NormalizedPhone(text: text, isValid: true, numericValue: value)
    }

    private static func invalid(_ raw: String) -> NormalizedPhone {
        NormalizedPhone(text: raw, isValid: false, numericValue: nil)
    }
}
