import Crypto

/// Turns a batch id into a name that is safe as a file name, and back (contract §2).
///
/// The name keeps `A-Z a-z 0-9 . _ -` and percent-encodes every other byte of the
/// id's UTF-8, with upper-case hex digits: `campaign/2025-11 A` becomes
/// `campaign%2F2025-11%20A`. An id that starts with `.` (`.`, `..`, `.hidden`) has
/// every dot encoded as `%2E`, so that no name is a dot entry or a hidden file. A name
/// that would pass ``maximumLength`` bytes is cut to its first ``shortenedPrefixLength``
/// bytes (never inside a `%XX`), followed by `~` and the first 16 hex digits of the
/// SHA-256 of the id; only the manifest's `batches` then gives the real id. `~` is
/// always encoded in a name that is not shortened, so a shortened name is never the
/// encoding of another id.
package enum FileSafeName {
    /// The longest name (in bytes, without `.json`) that is kept whole.
    package static let maximumLength = 200
    /// The bytes of the encoded name that a shortened name keeps, at most.
    package static let shortenedPrefixLength = 180

    /// The file-safe form of `id`, without any extension.
    package static func encode(_ id: String) -> String {
        let encodesDots = id.utf8.first == UInt8(ascii: ".")
        var output: [UInt8] = []
        output.reserveCapacity(id.utf8.count)
        for byte in id.utf8 {
            if isKept(byte), !(encodesDots && byte == UInt8(ascii: ".")) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
        }
        guard output.count > maximumLength else {
            return String(decoding: output, as: UTF8.self)
        }
        return String(decoding: shortened(output, id: id), as: UTF8.self)
    }

    /// The id behind a file-safe name: every `%XX` is decoded, other bytes are kept.
    /// A `%` not followed by two hex digits is kept as it is. A shortened name does not
    /// decode to its id (the manifest's `batches` holds it).
    package static func decode(_ name: String) -> String {
        let bytes = Array(name.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The file name of a batch report inside `sms-report-batch/`.
    package static func batchReportFileName(for id: String) -> String {
        encode(id) + ".json"
    }

    /// The first ``shortenedPrefixLength`` bytes of `encoded`, moved back to the start
    /// of a `%XX` it would cut, then `~` and 16 hex digits of the id's SHA-256.
    private static func shortened(_ encoded: [UInt8], id: String) -> [UInt8] {
        var cut = shortenedPrefixLength
        if let percent = encoded[(cut - 2)..<cut].firstIndex(of: UInt8(ascii: "%")) {
            cut = percent
        }
        let digest = SHA256.hash(data: Array(id.utf8)).prefix(8)
        var output = Array(encoded[..<cut])
        output.append(UInt8(ascii: "~"))
        for byte in digest {
            output.append(lowerHexDigit(byte >> 4))
            output.append(lowerHexDigit(byte & 0x0F))
        }
        return output
    }

    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }

    private static func lowerHexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
