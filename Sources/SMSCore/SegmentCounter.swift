/// Counts the SMS segments of a message text, as an encoder splits it
/// (contract §7, 3GPP TS 23.038 §6.2.1).
package enum SegmentCounter {
    /// The encoding and the number of segments of `text`.
    package static func segmentation(of text: String) -> (encoding: SMSEncoding, segments: Int) {
        if let septets = gsmSeptetCosts(of: text) {
            return (.gsm7, segments(costs: septets, single: 160, perPart: 153))
        }
        let units = text.unicodeScalars.map { $0.value > 0xFFFF ? 2 : 1 }
        return (.ucs2, segments(costs: units, single: 70, perPart: 67))
    }

    /// The septets each character takes, or nil when a character is outside GSM-7.
    package static func gsmSeptetCosts(of text: String) -> [Int]? {
        var costs: [Int] = []
        costs.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if GSMAlphabet.basic.contains(scalar.value) {
                costs.append(1)
            } else if GSMAlphabet.extension.contains(scalar.value) {
                costs.append(2)
            } else {
                return nil
            }
        }
        return costs
    }

    /// Parts needed for characters of the given costs: one part when the total fits
    /// `single`, else greedy parts of `perPart`, never splitting one character's units.
    package static func segments(costs: [Int], single: Int, perPart: Int) -> Int {
        let total = costs.reduce(0, +)
        if total <= single {
            return 1
        }
        var parts = 1
        var used = 0
        for cost in costs {
            if used + cost > perPart {
                parts += 1
                used = cost
            } else {
                used += cost
            }
        }
        return parts
    }
}
