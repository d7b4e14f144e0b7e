import Foundation
import SMSWorld

/// A world of `deliveries` deliveries; with quirks on and 600 deliveries, every quirk
/// is planted at least once.
func makeWorld(deliveries: Int = 600, days: Int = 7, seed: UInt64 = 42, quirks: Bool) throws -> World {
    World(parameters: try WorldParameters(deliveries: deliveries, days: days, seed: seed, quirks: quirks))
}

/// Parses a body with Foundation, as an outside reader would.
func parseJSON(_ bytes: [UInt8]) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
}

/// The text of `client_phone` as parsed: the digits of a number, or the string.
func phoneText(_ value: Any?) -> String? {
    if let text = value as? String {
        return text
    }
    if let number = value as? NSNumber {
        return number.int64Value.description
    }
    return nil
}

/// A key that tells API rows apart: `sent_at`, text and phones.
func rowKey(sentAt: String, text: String, phones: [String]) -> String {
    ([sentAt, text] + phones).joined(separator: "\u{1F}")
}

/// The key of a parsed report row.
func rowKey(of row: Any) -> String? {
    guard let row = row as? [String: Any], let sentAt = row["sent_at"] as? String,
          let text = row["message"] as? String, let recipients = row["recipients"] as? [[String: Any]]
    else { return nil }
    let phones = recipients.compactMap { phoneText($0["client_phone"]) }
    return rowKey(sentAt: sentAt, text: text, phones: phones)
}

/// The key of a world message, as its report rows must show it.
func rowKey(of message: WorldMessage) -> String {
    rowKey(sentAt: message.sentAt.iso8601, text: message.text, phones: message.recipients.map(\.phone.asReceived))
}

/// A fresh temporary folder path (not created).
func temporaryFolder(_ name: String) -> URL {
    FileManager.default.temporaryDirectory
        .appendingPathComponent("sms-world-tests-\(ProcessInfo.processInfo.processIdentifier)-\(name)-\(UUID().uuidString)")
}

/// A minimal RFC 4180 reader, for the truth CSV.
enum CSVRecords {
    /// Splits RFC 4180 CSV into records of fields.
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var characters = text.unicodeScalars.makeIterator()
        var pending = characters.next()
        while let scalar = pending {
            pending = characters.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = characters.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                inQuotes = true
            } else if scalar == "," {
                record.append(field)
                field = ""
            } else if scalar == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        return records
    }
}
