import Foundation
import Yams

/// A YAML node together with its key path, so that whatever is wrong with it can be
/// reported with the path and the line.
package struct ConfigNode {
    /// The YAML node.
    package let node: Node
    /// Where it sits in the document.
    package let path: ConfigKeyPath

    /// The node's 1-based line.
    package var line: Int? { node.mark?.line }

    /// True for an explicit null (`key:`, `key: ~`, `key: null`).
    package var isNull: Bool {
        if case .scalar = node {
            return node.tagName == .null
        }
        return false
    }
}

/// A mapping whose keys have been checked against the keys it may hold.
package struct ConfigMapping {
    /// The mapping node itself.
    package let node: ConfigNode
    /// Its entries in file order, keys as text.
    package let entries: [(key: String, keyLine: Int?, value: ConfigNode)]

    /// The value of `key`; nil when the key is absent or its value is null.
    package func optional(_ key: String) -> ConfigNode? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }
}

/// Walks a composed YAML document with typed accessors. Every accessor that finds a
/// problem records a ``ConfigError`` (key path and line included) and returns nil, so
/// one pass collects every problem in the file.
package final class ConfigReader {
    /// The file, for error messages.
    package let file: String
    /// Every problem found so far, in the order found.
    package private(set) var errors: [ConfigError] = []

    /// A reader that names `file` in its errors.
    package init(file: String) {
        self.file = file
    }

    /// Records a problem at `path` on `line`.
    package func report(_ problem: ConfigProblem, at path: ConfigKeyPath, line: Int?) {
        errors.append(ConfigError(file: file, keyPath: path, line: line, problem: problem))
    }

    /// Records a problem about `node`.
    package func report(_ problem: ConfigProblem, about node: ConfigNode) {
        report(problem, at: node.path, line: node.line)
    }

    /// `node` as a mapping. With `allowed`, every other key is reported as unknown; with
    /// `required`, every absent (or null) one is reported as missing, at the mapping's line.
    package func mapping(_ node: ConfigNode, allowed: [String]? = nil, required: [String] = []) -> ConfigMapping? {
        guard case let .mapping(mapping) = node.node else {
            report(.wrongType(expected: "a mapping of keys to values", found: Self.kind(of: node.node)), about: node)
            return nil
        }
        var entries: [(key: String, keyLine: Int?, value: ConfigNode)] = []
        for (keyNode, valueNode) in mapping {
            guard case let .scalar(scalar) = keyNode else {
                report(.wrongType(expected: "a plain key", found: Self.kind(of: keyNode)), at: node.path, line: keyNode.mark?.line)
                continue
            }
            let key = scalar.string
            let keyLine = keyNode.mark?.line
            if let allowed, !allowed.contains(key) {
                report(.unknownKey(key, expected: allowed), at: node.path.appending(key), line: keyLine)
                continue
            }
            entries.append((key, keyLine, ConfigNode(node: valueNode, path: node.path.appending(key))))
        }
        let result = ConfigMapping(node: node, entries: entries)
        for key in required where result.optional(key) == nil {
            let present = entries.first { $0.key == key }
            if let present {
                report(.wrongType(expected: "a value", found: "nothing (null)"), about: present.value)
            } else {
                report(.missingKey, at: node.path.appending(key), line: node.line)
            }
        }
        return result
    }

    /// `node` as a list of nodes, each with its index in the path.
    package func sequence(_ node: ConfigNode, of expected: String = "a list") -> [ConfigNode]? {
        guard case let .sequence(sequence) = node.node else {
            report(.wrongType(expected: expected, found: Self.kind(of: node.node)), about: node)
            return nil
        }
        return sequence.enumerated().map { ConfigNode(node: $0.element, path: node.path.appending(index: $0.offset)) }
    }

    /// `node` as text. Any scalar but null is text as written: `name: 2024` is the
    /// string `2024`, and a price `0.40` keeps its digits.
    package func string(_ node: ConfigNode) -> String? {
        guard case let .scalar(scalar) = node.node, !node.isNull else {
            report(.wrongType(expected: "a string", found: Self.kind(of: node.node)), about: node)
            return nil
        }
        return scalar.string
    }

    /// `node` as non-empty text without surrounding white space.
    package func nonEmptyString(_ node: ConfigNode) -> String? {
        guard let text = string(node) else { return nil }
        guard !text.isEmpty, text == text.trimmingCharacters(in: .whitespacesAndNewlines) else {
            report(.invalidValue("must be non-empty text without leading or trailing spaces"), about: node)
            return nil
        }
        return text
    }

    /// `node` as a whole number within `range`. A number too large for any whole number
    /// (`99999999999999999999`, or YAML 1.1's base 60 `1:0:0:0:0:0:0:0:0:0:0:0`) is out of
    /// range like any other, named as written.
    package func integer(_ node: ConfigNode, in range: ClosedRange<Int>) -> Int? {
        let bounds = range.upperBound == .max ? "at least \(range.lowerBound)" : "between \(range.lowerBound) and \(range.upperBound)"
        guard case let .scalar(scalar) = node.node, node.node.tagName == .int else {
            report(.wrongType(expected: "a whole number", found: Self.kind(of: node.node)), about: node)
            return nil
        }
        switch Self.wholeNumber(node.node, scalar: scalar) {
        case .value(let value) where range.contains(value):
            return value
        case .value, .tooLarge:
            report(.invalidValue("must be \(bounds), not \(scalar.string)"), about: node)
        case .notANumber:
            report(.wrongType(expected: "a whole number", found: Self.kind(of: node.node)), about: node)
        }
        return nil
    }

    /// What a scalar that YAML resolved as a whole number holds.
    private enum WholeNumber {
        case value(Int)
        /// Digits that no `Int` holds.
        case tooLarge
        /// No number at all: `0x_`, or text tagged `!!int` by hand.
        case notANumber
    }

    /// The whole number a plain scalar spells in any of YAML 1.1's forms. Base 60 (`1:30`
    /// is 90) is read here, because Yams multiplies its digits without checking for
    /// overflow and would stop the program.
    private static func wholeNumber(_ node: Node, scalar: Node.Scalar) -> WholeNumber {
        guard scalar.style == .plain || scalar.style == .any else { return .notANumber }
        var text = Substring(scalar.string)
        let sign = text.first == "-" ? -1 : 1
        if text.first == "-" || text.first == "+" { text = text.dropFirst() }
        if text.contains(":") {
            var value = 0
            for component in text.split(separator: ":", omittingEmptySubsequences: false) {
                let digits = component.filter { $0 != "_" }
                guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .notANumber }
                guard let digit = Int(digits) else { return .tooLarge }
                let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 60)
                let (sum, overflowSum) = shifted.addingReportingOverflow(digit)
                guard !overflowShift, !overflowSum else { return .tooLarge }
                value = sum
            }
            return .value(sign * value)
        }
        if let value = node.int {
            return .value(value)
        }
        // Yams gives nil for digits no Int holds, and for a form with no digits at all.
        let radix: Int
        switch text.prefix(2) {
        case "0x": radix = 16; text = text.dropFirst(2)
        case "0o": radix = 8; text = text.dropFirst(2)
        case "0b": radix = 2; text = text.dropFirst(2)
        default: radix = text.count > 1 && text.first == "0" ? 8 : 10
        }
        let digits = text.filter { $0 != "_" }
        let isNumber = !digits.isEmpty && digits.allSatisfy { $0.hexDigitValue.map { $0 < radix } ?? false }
        return isNumber ? .tooLarge : .notANumber
    }

    /// `node` as a finite number (whole or with a fraction) within `range`.
    package func number(_ node: ConfigNode, in range: ClosedRange<Double>) -> Double? {
        let tag = node.node.tagName
        guard case .scalar = node.node, tag == .int || tag == .float, let value = node.node.float else {
            report(.wrongType(expected: "a number", found: Self.kind(of: node.node)), about: node)
            return nil
        }
        guard value.isFinite, range.contains(value) else {
            report(.invalidValue("must be between \(Self.text(range.lowerBound)) and \(Self.text(range.upperBound)), not \(node.node.string ?? "\(value)")"), about: node)
            return nil
        }
        return value
    }

    /// A bound as a user wrote it: `120`, not `120.0`.
    private static func text(_ bound: Double) -> String {
        bound == bound.rounded() && abs(bound) < 1e15 ? String(Int64(bound)) : String(bound)
    }

    /// `node` as `true` or `false`.
    package func boolean(_ node: ConfigNode) -> Bool? {
        guard case .scalar = node.node, node.node.tagName == .bool, let value = node.node.bool else {
            report(.wrongType(expected: "true or false", found: Self.kind(of: node.node)), about: node)
            return nil
        }
        return value
    }

    /// How a node reads to a user: "a list", "a mapping", "the number 4", "the text \"x\"".
    package static func kind(of node: Node) -> String {
        switch node {
        case .mapping:
            return "a mapping"
        case .sequence:
            return "a list"
        case .alias:
            return "an alias"
        case let .scalar(scalar):
            switch node.tagName {
            case .null:
                return "nothing (null)"
            case .bool:
                return "\(scalar.string) (true/false)"
            case .int, .float:
                return "the number \(scalar.string)"
            default:
                return "the text \(scalar.string.debugDescription)"
            }
        }
    }
}

extension Node {
    /// The node's resolved tag (`int`, `bool`, `null`, `str`, …): what a plain scalar's text means in YAML.
    package var tagName: Tag.Name { Tag.Name(rawValue: tag.rawValue) }
}
