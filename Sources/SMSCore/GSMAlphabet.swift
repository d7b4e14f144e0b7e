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
    /// alphabet. ASCII, nearly every character of a message, is looked up in bit sets.
    package static func septets(of scalar: UInt32) -> Int? {
        if scalar < 128 {
            return asciiSeptets(of: scalar)
        }
        if basic.contains(scalar) {
            return 1
        }
        return `extension`.contains(scalar) ? 2 : nil
    }

    /// The septets of an ASCII character (below 128), from ``basic`` and ``extension`` written out as
    /// 128-bit sets (low and high halves). Constants, not a table made on first use: that
    /// would cost a lazy global's check for every character of every new text.
    @inline(__always)
    static func asciiSeptets(of scalar: UInt32) -> Int? {
        assert(scalar < 128, "not an ASCII character")
        let (basicBits, extensionBits): (UInt64, UInt64) = scalar < 64
            ? (0xFFFF_FFFF_0000_2400, 0x0000_0000_0000_1000)
            : (0x07FF_FFFE_87FF_FFFF, 0x7800_0000_7800_0000)
        let bit: UInt64 = 1 << UInt64(scalar & 63)
        return basicBits & bit != 0 ? 1 : extensionBits & bit != 0 ? 2 : nil
    }
}
