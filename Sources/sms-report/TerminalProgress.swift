import Foundation
import SMSSupport
import Synchronization

/// A live progress line on standard error, redrawn at most ten times a second.
/// Use it only when standard error is a terminal (``isStandardErrorATerminal``).
final class TerminalProgress: ProgressSink {
    private struct State {
        var lastDraw = ContinuousClock.now - .seconds(1)
        var lineIsOpen = false
    }

    private let state = Mutex(State())

    init() {}

    /// The progress line of a command: on standard error when it is a terminal and
    /// the command is not `--quiet`, else nowhere.
    static func unlessQuiet(_ quiet: Bool) -> any ProgressSink {
        !quiet && isStandardErrorATerminal ? TerminalProgress() : SilentProgress()
    }

    /// True when standard error is a terminal.
    static var isStandardErrorATerminal: Bool {
        isatty(STDERR_FILENO) == 1
    }

    func update(stage: String, done: Int, total: Int, unit: String) {
        state.withLock { state in
            let now = ContinuousClock.now
            guard now - state.lastDraw >= .milliseconds(100) else { return }
            state.lastDraw = now
            let percent = total > 0 ? " (\(done * 100 / total)%)" : ""
            FileHandle.standardError.write(Data("\r\u{1B}[K\(stage): \(done)/\(total) \(unit)\(percent)".utf8))
            state.lineIsOpen = true
        }
    }

    func finish(stage: String) {
        state.withLock { state in
            guard state.lineIsOpen else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            state.lineIsOpen = false
            state.lastDraw = ContinuousClock.now - .seconds(1)
        }
    }
}
