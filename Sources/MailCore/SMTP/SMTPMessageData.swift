/// The bytes sent after DATA (RFC 5321 §4.5.2): lines end in CRLF, a line that
/// starts with `.` gets a second `.` (dot-stuffing), and `.` on a line of its own
/// ends the message.
package enum SMTPMessageData {
    /// `message` dot-stuffed and terminated. A bare LF becomes CRLF; a missing final
    /// line break is added.
    package static func dotStuffed(_ message: [UInt8]) -> [UInt8] {
        let dot = UInt8(ascii: "."), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var output: [UInt8] = []
        output.reserveCapacity(message.count + message.count / 64 + 8)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in message {
            if atLineStart && byte == dot {
                output.append(dot)
            }
            if byte == lf && previous != cr {
                output.append(cr)
            }
            output.append(byte)
            atLineStart = byte == lf
            previous = byte
        }
        if !output.isEmpty && !atLineStart {
            output.append(contentsOf: [cr, lf])
        }
        output.append(contentsOf: [dot, cr, lf])
        return output
    }
}
