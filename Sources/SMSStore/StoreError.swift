import SMSSupport

/// Why the history store could not be used, as one line with the exit code of
/// contract §1. Never contains a password.
package enum StoreError: ToolError, Equatable {
    /// The `--store`/`store` value is neither a usable file path nor a valid
    /// `postgres://` URL (exit 2). `reason` never repeats a password.
    case invalidLocation(reason: String)
    /// The URL carries a password; it must come from the environment (exit 2).
    case passwordInURL
    /// A PostgreSQL store needs a password variable that is not set (exit 2).
    case missingPassword(variable: String)
    /// The store could not be opened or reached (exit 2).
    case cannotOpen(store: String, reason: String)
    /// The store was written by a newer sms-report (exit 2).
    case newerSchema(store: String, found: Int, supported: Int)
    /// An account is stored under another timezone (exit 2).
    case timeZoneMismatch(account: String, stored: String, requested: String)
    /// A statement failed after its retries (exit 1).
    case queryFailed(reason: String)

    package var exitStatus: ExitStatus {
        switch self {
        case .queryFailed: .unexpectedError
        default: .usageError
        }
    }

    package var description: String {
        switch self {
        case .invalidLocation(let reason):
            "invalid store: \(reason)"
        case .passwordInURL:
            "the store URL must not contain a password: set it in SMS_REPORT_STORE_PASSWORD (or the variable --store-password-env names)"
        case .missingPassword(let variable):
            "the PostgreSQL store needs a password in the environment variable \(variable), which is not set"
        case .cannotOpen(let store, let reason):
            "cannot open the history store \(store): \(reason)"
        case .newerSchema(let store, let found, let supported):
            "the history store \(store) has schema version \(found), written by a newer sms-report; this one knows versions up to \(supported)"
        case .timeZoneMismatch(let account, let stored, let requested):
            "account \(account) is stored in timezone \(stored), not \(requested): use --timezone \(stored), or another store"
        case .queryFailed(let reason):
            "history store error: \(reason)"
        }
    }
}
