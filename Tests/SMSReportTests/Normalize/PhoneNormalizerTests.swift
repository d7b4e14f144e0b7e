@testable import SMSIngest
import Testing

/// Contract §3 "Phone": drop separators, map Devanagari digits, strip one prefix rule;
/// valid when 10 digits starting with 9; an invalid phone is kept exactly as received.
@Suite struct PhoneNormalizerTests {
    @Test(arguments: [
        ("9841234567", "9841234567"),          // plain 10 digits (a JSON number's literal)
        ("+977-984-1234567", "9841234567"),    // +977 with dashes
        ("+9779841234567", "9841234567"),      // +977 without separators
        ("977 9841234567", "9841234567"),      // 977 on a 13-digit number
        ("9779841234567", "9841234567"),       // the same as a JSON number
        ("09841234567", "9841234567"),         // leading 0 on 11 digits
        ("९८४१२३४५६७", "9841234567"),           // Devanagari digits
        ("+९७७ ९८०-१२३४५६७", "9801234567"),     // Devanagari with +977 and separators
        ("(984) 123.4567", "9841234567"),      // brackets and dots
        ("[984] 123-45 67", "9841234567"),     // square brackets too
        ("9612345678", "9612345678"),
    ])
    func validPhone(raw: String, normalised: String) {
        let phone = PhoneNormalizer.normalize(raw)
        #expect(phone.isValid)
        #expect(phone.text == normalised)
        #expect(phone.prefix == String(normalised.prefix(3)))
    }

    @Test(arguments: [
        "+1 555 0100",        // a + without 977
        "+44 7911 123456",
        "12345",              // too short
        "98412345678",        // 11 digits not starting with 0
        "1234567890123",      // 13 digits not starting with 977
        "9781234567890",      // 13 digits, 978 not 977
        "8841234567",         // 10 digits not starting with 9
        "984123456",          // 9 digits
        "+97709841234567",    // only the first rule is applied: +977 then 0…
        "98412x4567",         // a letter
        "",
    ])
    func invalidPhoneIsKeptExactlyAsReceived(raw: String) {
        let phone = PhoneNormalizer.normalize(raw)
        #expect(!phone.isValid)
        #expect(phone.text == raw)
        #expect(phone.prefix == "")
    }
}
