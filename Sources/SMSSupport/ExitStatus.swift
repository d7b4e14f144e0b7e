/// The process exit codes of contract §1, and the order in which a run over several
/// accounts takes the worst of them.
package enum ExitStatus: Int32, Sendable, Codable, CaseIterable {
    /// 0: success.
    case success = 0
    /// 1: an unexpected error.
    case unexpectedError = 1
    /// 2: a usage or config error, or input that cannot be read.
    case usageError = 2
    /// 3: the data is incomplete; the reports are still written and say so.
    case incompleteData = 3
    /// 4: delivery (email) failed.
    case deliveryFailed = 4
    /// 5: the API refused the token (401/403 on a required endpoint).
    case authenticationRefused = 5
    /// 6: another `run` with the same config holds the lock.
    case lockHeld = 6
    /// 7: an alert was raised, with `--fail-on-alert`.
    case alertRaised = 7

    /// The rank of the status in the contract's order, 0 < 7 < 3 < 4 < 5 < 2 < 1. The
    /// order leaves out 6, which ends a run before any account starts and so never
    /// meets another code; it ranks just under 1.
    package var severity: Int {
        switch self {
        case .success: 0
        case .alertRaised: 1
        case .incompleteData: 2
        case .deliveryFailed: 3
        case .authenticationRefused: 4
        case .usageError: 5
        case .lockHeld: 6
        case .unexpectedError: 7
        }
    }

    /// The worse of two statuses in the contract's order.
    package func worse(_ other: ExitStatus) -> ExitStatus {
        other.severity > severity ? other : self
    }

    /// The worst of `statuses`; ``success`` when there are none.
    package static func worst<Statuses: Sequence>(of statuses: Statuses) -> ExitStatus where Statuses.Element == ExitStatus {
        statuses.reduce(.success) { $0.worse($1) }
    }
}
