#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A signal that asked the process to stop: SIGTERM (`systemctl stop`, a Kubernetes
/// pod eviction, `kill`) or SIGINT (Ctrl-C). Signals are process-wide, so is this
/// record: the command-line tool records the signal and cancels its work, and the
/// jobs read it to tell a stop from an account's deadline (both cancel tasks) and
/// to name the signal in their logs and `run.json`.
package struct StopSignal: Sendable, Equatable, CustomStringConvertible {
    /// The signal's number, e.g. `SIGTERM`.
    package let number: Int32

    /// The signal numbered `number`.
    package init(number: Int32) {
        self.number = number
    }

    /// The signals that stop the tool cleanly.
    package static let handled: [Int32] = [SIGTERM, SIGINT]

    private static let first = Atomic<Int32>(0)

    /// The signal's name, e.g. `SIGTERM`.
    package var description: String {
        switch number {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        default: "signal \(number)"
        }
    }

    /// The first stop signal the process received; nil while none has come.
    package static var received: StopSignal? {
        let number = first.load(ordering: .acquiring)
        return number == 0 ? nil : StopSignal(number: number)
    }

    /// Records that `number` arrived; true when it is the first stop signal.
    package static func record(_ number: Int32) -> Bool {
        first.compareExchange(expected: 0, desired: number, ordering: .acquiringAndReleasing).exchanged
    }
}
