import SMSAggregate

/// Gives each distinct (prefix, operator) pair a small id without hashing strings:
/// a three-digit prefix is its own index, and its operator is compared with the few
/// already seen for it (one, unless an operator table maps a prefix twice over time).
struct OperatorSlots {
    /// The pairs, by id.
    private(set) var pairs: [(prefix: String, operatorName: String)] = []
    /// For each three-digit prefix (0…999), the ids of its pairs.
    private var idsByDigits = [[Int32]](repeating: [], count: 1_000)
    /// Any other prefix (empty for an invalid number), by its interned id.
    private var otherPrefixes = KeyInterner<String>()
    private var idsByOtherPrefix: [[Int32]] = []

    /// The id of (`prefix`, `operatorName`), created when new.
    mutating func id(prefix: String, operatorName: String) -> Int32 {
        if let digits = Self.threeDigitValue(prefix) {
            if let id = find(operatorName, among: idsByDigits[digits]) { return id }
            let id = append(prefix: prefix, operatorName: operatorName)
            idsByDigits[digits].append(id)
            return id
        }
        let prefixID = Int(otherPrefixes.index(of: prefix))
        if prefixID == idsByOtherPrefix.count { idsByOtherPrefix.append([]) }
        if let id = find(operatorName, among: idsByOtherPrefix[prefixID]) { return id }
        let id = append(prefix: prefix, operatorName: operatorName)
        idsByOtherPrefix[prefixID].append(id)
        return id
    }

    private func find(_ operatorName: String, among ids: [Int32]) -> Int32? {
        ids.first { pairs[Int($0)].operatorName == operatorName }
    }

    private mutating func append(prefix: String, operatorName: String) -> Int32 {
        pairs.append((prefix, operatorName))
        return Int32(pairs.count - 1)
    }

    /// The value of a prefix of exactly three ASCII digits, else nil.
    private static func threeDigitValue(_ prefix: String) -> Int? {
        var value = 0
        var count = 0
        for byte in prefix.utf8 {
            guard count < 3, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            count += 1
        }
        return count == 3 ? value : nil
    }
}
