@testable import SMSSupport
import Testing

/// Text bound for XML that a library escapes only for `& < >` (issue 11.6: the
/// workbook's document properties, sheet names and chart titles).
@Suite struct XMLTextTests {
    @Test func unescapeUndoesEscapeAndReadsCharacterReferences() {
        for text in ["plain", "a & b < c > d \"e\" 'f'", "नमस्ते &amp; 😀", "&&;&#;"] {
            #expect(XMLText.unescape(XMLText.escape(text)) == text)
        }
        #expect(XMLText.unescape("&lt;1s &#8722; &#x2212; &apos;x&apos;") == "<1s − − 'x'")
        #expect(XMLText.unescape("AT&T &nbsp; &#xZZ; &#1114112; & ;") == "AT&T &nbsp; &#xZZ; &#1114112; & ;")
    }

    @Test func charactersXMLForbidsBecomeTheReplacementCharacter() {
        let text = "a\u{0}b\u{1}c\u{0B}d\u{1F}e\u{FFFE}f\u{FFFF}g"
        #expect(XMLText.replacingDisallowedCharacters(text) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g")
    }

    @Test(arguments: ["tab\tline\ncr\r", "नमस्ते 😀", "plain & <markup>", "\u{FFFD}\u{E000}\u{10FFFF}", ""])
    func textXMLAllowsIsKeptAsItIs(text: String) {
        #expect(XMLText.replacingDisallowedCharacters(text) == text)
    }
}
