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
}
