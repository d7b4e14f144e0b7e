import SMSSupport

/// Everything that can stop a report, as typed values. Each has a one-line
/// description for the user and the exit code of contract §1.
package enum ReportError: ToolError, Sendable, Equatable {
    /// An option's value is not usable (exit 2).
    case invalidOption(option: String, reason: String)
    /// The snapshot folder does not exist or is not a folder (exit 2).
    case snapshotNotFound(path: String)
    /// A file could not be read (exit 2).
    case unreadableFile(file: String, reason: String)
    /// A file is not valid JSON (exit 2).
    case invalidJSON(file: String, line: Int, column: Int, reason: String)
    /// A row lacks a required field (exit 2). `path` names the row and the field,
    /// e.g. `results[6].sent_at`.
    case missingField(file: String, path: String)
    /// A field has a value of the wrong kind (exit 2).
    case invalidField(file: String, path: String, reason: String)
    /// A report file could not be written (exit 1).
    case outputFailed(path: String, reason: String)
    /// A template is missing or does not parse (exit 2). `file` names it.
    case invalidTemplate(file: String, reason: String)
    /// An operator with deliveries has no price on the rate card, and the card has no
    /// `default` price (exit 2).
    case missingRate(rateCard: String, operatorName: String)

    /// The process exit code for this error (contract §1).
    package var exitStatus: ExitStatus {
        switch self {
        case .outputFailed:
            return .unexpectedError
        case .invalidOption, .snapshotNotFound, .unreadableFile, .invalidJSON, .missingField, .invalidField,
             .invalidTemplate, .missingRate:
            return .usageError
        }
    }

    package var description: String {
        switch self {
        case let .invalidOption(option, reason):
            return "\(option): \(reason)"
        case let .snapshotNotFound(path):
            return "snapshot folder not found: \(path)"
        case let .unreadableFile(file, reason):
            return "\(file): cannot read: \(reason)"
        case let .invalidJSON(file, line, column, reason):
            return "\(file): not valid JSON at line \(line), column \(column): \(reason)"
        case let .missingField(file, path):
            return "\(file): \(path): missing required field"
        case let .invalidField(file, path, reason):
            return "\(file): \(path): \(reason)"
        case let .outputFailed(path, reason):
            return "cannot write \(path): \(reason)"
        case let .invalidTemplate(file, reason):
            return "\(file): \(reason)"
        case let .missingRate(rateCard, operatorName):
            return "rate card \"\(rateCard)\" has no price for operator \(operatorName), which has deliveries, and no default price"
        }
    }
}
