import SMSCore
import SQLKit

/// Reading the store's own column encodings back into the model's types.
extension SQLRow {
    func day(_ column: String) throws -> LocalDay {
        let text = try decode(column: column, as: String.self)
        guard let day = LocalDay(iso: text) else {
            throw StoreError.queryFailed(reason: "the store's \(column) column holds \(text.debugDescription), not a day")
        }
        return day
    }

    func optionalDay(_ column: String) throws -> LocalDay? {
        try decodeNil(column: column) ? nil : day(column)
    }

    func instant(_ column: String) throws -> Instant {
        Instant(microseconds: try decode(column: column, as: Int64.self))
    }

    func status(_ column: String) throws -> DeliveryStatus {
        let text = try decode(column: column, as: String.self)
        guard let status = DeliveryStatus(rawValue: text) else {
            throw StoreError.queryFailed(reason: "the store's \(column) column holds \(text.debugDescription), not a status")
        }
        return status
    }

    func int(_ column: String) throws -> Int {
        try decode(column: column, as: Int.self)
    }

    func string(_ column: String) throws -> String {
        try decode(column: column, as: String.self)
    }

    func bool(_ column: String) throws -> Bool {
        try decode(column: column, as: Bool.self)
    }

    func json<Value: Decodable>(_ column: String, as type: Value.Type) throws -> Value {
        try JSONColumn.value(type, from: try string(column), column: column)
    }
}
