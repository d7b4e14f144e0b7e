import Foundation

/// The JSON text of the store's list and map columns (`raw_values`, `files`,
/// `quality`), written with sorted keys so that the same value is the same text.
enum JSONColumn {
    static func text<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func value<Value: Decodable>(_ type: Value.Type, from text: String, column: String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.queryFailed(reason: "the store's \(column) column holds text that is not the expected JSON")
        }
    }
}
