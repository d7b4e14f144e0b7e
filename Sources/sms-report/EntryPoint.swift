import ArgumentParser
import Foundation
import SMSSupport

/// Runs the command and maps every failure to a one-line message and the
/// contract's exit code (§1): usage errors are 2, not ArgumentParser's 64.
@main
enum EntryPoint {
    static func main() async {
        do {
            var command = try SMSReportCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as any ToolError {
            fail(error.description, status: error.exitStatus)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = SMSReportCommand.exitCode(for: error)
            if code == .success {
                SMSReportCommand.exit(withError: error)
            } else if code == .validationFailure {
                let message = SMSReportCommand.message(for: error)
                fail("\(message). See 'sms-report help'.", status: .usageError)
            } else {
                fail(SMSReportCommand.message(for: error), status: .unexpectedError)
            }
        }
    }

    private static func fail(_ message: String, status: ExitStatus) -> Never {
        let line = message.split(separator: "\n").joined(separator: " ")
        FileHandle.standardError.write(Data("error: \(line)\n".utf8))
        Foundation.exit(status.rawValue)
    }
}
