import ArgumentParser
import Foundation
import SMSCore
import SMSRender
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

    /// The formats of a comma-separated `--format` list; an unknown or empty one is a usage error.
    static func formats(_ list: String) throws(ReportError) -> [ReportFormat] {
        var formats: [ReportFormat] = []
        for name in list.split(separator: ",") {
            guard let format = ReportFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw .invalidOption(option: "--format", reason: "unknown format \"\(name)\" (use csv, xlsx or html)")
            }
            formats.append(format)
        }
        guard !formats.isEmpty else {
            throw .invalidOption(option: "--format", reason: "name at least one format")
        }
        return formats
    }

    /// `--account`'s value when it is a name the store and the output layout accept
    /// (`[A-Za-z0-9_-]+`, as in a config, contract §8).
    static func accountName(_ name: String, option: String = "--account") throws(ReportError) -> String {
        let isName = !name.isEmpty && name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard isName else {
            throw .invalidOption(option: option, reason: "\"\(name)\" is not an account name (letters, digits, _ and -)")
        }
        return name
    }

    /// Refuses an `--…-env` value that is not an environment variable's name
    /// (`[A-Z_][A-Z0-9_]*`) without repeating it: it may be a pasted secret.
    static func checkEnvironmentVariableName(_ name: String, option: String) throws(ReportError) {
        let isName = name.utf8.first.map { !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false
            && name.utf8.allSatisfy { byte in
                byte == UInt8(ascii: "_") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            }
        guard isName else {
            throw .invalidOption(option: option, reason: "is not an environment variable name (A-Z, 0-9 and _, not starting with a digit); the value is not repeated here")
        }
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
