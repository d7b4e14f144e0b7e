import Foundation
import SMSBilling

/// A standalone rate-card file, for `billing --rate-card FILE` (contract §7): a YAML
/// mapping with the keys of one entry of the config's `rate_cards` (`currency`,
/// `default`, `operators`, `billable_statuses`). The card's name is the file's name
/// without its extension (`standard.yaml` → `standard`).
package enum RateCardFile {
    /// Reads and validates the rate card at `path`.
    /// - Throws: the first problem in file order, naming the file, the key and the line.
    package static func load(path: String) throws(ConfigError) -> RateCard {
        let document = try ConfigDocument.read(path: path)
        guard let root = document.root else {
            throw ConfigError(file: path, keyPath: .root, line: nil,
                              problem: .invalidValue("the file is empty; a rate card needs `default` or `operators`"))
        }
        let reader = ConfigReader(file: path)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let card = RateCardDecoder.decode(ConfigNode(node: root, path: .root), name: name, reader: reader)
        if let first = ConfigError.inFileOrder(reader.errors).first {
            throw first
        }
        guard let card else {
            throw ConfigError(file: path, keyPath: .root, line: nil, problem: .invalidValue("the rate card could not be read"))
        }
        return card
    }
}
