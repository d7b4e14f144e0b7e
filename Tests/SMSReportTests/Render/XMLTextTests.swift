@testable import SMSSupport
import Testing

/// Text bound for XML that a library escapes only for `& < >` (issue 11.6: the
/// workbook's document properties, sheet names and chart titles).
@Suite struct XMLTextTests {
    @Test func charactersXMLForbidsBecomeTheReplacementCharacter() {
        let text = "a\u{0}b\u{1}c\u{0B}d\u{1F}e\u{FFFE}f\u{FFFF}g"
        #expect(XMLText.replacingDisallowedCharacters(text) == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\u{FFFD}f\u{FFFD}g")
    }

    @Test(arguments: ["tab\tline\ncr\r", "नमस्ते 😀", "plain & <markup>", "\u{FFFD}\u{E000}\u{10FFFF}", ""])
    func textXMLAllowsIsKeptAsItIs(text: String) {
        #expect(XMLText.replacingDisallowedCharacters(text) == text)
    }
}
