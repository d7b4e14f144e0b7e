/// Turns a batch id into a name that is safe as a file name, and back (contract §2).
///
/// The name keeps `A-Z a-z 0-9 . _ -` and percent-encodes every other byte of the
/// id's UTF-8, with upper-case hex digits: `campaign/2025-11 A` becomes
/// `campaign%2F2025-11%20A`.
public enum FileSafeName {
    /// The file-safe form of `id`, without any extension.
    public static func encode(_ id: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(id.utf8.count)
        for byte in id.utf8 {
            if isKept(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The id behind a file-safe name: every `%XX` is decoded, other bytes are kept.
    /// A `%` not followed by two hex digits is kept as it is.
    public static func decode(_ name: String) -> String {
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
    public static func batchReportFileName(for id: String) -> String {
        encode(id) + ".json"
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

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
