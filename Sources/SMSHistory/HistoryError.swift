import SMSCore
import SMSStore
import SMSSupport

/// Why trend tables or billing could not be built from the store.
package enum HistoryError: ToolError, Equatable {
    /// The store could not be read.
    case store(StoreError)
    /// The month could not be priced (an operator without a rate, exit 2).
    case billing(ReportError)
    /// A stored latency sketch is not readable: the store is damaged (exit 1).
    case unreadableSketch(account: String, day: LocalDay, reason: String)

    package var exitStatus: ExitStatus {
        switch self {
        case .store(let error): error.exitStatus
        case .billing(let error): error.exitStatus
        case .unreadableSketch: .unexpectedError
        }
    }

    package var description: String {
        switch self {
        case .store(let error):
            error.description
        case .billing(let error):
            error.description
        case .unreadableSketch(let account, let day, let reason):
            "the history store's latency sketch of \(account) \(day) is unreadable (\(reason)): run sms-report store check"
        }
    }
}
