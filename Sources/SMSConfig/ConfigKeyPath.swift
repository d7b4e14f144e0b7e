import Foundation

/// Where a value sits in a config file, written the way a user reads it:
/// `accounts[1].rate_card`, `rate_cards.standard.operators.NTC`, `smtp.port`.
package struct ConfigKeyPath: Sendable, Hashable, CustomStringConvertible {
    /// One step down the document: a mapping key or a list index.
    package enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document's root; empty for the root itself.
    package let components: [Component]

    /// The document's root.
    package static let root = ConfigKeyPath(components: [])

    /// The path made of `components`, from the root down.
    package init(components: [Component]) {
        self.components = components
    }

    /// This path followed by a mapping key.
    package func appending(_ key: String) -> ConfigKeyPath {
        ConfigKeyPath(components: components + [.key(key)])
    }

    /// This path followed by a list index (0-based, as the user counts in `accounts[0]`).
    package func appending(index: Int) -> ConfigKeyPath {
        ConfigKeyPath(components: components + [.index(index)])
    }

    /// `accounts[1].rate_card`; empty for the root. A key with characters other than
    /// `A-Z a-z 0-9 _ -` is quoted and escaped (`status_map."DLV RD"`), so the path stays
    /// unambiguous and on one line.
    package var description: String {
        var text = ""
        for component in components {
            switch component {
            case let .key(key):
                if !text.isEmpty {
                    text += "."
                }
                text += Self.isPlain(key) ? key : key.debugDescription
            case let .index(index):
                text += "[\(index)]"
            }
        }
        return text
    }

    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "_" || scalar == "-")
        }
    }
}
