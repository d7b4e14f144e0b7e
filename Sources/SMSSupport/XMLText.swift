/// Escapes text for XML and HTML: element content and attribute values alike.
package enum XMLText {
    /// `text` with `& < > " '` replaced by entities.
    package static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// True for a character that XML 1.0 allows in a document: tab, LF, CR, and
    /// everything from U+0020 on except U+FFFE and U+FFFF. (A Swift string cannot hold
    /// the surrogates, the other excluded range.)
    package static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// `text` with every character that XML 1.0 does not allow (the C0 control
    /// characters but tab, LF and CR; U+FFFE; U+FFFF) replaced by U+FFFD, so that text
    /// written into an XML document by a library that escapes only `& < >` keeps the
    /// document well-formed. Text without such characters is returned as it is.
    package static func replacingDisallowedCharacters(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isAllowed) else { return text }
        var cleaned = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            cleaned.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
        }
        return String(cleaned)
    }
}
