import Dispatch
import Foundation
import SMSSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stops the tool cleanly on SIGTERM or SIGINT: the first signal is recorded
/// (``StopSignal``) and cancels the command's task, which stops starting work,
/// cancels what is in flight and removes its staging folders; the tool then ends by
/// the same signal (``end(by:)``), so shells, systemd and Kubernetes see 128 + signal.
/// A second signal, or ``gracePeriod`` passing, ends the process at once.
///
/// A DispatchSource per signal rather than swift-service-lifecycle's `ServiceGroup`:
/// a batch command needs the signal's number (to name it and to end by it), an
/// escalation that still ends by that signal (the group's ends in `fatalError`), and
/// on Linux the signal's default action set aside before the source sees it.
struct SignalStop {
    /// How long the cleanup may take before the process ends anyway; under the 10 s
    /// that systemd's `TimeoutStopSec` and the pod's `terminationGracePeriodSeconds` allow.
    static let gracePeriod: DispatchTimeInterval = .seconds(9)

    private let sources: [any DispatchSourceSignal]

    /// Starts listening for the stop signals; the first cancels `work`. A signal that
    /// was ignored when the tool started (SIGINT in a background job) stays ignored.
    init<Value: Sendable>(cancelling work: Task<Value, Never>) {
        let queue = DispatchQueue(label: "sms-report.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in StopSignal.handled {
            let previous = signal(number, SIG_IGN)
            guard unsafeBitCast(previous, to: Int.self) != unsafeBitCast(SIG_IGN, to: Int.self) else { continue }
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                Self.received(number, cancelling: work)
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// When a stop signal arrived, logs `undone` (what the command left undone) and
    /// ends the process by that signal; returns otherwise.
    func endIfStopped(undone: String?) {
        guard let stop = StopSignal.received else { return }
        let detail = undone.map { ": \($0.split(separator: "\n").joined(separator: " "))" } ?? ""
        Self.log("stopped by \(stop)\(detail); staging folders removed, finished outputs left as they were")
        Self.end(by: stop.number)
    }

    private static func received(_ number: Int32, cancelling work: Task<some Sendable, Never>) {
        let name = StopSignal(number: number)
        guard StopSignal.record(number) else {
            log("\(name) again: stopping at once")
            end(by: number)
        }
        log("\(name) received: stopping (no new requests, accounts or files; work in flight cancelled); "
            + "a second signal stops at once")
        work.cancel()
        DispatchQueue.global().asyncAfter(deadline: .now() + gracePeriod) {
            log("the cleanup after \(name) did not end in time: stopping at once")
            end(by: number)
        }
    }

    /// Ends the process by `number` with its default action: the handler is reset,
    /// the signal unblocked on this thread (the pool's threads block signals) and raised.
    /// The source's own delivery is over by then, so the raised signal ends the process.
    static func end(by number: Int32) -> Never {
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        // As process 1 of a container the kernel ignores a signal's default action:
        // end with the status a shell gives a process ended by the signal.
        _exit(128 + number)
    }

    private static func log(_ line: String) {
        FileHandle.standardError.write(Data("sms-report: \(line)\n".utf8))
    }
}
