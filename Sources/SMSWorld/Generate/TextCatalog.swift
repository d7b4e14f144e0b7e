/// The message texts and client names the world draws from.
enum TextCatalog {
    /// Campaign texts, shared by every message of a batch. Between them they hold long
    /// GSM-7 and UCS-2 texts, exactly 160 GSM-7 characters, GSM-7 extension characters,
    /// emoji, Nepali, commas, quotes, newlines, a tab and backslashes.
    static let campaignTexts: [String] = [
        "Burst Mode Test. Please Ignore it. @5:00",
        "Dashain offer: 20% off on all recharge cards, today only! Reply STOP to opt out.",
        "Dear customer, your bill of NPR 1,250.00 is due on 15-Nov. Pay via the app to avoid a late fee of NPR 50.",
        "Reminder: your appointment is tomorrow at 10:30 AM.\nBring your ID card.\nCall 01-4444444 to reschedule.",
        "He said \"see you at the big sale\" and he meant it. Don't miss it!",
        "Important notice from your bank: we will never ask for your PIN, OTP or password by phone, SMS or email. "
            + "If anyone asks, do not share it and report the number to our 24-hour hotline at 1660-01-00000 immediately. Stay safe.",
        "Use code {TIHAR25} at checkout [valid till 15/11] ~ limited stock | prices from €5 ^_^",
        "Report saved to C:\\Reports\\Nov\tstatus: OK",
        "🎉 Happy Tihar! 🪔 Wishing you and your family light, joy and prosperity. 🎆",
        "Your data pack of 10 GB has been activated and is valid for 30 days. Dial *1415# to check your balance. "
            + "Thank you for choosing us. Enjoy fast 4G speeds!! Cheers",
        "दशैंको उपलक्ष्यमा सबै रिचार्ज कार्डमा २०% छुट! आजै रिचार्ज गर्नुहोस्।",
        "प्रिय ग्राहक, तपाईंको खाताबाट रु. ५,०००.०० निकालिएको छ। यदि यो कारोबार तपाईंले गर्नुभएको होइन भने "
            + "तुरुन्तै हाम्रो हटलाइन १६६०-०१-०००० मा सम्पर्क गर्नुहोस्। धन्यवाद।",
        "Namaste! तपाईंको order #4521 पठाइएको छ।",
    ]

    /// The greeting sent by the batch whose id is in Devanagari.
    static let tiharGreeting = "शुभ दीपावली! 🪔 तिहारको हार्दिक मंगलमय शुभकामना।"

    /// Client names, with a comma, quotes and Devanagari among them.
    static let clientNames: [String] = [
        "Ram Sharma", "Sita Thapa", "Hari Gurung", "Gita K.C.", "Anil Shrestha", "Dr. Prakash Adhikari",
        "Shrestha, Bikash", "Maya \"Mina\" Rai", "सीता थापा", "राम बहादुर", "Pemba Sherpa", "Sunita Magar",
    ]

    /// Texts that a spreadsheet would run as formulas.
    static let formulaTexts: [String] = [
        "=SUM(A1:A9)",
        "+977 call us now for a free recharge",
        "-50% off this weekend only",
        "@here meeting at 5 PM",
    ]

    /// Texts that would inject markup into an HTML report.
    static let htmlTexts: [String] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
    ]

    /// Texts with control characters.
    static let controlCharacterTexts: [String] = [
        "Low balance\u{07} alert: top up now \u{1B}[0m",
        "Windows line\r\nbreak in a message",
    ]

    /// A text of 33,000 characters, longer than an XLSX cell holds.
    static let oversizedText: String = {
        let sentence = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. "
        let repeats = 33_000 / sentence.utf8.count + 1
        return String(String(repeating: sentence, count: repeats).prefix(33_000))
    }()

    /// A one-off transactional text (OTP, bank alert, shipping notice…), with its own numbers.
    static func transactionalText(using random: inout WorldRandom) -> String {
        switch random.below(6) {
        case 0, 1:
            let code = random.inRange(100_000...999_999)
            return "Your verification code is \(code). It expires in 5 minutes. Do not share it with anyone."
        case 2:
            let code = devanagariDigits(of: random.inRange(100_000...999_999))
            return "तपाईंको OTP \(code) हो। कृपया कसैलाई नदिनुहोस्।"
        case 3:
            let account = random.inRange(1000...9999)
            let thousands = random.inRange(1...250)
            let amount = "\(thousands),\(random.inRange(100...999))"
            return "Dear customer, A/C XXXX\(account) credited with NPR \(amount).00. Avl bal NPR \(thousands + 3),000.00."
        case 4:
            let order = random.inRange(10_000...99_999)
            let days = random.inRange(1...5)
            return "Your order #\(order) has been shipped and will arrive in \(days) days. Track at https://example.com/t/\(order)"
        default:
            let hour = random.inRange(10...23)
            let minute = random.inRange(10...59)
            return "New login to your account from Chrome on Windows at \(hour):\(minute). Not you? Reply \"NO\"."
        }
    }

    /// The decimal digits of `value` written in Devanagari (०–९).
    static func devanagariDigits(of value: Int) -> String {
        devanagariDigits(of: String(value))
    }

    /// `digits` (ASCII `0`–`9`) written in Devanagari (०–९); other characters are kept.
    static func devanagariDigits(of digits: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in digits.unicodeScalars {
            if ("0"..."9").contains(scalar), let devanagari = Unicode.Scalar(0x0966 + scalar.value - 0x30) {
                scalars.append(devanagari)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
