import Foundation

/// Header text as RFC 5322, 2047 and 2231 want it: encoded words for non-ASCII
/// text, quoted strings, file-name parameters, and lines folded to 78 characters.
package enum MIMEHeaderEncoding {
    /// The longest line we write when it can be helped (RFC 5322 §2.1.1).
    package static let foldWidth = 78
    /// UTF-8 bytes per encoded word: 39 bytes make 52 base64 characters, so a word
    /// is 64 characters and `Subject: ` plus one word stays under 76 (RFC 2047 §2).
    private static let bytesPerEncodedWord = 39

    /// `Name: value` folded at spaces so that lines stay within 78 characters where
    /// a space allows it, with CRLF line ends (no final CRLF).
    package static func headerLine(_ name: String, _ value: String) -> String {
        var lines: [String] = []
        var line = "\(name):"
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            let lineHasWord = line.count > name.count + 1
            if line.count + 1 + word.count > foldWidth && lineHasWord && !word.isEmpty {
                lines.append(line)
                line = " \(word)"
            } else {
                line += " \(word)"
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// Unstructured text (a subject): as is when it is printable ASCII and cannot
    /// be mistaken for an encoded word, otherwise UTF-8 encoded words (`B`).
    package static func unstructured(_ text: String) -> String {
        let clean = withoutControlCharacters(text)
        return needsEncoding(clean) ? encodedWords(clean) : clean
    }

    /// A display name: an atom phrase as is, a quoted string when it has specials,
    /// encoded words when it is not ASCII.
    package static func phrase(_ text: String) -> String {
        let clean = withoutControlCharacters(text)
        if needsEncoding(clean) {
            return encodedWords(clean)
        }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ")
        if clean.allSatisfy(atext.contains) {
            return clean
        }
        return quotedString(clean)
    }

    /// `"text"` with `"` and `\` escaped.
    package static func quotedString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `=?UTF-8?B?…?=` words separated by spaces; a character's bytes never straddle
    /// two words.
    package static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerEncodedWord {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty {
            words.append(encodedWord(chunk))
        }
        return words.joined(separator: " ")
    }

    /// The parameters of a Content-Disposition for `fileName` (RFC 2183, 2231):
    /// `filename="…"` for short printable ASCII, else `filename*=UTF-8''…`,
    /// split into `filename*0*`, `filename*1*`… when long.
    package static func fileNameParameter(_ fileName: String) -> String {
        let clean = withoutControlCharacters(fileName)
        if !needsEncoding(clean) && clean.count <= 60 {
            return "filename=\(quotedString(clean))"
        }
        let segments = percentEncodedSegments(clean, maximumLength: 60)
        guard segments.count > 1 else {
            return "filename*=UTF-8''\(segments[0])"
        }
        return segments.enumerated().map { index, segment in
            index == 0 ? "filename*0*=UTF-8''\(segment)" : "filename*\(index)*=\(segment)"
        }.joined(separator: "; ")
    }

    /// The `name` parameter of a Content-Type for `fileName`: quoted ASCII, or an
    /// RFC 2047 encoded word inside quotes for clients that do not read RFC 2231.
    package static func nameParameter(_ fileName: String) -> String {
        let clean = withoutControlCharacters(fileName)
        return "name=" + quotedString(needsEncoding(clean) ? encodedWords(clean) : clean)
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }

    private static func needsEncoding(_ text: String) -> Bool {
        !text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } || text.contains("=?")
    }

    private static func withoutControlCharacters(_ text: String) -> String {
        let scalars = text.unicodeScalars.map { scalar -> Unicode.Scalar in
            scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// RFC 2231 percent-encoding of the UTF-8 bytes, cut into segments of at most
    /// `maximumLength` characters that never split a `%XX`.
    private static func percentEncodedSegments(_ text: String, maximumLength: Int) -> [String] {
        let attributeCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~".utf8)
        var segments: [String] = []
        var segment = ""
        for byte in text.utf8 {
            let piece = attributeCharacters.contains(byte) ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
            if segment.count + piece.count > maximumLength {
                segments.append(segment)
                segment = ""
            }
            segment += piece
        }
        segments.append(segment)
        return segments
    }
}
