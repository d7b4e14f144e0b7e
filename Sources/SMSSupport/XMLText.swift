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

    /// `text` with the XML entities `&amp; &lt; &gt; &quot; &apos;` and character
    /// references (`&#39;`, `&#x2212;`) replaced by their characters; anything else
    /// that starts with `&` is kept as it is.
    package static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [Substring: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].prefix(10).firstIndex(of: ";") else {
                result += "&"
                rest = rest[afterAmpersand...]
                continue
            }
            let name = rest[afterAmpersand..<semicolon]
            if let character = named[name] ?? characterReference(name) {
                result += character
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return result + rest
    }

    /// The character of `#39` or `#x2212`; nil for anything else.
    private static func characterReference(_ name: Substring) -> String? {
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
