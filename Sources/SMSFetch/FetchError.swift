import SMSSupport

/// What stops a fetch before it can write a snapshot, as typed values with the exit
/// codes of contract §1. An incomplete fetch is not an error: it writes its snapshot
/// and reports ``FetchOutcome/isComplete`` false (exit 3).
package enum FetchError: ToolError, Sendable, Equatable {
    /// A usage or configuration problem (exit 2).
    case invalidOption(option: String, reason: String)
    /// The token's environment variable is not set (exit 2).
    case missingToken(variable: String)
    /// The output folder already exists (exit 2).
    case snapshotExists(path: String)
    /// The API refused the token on a required endpoint (exit 5).
    case authenticationRefused(path: String, status: Int)
    /// The snapshot could not be written (exit 1).
    case outputFailed(path: String, reason: String)
    /// A stop signal (``StopSignal``) cancelled the fetch; its staging folder is
    /// removed and no snapshot is written (exit 3, though the tool ends by the signal).
    case interrupted(signal: String, path: String)

    package var exitStatus: ExitStatus {
        switch self {
        case .invalidOption, .missingToken, .snapshotExists: return .usageError
        case .authenticationRefused: return .authenticationRefused
        case .outputFailed: return .unexpectedError
        case .interrupted: return .incompleteData
        }
    }

    package var description: String {
        switch self {
        case let .invalidOption(option, reason):
            return "\(option): \(reason)"
        case let .missingToken(variable):
            return "the API token is not set: export it in the environment variable \(variable)"
        case let .snapshotExists(path):
            return "the snapshot folder \(path) already exists; choose a new --out"
        case let .authenticationRefused(path, status):
            return "the API refused the token (HTTP \(status) on \(path)); check the token and its permissions"
        case let .outputFailed(path, reason):
            return "cannot write \(path): \(reason)"
        case let .interrupted(signal, path):
            return "the fetch was stopped by \(signal); the snapshot \(path) was not written"
        }
    }
}
