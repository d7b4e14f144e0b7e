import SMSCore
import Testing

/// The catalog answers "longer than a cell?" for every delivery from a bit per text:
/// the answer must be the entry's, for texts on both sides of a long one and across
/// more than one word of bits.
@Suite struct MessageCatalogTests {
    @Test func onlyTheTextLongerThanACellExceedsIt() {
        var catalog = MessageCatalog()
        let short = catalog.intern("नमस्ते")
        let longest = catalog.intern(String(repeating: "b", count: MessageCatalog.cellCharacterLimit))
        #expect(!catalog.exceedsCellLimit(at: short))
        #expect(!catalog.exceedsCellLimit(at: longest))

        let long = catalog.intern(String(repeating: "a", count: MessageCatalog.cellCharacterLimit + 1))
        let laterShort = catalog.intern("OTP 123456")
        #expect(catalog.exceedsCellLimit(at: long))
        #expect(!catalog.exceedsCellLimit(at: short))
        #expect(!catalog.exceedsCellLimit(at: longest))
        #expect(!catalog.exceedsCellLimit(at: laterShort))
    }

    @Test func aLongTextIsMeasuredInCharactersNotBytes() {
        // 32,767 Devanagari letters are 98,301 bytes: more bytes than the limit, but
        // not more characters.
        var catalog = MessageCatalog()
        let atLimit = catalog.intern(String(repeating: "क", count: MessageCatalog.cellCharacterLimit))
        let overLimit = catalog.intern(String(repeating: "ख", count: MessageCatalog.cellCharacterLimit + 1))
        #expect(!catalog.exceedsCellLimit(at: atLimit))
        #expect(catalog.exceedsCellLimit(at: overLimit))
    }

    @Test func eachOfManyTextsKeepsItsOwnAnswer() {
        var catalog = MessageCatalog()
        let long = String(repeating: "x", count: MessageCatalog.cellCharacterLimit + 1)
        // Long texts on the first and last bit of a word of bits, and in between.
        let isLong = { (number: Int) in number % 64 == 0 || number % 64 == 63 || number % 67 == 3 }
        let indices = (0..<200).map { number in catalog.intern(isLong(number) ? long + "\(number)" : "text \(number)") }
        for (number, index) in indices.enumerated() {
            #expect(catalog.exceedsCellLimit(at: index) == isLong(number))
        }
    }

    @Test func aTextInternedTwiceKeepsItsIndex() {
        var catalog = MessageCatalog()
        let first = catalog.intern("Your code is 1234")
        _ = catalog.intern("another text")
        #expect(catalog.intern("Your code is 1234") == first)
        #expect(catalog.entries.count == 2)
    }
}
