/// Counts the SMS segments of a message text, as an encoder splits it
/// (contract §7, 3GPP TS 23.038 §6.2.1).
package enum SegmentCounter {
    /// The encoding and the number of segments of `text`.
    package static func segmentation(of text: String) -> (encoding: SMSEncoding, segments: Int) {
        if let segments = text.utf8.withContiguousStorageIfAvailable(gsmSegmentsOfASCII) ?? nil {
            return (.gsm7, segments)
        }
        var gsm = PartCounter(single: 160, perPart: 153)
        for scalar in text.unicodeScalars {
            guard let septets = GSMAlphabet.septets(of: scalar.value) else {
                var ucs2 = PartCounter(single: 70, perPart: 67)
                for scalar in text.unicodeScalars {
                    ucs2.add(scalar.value > 0xFFFF ? 2 : 1)
                }
                return (.ucs2, ucs2.segments)
            }
            gsm.add(septets)
        }
        return (.gsm7, gsm.segments)
    }

    /// The GSM-7 segments of a text whose bytes are all ASCII characters of the alphabet,
    /// counted byte by byte (most texts); nil for any other text, which the general count
    /// takes from the start.
    private static func gsmSegmentsOfASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var gsm = PartCounter(single: 160, perPart: 153)
        for byte in bytes {
            guard byte < 0x80, let septets = GSMAlphabet.asciiSeptets(of: UInt32(byte)) else { return nil }
            gsm.add(septets)
        }
        return gsm.segments
    }
}

/// Counts parts in one pass over a text's characters: the total decides between one
/// part and several, and the greedy split is kept alongside in case it is needed.
private struct PartCounter {
    let single: Int
    let perPart: Int
    private var total = 0
    private var parts = 1
    private var used = 0

    init(single: Int, perPart: Int) {
        self.single = single
        self.perPart = perPart
    }

    /// Adds a character of `cost` units, never split across parts.
    mutating func add(_ cost: Int) {
        total += cost
        if used + cost > perPart {
            parts += 1
            used = cost
        } else {
            used += cost
        }
    }

    /// One part when the total fits `single`, else the greedy parts.
    var segments: Int {
        total <= single ? 1 : parts
    }
}
