/// Maps the first three digits of a valid phone to its operator (contract §3).
package struct OperatorTable: Sendable, Equatable {
    /// The operator of a valid number whose prefix the table does not list.
    package static let other = "OTHER"
    /// The operator of a number that is not valid.
    package static let invalid = "INVALID"

    /// Three-digit prefix → operator name.
    package private(set) var operatorByPrefix: [String: String]
    /// The same table indexed by the prefix as a number (000–999), for reading millions
    /// of phones without hashing a text each time.
    private var operatorByPrefixNumber: [String]

    /// The contract's default table.
    package static let standard = OperatorTable(operators: [
        "NTC": ["984", "985", "986", "974", "975", "976"],
        "NCELL": ["980", "981", "982", "970"],
        "SMART": ["961", "962", "988"],
        "UTL": ["972"],
    ])

    /// A table from operator name → its prefixes. A prefix listed twice belongs to the
    /// operator whose name sorts first, so the table never depends on dictionary order.
    package init(operators: [String: [String]]) {
        var table: [String: String] = [:]
        for name in operators.keys.sorted().reversed() {
            for prefix in operators[name] ?? [] {
                table[prefix] = name
            }
        }
        operatorByPrefix = table
        var byNumber = Array(repeating: Self.other, count: 1000)
        for (prefix, name) in table where Self.isPrefix(prefix) {
            byNumber[Int(prefix) ?? 0] = name
        }
        operatorByPrefixNumber = byNumber
    }

    /// True when `text` is a prefix the table can hold: exactly three ASCII digits.
    package static func isPrefix(_ text: String) -> Bool {
        text.utf8.count == 3 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The operator of a valid number with the given three-digit prefix.
    package func operatorName(forPrefix prefix: String) -> String {
        guard Self.isPrefix(prefix), let number = Int(prefix) else { return operatorByPrefix[prefix] ?? Self.other }
        return operatorName(forPrefixNumber: number)
    }

    /// The operator of a valid number whose first three digits are `prefixNumber` (000–999).
    package func operatorName(forPrefixNumber prefixNumber: Int) -> String {
        operatorByPrefixNumber.indices.contains(prefixNumber) ? operatorByPrefixNumber[prefixNumber] : Self.other
    }
}
