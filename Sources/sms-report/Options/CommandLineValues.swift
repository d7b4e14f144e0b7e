import ArgumentParser
import Foundation
import SMSCore
import SMSSupport

/// What every subcommand reads or reports the same way.
enum CommandLineValues {
    /// The timezone named by `--timezone`; an unknown name is a usage error.
    static func timeZone(_ name: String, option: String = "--timezone") throws(ReportError) -> ReportTimeZone {
        guard let zone = ReportTimeZone(identifier: name) else {
            throw .invalidOption(option: option, reason: "unknown IANA timezone \"\(name)\"")
        }
        return zone
    }

    /// Warns that the data is incomplete, with its reasons, and ends the command with
    /// exit 3 (contract §1): the files were written all the same.
    static func endIncomplete(reasons: [String], what: String = "data") -> ExitCode {
        let because = reasons.isEmpty ? "" : ": " + reasons.joined(separator: "; ")
        FileHandle.standardError.write(Data("warning: INCOMPLETE \(what)\(because)\n".utf8))
        return ExitCode(ExitStatus.incompleteData)
    }
}

extension ExitCode {
    /// The process exit code of `status`.
    init(_ status: ExitStatus) {
        self.init(status.rawValue)
    }
}
