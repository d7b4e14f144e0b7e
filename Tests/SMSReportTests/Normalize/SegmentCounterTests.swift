@testable import SMSCore
import Testing

/// Contract §7 "Segments": GSM-7 is 1 segment up to 160 septets, then parts of 153;
/// UCS-2 is 1 segment up to 70 UTF-16 units, then parts of 67; an extension character
/// or a surrogate pair never straddles two parts.
@Suite struct SegmentCounterTests {
    static func count(_ text: String) -> (encoding: SMSEncoding, segments: Int) {
        SegmentCounter.segmentation(of: text)
    }

    static func a(_ count: Int) -> String { String(repeating: "a", count: count) }
    /// Devanagari KA (U+0915): one UTF-16 unit, outside GSM-7.
    static func ka(_ count: Int) -> String { String(repeating: "क", count: count) }

    @Test(arguments: [(160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4), (1, 1)])
    func gsmSeptets(length: Int, segments: Int) {
        let result = Self.count(Self.a(length))
        #expect(result.encoding == .gsm7)
        #expect(result.segments == segments)
    }

    @Test func euroSignCountsTwoSeptets() {
        #expect(Self.count(Self.a(158) + "€").segments == 1)   // 160 septets
        #expect(Self.count(Self.a(159) + "€").segments == 2)   // 161 septets
        #expect(Self.count(Self.a(159) + "€").encoding == .gsm7)
    }

    @Test func extensionCharacterNeverStraddlesTwoParts() {
        // The contract's example: 306 septets but 3 segments.
        #expect(Self.count(Self.a(152) + "€" + Self.a(152)) == (.gsm7, 3))
        // The same with `^`: 152 + 2 would be 154 in part one, so `^` opens part two.
        #expect(Self.count(Self.a(152) + "^" + Self.a(152)).segments == 3)
    }

    @Test func extensionCharacterThatFitsExactlyStaysInItsPart() {
        // 151 + 2 = 153 fills part one; 153 more fill part two.
        #expect(Self.count(Self.a(151) + "{" + Self.a(153)).segments == 2)
        // 153 fill part one; `]` opens part two: 2 + 151 = 153.
        #expect(Self.count(Self.a(153) + "]" + Self.a(151)).segments == 2)
    }

    @Test func everyExtensionCharacterIsGSM7AndCostsTwo() {
        let extensionCharacters = "\u{0C}^{}\\[~]|€"
        for character in extensionCharacters {
            // 158 + 2 = 160 septets fits one segment; 159 + 2 does not.
            #expect(Self.count(Self.a(158) + String(character)) == (.gsm7, 1), "\(character)")
            #expect(Self.count(Self.a(159) + String(character)) == (.gsm7, 2), "\(character)")
        }
    }

    @Test func wholeBasicAlphabetIsOneGSM7Segment() {
        // GSM 03.38 default alphabet, all 127 characters other than the escape.
        let basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
        #expect(basic.unicodeScalars.count == 127)
        #expect(Self.count(basic) == (.gsm7, 1))
        // 127 + 34 = 161 septets: two segments.
        #expect(Self.count(basic + Self.a(34)) == (.gsm7, 2))
    }

    @Test(arguments: [(70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4)])
    func ucs2Units(length: Int, segments: Int) {
        let result = Self.count(Self.ka(length))
        #expect(result.encoding == .ucs2)
        #expect(result.segments == segments)
    }

    @Test func emojiCountsTwoUnits() {
        #expect(Self.count(String(repeating: "😀", count: 35)) == (.ucs2, 1))   // 70 units
        #expect(Self.count(String(repeating: "😀", count: 36)) == (.ucs2, 2))   // 72 units
    }

    @Test func sixtySevenEmojiAreThreeSegments() {
        // The contract's example: 134 units, but a part holds only 33 emoji (66 units).
        #expect(Self.count(String(repeating: "😀", count: 67)) == (.ucs2, 3))
    }

    @Test func surrogatePairNeverStraddlesTwoParts() {
        // 66 + 2 would be 68 in part one, so the emoji opens part two: 2 + 65 = 67, then 1.
        #expect(Self.count(Self.ka(66) + "😀" + Self.ka(66)).segments == 3)
        // 65 + 2 = 67 fills part one exactly; 67 more fill part two.
        #expect(Self.count(Self.ka(65) + "😀" + Self.ka(67)).segments == 2)
    }

    @Test func nepaliTextIsUCS2() {
        #expect(Self.count("नमस्ते") == (.ucs2, 1))
        #expect(Self.count("Hello नमस्ते").encoding == .ucs2)
    }

    @Test(arguments: ["a\tb", "naïve", "`quote`", "Ç ç", "“quoted”", "á"])
    func characterOutsideGSM7MakesTheTextUCS2(text: String) {
        #expect(Self.count(text).encoding == .ucs2)
    }

    @Test func oneCharacterOutsideGSM7ChangesTheLimitTo70() {
        // 100 GSM characters would be 1 segment, but a tab makes the whole text UCS-2: 101 units.
        #expect(Self.count(Self.a(100)) == (.gsm7, 1))
        #expect(Self.count(Self.a(100) + "\t") == (.ucs2, 2))
    }

