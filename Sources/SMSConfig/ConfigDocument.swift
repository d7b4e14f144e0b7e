import Foundation
import Yams

/// A config or rate-card file read and composed into a YAML node tree that keeps each
/// node's line (Yams' `Node.Mark`), so every later error can name its line.
///
/// Composing (rather than decoding with `Codable`) is deliberate: `Codable` drops line
/// numbers and ignores unknown keys, and the config must report both.
package struct ConfigDocument {
    /// The file as the user named it, for error messages.
    package let file: String
    /// The document's root; nil for an empty file.
    package let root: Node?

    /// Reads and composes `path`. Syntax errors, a duplicate key and an unreadable file
    /// become one ``ConfigError`` each.
    package static func read(path: String) throws(ConfigError) -> ConfigDocument {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ConfigError(file: path, keyPath: .root, line: nil, problem: .unreadable(reason: "no such file"))
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(file: path, keyPath: .root, line: nil,
                              problem: .unreadable(reason: isFolder.boolValue ? "it is a folder" : "permission denied"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, keyPath: .root, line: nil, problem: .unreadable(reason: "not UTF-8 text"))
        }
        return try parse(text, file: path)
    }

    /// Composes YAML `text`, naming `file` in errors.
    package static func parse(_ text: String, file: String) throws(ConfigError) -> ConfigDocument {
        do {
            return ConfigDocument(file: file, root: try Yams.compose(yaml: text))
        } catch let error as YamlError {
            throw configError(from: error, file: file)
        } catch {
            throw ConfigError(file: file, keyPath: .root, line: nil, problem: .invalidYAML(reason: "\(error)"))
        }
    }

    private static func configError(from error: YamlError, file: String) -> ConfigError {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let reason = context.map { "\($0.text) \(problem)" } ?? problem
            return ConfigError(file: file, keyPath: .root, line: mark.line, problem: .invalidYAML(reason: reason))
        case let .duplicatedKeysInMapping(duplicates, context):
            return ConfigError(file: file, keyPath: .root, line: context.mark.line,
                               problem: .duplicateKey(duplicates.joined(separator: "\", \"")))
        case let .reader(problem, _, _, _):
            return ConfigError(file: file, keyPath: .root, line: nil, problem: .invalidYAML(reason: problem))
        default:
            return ConfigError(file: file, keyPath: .root, line: nil, problem: .invalidYAML(reason: "\(error)"))
        }
    }
}
