import Foundation
import SMSBilling
import SMSCore
import SMSIngest
import SnapshotFormat

/// Reads the files that override the status map (`--status-map`) and the operator
/// table (`--operators`). Both are JSON objects.
package enum OverrideFiles {
    /// A status map file: `{"DLVRD": "delivered", "NACK": "rejected"}`, raw value →
    /// canonical status. It extends the default map and replaces the values it names.
    package static func statusMap(at path: String, option: String = "--status-map") throws(ReportError) -> StatusMap {
        var overrides: [String: DeliveryStatus] = [:]
        for (raw, value) in try object(at: path, option: option) {
            guard case .string(let name) = value, let status = RateCard.status(named: name) else {
                throw .invalidOption(option: option, reason: "\(path): \"\(raw)\" must map to one of \(DeliveryStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            overrides[raw] = status
        }
        return StatusMap.standard.extended(with: overrides)
    }

    /// An operator table file: `{"NTC": ["984", "985"], "NCELL": ["980"]}`, operator →
    /// its three-digit prefixes. It replaces the default table.
    package static func operatorTable(at path: String, option: String = "--operators") throws(ReportError) -> OperatorTable {
        var operators: [String: [String]] = [:]
        for (name, value) in try object(at: path, option: option) {
            guard case .array(let items) = value else {
                throw .invalidOption(option: option, reason: "\(path): \"\(name)\" must be a list of prefixes")
            }
            operators[name] = try items.map { item throws(ReportError) in
                guard case .string(let prefix) = item, OperatorTable.isPrefix(prefix) else {
                    throw .invalidOption(option: option, reason: "\(path): \"\(name)\" has a prefix that is not three digits")
                }
                return prefix
            }
        }
        return OperatorTable(operators: operators)
    }

    private static func object(at path: String, option: String) throws(ReportError) -> [(String, JSONValue)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidOption(option: option, reason: "cannot read \(path)")
        }
        let value = try JSONValue.parse(data, file: path)
        guard case .object(let members) = value else {
            throw .invalidOption(option: option, reason: "\(path) must hold a JSON object")
        }
        return members
    }
}
