import Testing
@testable import XLSXWriter

/// Text reaches libxlsxwriter as a C string that fits a cell.
@Suite struct XLSXCellTextTests {
    private func prepared(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        XLSXCellText.append(text, to: &bytes)
        return bytes
    }

    @Test func textIsNULTerminatedUTF8() {
        #expect(prepared("=SUM(A1:A9)") == Array("=SUM(A1:A9)".utf8) + [0])
        #expect(prepared("") == [0])
    }

    @Test func textOverTheCellLimitIsCutAtACharacter() {
        let devanagari = String(repeating: "क", count: 40_000)
        let bytes = prepared(devanagari)
        #expect(bytes.last == 0)
        let text = String(decoding: bytes.dropLast(), as: UTF8.self)
        #expect(text.unicodeScalars.count == XLSXLimits.charactersPerCell)
        #expect(text == String(repeating: "क", count: XLSXLimits.charactersPerCell))
        let exactlyAtLimit = String(repeating: "a", count: XLSXLimits.charactersPerCell)
        #expect(prepared(exactlyAtLimit).count == XLSXLimits.charactersPerCell + 1)
    }

    @Test func aNULCharacterBecomesTheReplacementCharacter() {
        #expect(prepared("a\u{0}b") == Array("a\u{FFFD}b".utf8) + [0])
    }

    @Test func literalEscapeSequencesAreEscapedSoExcelShowsThemAsWritten() {
        #expect(prepared("code _x0041_ here") == Array("code _x005F_x0041_ here".utf8) + [0])
        #expect(prepared("_x0041_x00e9_") == Array("_x005F_x0041_x005F_x00e9_".utf8) + [0])
        #expect(prepared("_x004_ and _xGGGG_ and snake_case") == Array("_x004_ and _xGGGG_ and snake_case".utf8) + [0])
    }

    /// Issue 11.6: XML forbids U+FFFE and U+FFFF outright; libxlsxwriter passes them
    /// through, so they are written as the escapes Excel reads back as the character.
    @Test func nonCharactersAreWrittenAsExcelEscapes() {
        #expect(prepared("a\u{FFFE}b\u{FFFF}c") == Array("a_xFFFE_b_xFFFF_c".utf8) + [0])
        #expect(prepared("keep \u{FFFD} and \u{FFEE} _xFFFE_") == Array("keep \u{FFFD} and \u{FFEE} _x005F_xFFFE_".utf8) + [0])
    }
}

