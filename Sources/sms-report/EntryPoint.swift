import ArgumentParser
import Foundation
import SMSSupport

/// Runs the command and maps every failure to a one-line message and the
/// contract's exit code (§1): usage errors are 2, not ArgumentParser's 64. On
/// SIGTERM or SIGINT the command is cancelled, cleans up, and the tool ends by the
/// signal (``SignalStop``).
@main
enum EntryPoint {
    /// How the command ended: an exit status, and the message to print, if any.
    private struct Ending: Sendable {
        var message: String?
        var status: Int32
    }

    static func main() async {
        let work = Task { await execute() }
        let stop = SignalStop(cancelling: work)
        let ending = await work.value
        stop.endIfStopped(undone: ending.message)
        if let message = ending.message {
            let line = message.split(separator: "\n").joined(separator: " ")
            FileHandle.standardError.write(Data("error: \(line)\n".utf8))
        }
        Foundation.exit(ending.status)
    }

    private static func execute() async -> Ending {
        do {
            var command = try SMSReportCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return Ending(status: 0)
        } catch let error as any ToolError {
            return Ending(message: error.description, status: error.exitStatus.rawValue)
        } catch let exit as ExitCode {
            return Ending(status: exit.rawValue)
        } catch {
            let code = SMSReportCommand.exitCode(for: error)
            if code == .success {
                SMSReportCommand.exit(withError: error)
            } else if code == .validationFailure {
                let message = SMSReportCommand.message(for: error)
                return Ending(message: "\(message). See 'sms-report help'.", status: ExitStatus.usageError.rawValue)
            }
            return Ending(message: SMSReportCommand.message(for: error), status: ExitStatus.unexpectedError.rawValue)
        }
    }
}
