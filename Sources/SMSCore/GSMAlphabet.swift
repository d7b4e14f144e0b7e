/// The GSM 03.38 default alphabet and its extension table, as Unicode scalar values.
package enum GSMAlphabet {
    /// Characters that take one septet.
    package static let basic: Set<UInt32> = {
        var set = Set<UInt32>()
        let listed = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
        for scalar in listed.unicodeScalars {
            set.insert(scalar.value)
        }
        return set
    }()

    /// Characters that take two septets (an escape and the character): form feed and
    /// `^ { } \ [ ~ ] | €`.
    package static let `extension`: Set<UInt32> = {
        var set: Set<UInt32> = [0x0C]
        for scalar in "^{}\\[~]|€".unicodeScalars {
            set.insert(scalar.value)
        }
        return set
    }()

    /// The septets `scalar` takes in GSM-7 (1 or 2), or nil when it is outside the
    /// alphabet. ASCII, nearly every character of a message, is looked up in a table.
    package static func septets(of scalar: UInt32) -> Int? {
        if scalar < 128 {
            let cost = asciiSeptets[Int(scalar)]
            return cost == 0 ? nil : Int(cost)
        }
        if basic.contains(scalar) {
            return 1
        }
        return `extension`.contains(scalar) ? 2 : nil
    }

    /// Septets of each ASCII character; 0 for one outside the alphabet.
    private static let asciiSeptets: [UInt8] = (0..<128).map { scalar -> UInt8 in
        basic.contains(UInt32(scalar)) ? 1 : `extension`.contains(UInt32(scalar)) ? 2 : 0
    }
}