    /// Every ASCII character costs what the alphabet's lists say: the bit sets that
    /// answer for ASCII are written out by hand, the lists are the definition.
    @Test func everyASCIICharacterCostsWhatTheAlphabetSays() {
        let wrong = (UInt32(0)..<128).filter { scalar in
            let listed: Int? = GSMAlphabet.basic.contains(scalar) ? 1 : GSMAlphabet.extension.contains(scalar) ? 2 : nil
            return GSMAlphabet.septets(of: scalar) != listed
        }
        #expect(wrong.isEmpty)
        #expect(GSMAlphabet.septets(of: 0x60) == nil)  // the backtick is outside the alphabet
        #expect(GSMAlphabet.septets(of: 0x7E) == 2)    // the tilde takes an escape
    }

    @Test func emptyTextIsOneGSM7Segment() {
        #expect(Self.count("") == (.gsm7, 1))
    }

    @Test func extensionCharacterAtTheSecondPartBoundary() {
        // 304 + 2 = 306 septets: 153, then 151 + 2 = 153 exactly — two segments.
        #expect(Self.count(Self.a(304) + "€") == (.gsm7, 2))
        // 305 + 2 = 307 septets: the `€` would straddle parts two and three, so it opens part three.
        #expect(Self.count(Self.a(305) + "€") == (.gsm7, 3))
        // 306 `a` and a form feed: 308 septets, three segments.
        #expect(Self.count(Self.a(306) + "\u{0C}") == (.gsm7, 3))
    }

    @Test func onlyExtensionCharactersFillAPartWithAnEvenNumberOfSeptets() {
        // 80 × `{` is 160 septets, one segment; 81 is 162: parts hold 76 (152 septets), so 81 → 2.
        #expect(Self.count(String(repeating: "{", count: 80)) == (.gsm7, 1))
        #expect(Self.count(String(repeating: "{", count: 81)) == (.gsm7, 2))
        // 153 × `|` is 306 septets but only 76 fit a part: 76 + 76 + 1 → 3 segments.
        #expect(Self.count(String(repeating: "|", count: 153)) == (.gsm7, 3))
    }

    @Test func emojiAtTheSingleSegmentBoundary() {
        // 68 + 2 = 70 units: one segment; 69 + 2 = 71: two.
        #expect(Self.count(Self.ka(68) + "😀") == (.ucs2, 1))
        #expect(Self.count(Self.ka(69) + "😀") == (.ucs2, 2))
        // 35 emoji are 70 units; with one more unit, parts of 67 hold 33 emoji: 33 + 2 + … → 2 segments.
        #expect(Self.count(String(repeating: "😀", count: 35) + "क") == (.ucs2, 2))
    }

    @Test func emojiAtTheSecondPartBoundary() {
        // 132 + 2 = 134 units: 67, then 65 + 2 = 67 — two segments.
        #expect(Self.count(Self.ka(132) + "😀") == (.ucs2, 2))
        // 133 + 2 = 135 units: the emoji would straddle parts two and three.
        #expect(Self.count(Self.ka(133) + "😀") == (.ucs2, 3))
    }

    @Test func aZeroWidthJoinerSequenceCountsEachOfItsUnits() {
        // 👩‍💻 is U+1F469 U+200D U+1F4BB: 2 + 1 + 2 = 5 units.
        #expect(Self.count(String(repeating: "👩‍💻", count: 14)) == (.ucs2, 1))   // 70 units
        #expect(Self.count(String(repeating: "👩‍💻", count: 15)) == (.ucs2, 2))   // 75 units
    }

    @Test func devanagariConjunctsCountTheirCodeUnits() {
        // क्ष is KA, VIRAMA, SSA: three units; श्री is SHA, VIRAMA, RA, II: four.
        #expect(Self.count("क्ष") == (.ucs2, 1))
        #expect(Self.count(String(repeating: "क्ष", count: 23) + "क") == (.ucs2, 1))    // 70 units
        #expect(Self.count(String(repeating: "क्ष", count: 23) + "कक") == (.ucs2, 2))   // 71 units
        #expect(Self.count(String(repeating: "श्री", count: 17) + "कक") == (.ucs2, 1))  // 70 units
        #expect(Self.count(String(repeating: "श्री", count: 18)) == (.ucs2, 2))         // 72 units
    }

    @Test func aConjunctMayStraddleTwoPartsUnlikeASurrogatePair() {
        // Contract §7 keeps only surrogate pairs whole: 65 + 3 + 66 = 134 units are two
        // parts of 67, the conjunct split after its second unit.
        #expect(Self.count(Self.ka(65) + "क्ष" + Self.ka(66)) == (.ucs2, 2))
        // The same place taken by an emoji and one unit: 65 + 2 fills part one exactly.
        #expect(Self.count(Self.ka(65) + "😀" + "क" + Self.ka(66)) == (.ucs2, 2))
    }

    @Test func aTabAtEitherEndMakesTheTextUCS2() {
        #expect(Self.count("\t" + Self.a(69)) == (.ucs2, 1))    // 70 units
        #expect(Self.count(Self.a(70) + "\t") == (.ucs2, 2))    // 71 units
        #expect(Self.count("\t") == (.ucs2, 1))
    }

    @Test func aGSMLookalikeOutsideTheAlphabetMakesTheTextUCS2() {
        // U+2126 OHM SIGN looks like Ω (U+03A9, in the alphabet) but is not GSM-7;
        // a decomposed é (e + U+0301) is not either.
        #expect(Self.count("Ω").encoding == .gsm7)
        #expect(Self.count("\u{2126}").encoding == .ucs2)
        #expect(Self.count("e\u{301}").encoding == .ucs2)
    }
}
