import Foundation
import SMSWorld

/// Why `sms-sample` stopped: a one-line message and the exit code.
struct SampleFailure: Error {
    /// The message, without the `sms-sample: ` prefix.
    let message: String
    /// 2 for a usage error, 1 for anything else.
    let exitCode: Int32

    /// A usage error: exit code 2.
    init(usage message: String) {
        self.message = message
        exitCode = 2
    }

    /// An unexpected failure, such as a file that cannot be written, and the error
    /// behind it: exit code 1.
    init(failure message: String, cause: any Error) {
        self.message = "\(message): \(Self.reason(for: cause))"
        exitCode = 1
    }

    /// The system's reason behind a file error, when Foundation wraps one, so that the
    /// message says "Not a directory" rather than a bare error number.
    private static func reason(for error: any Error) -> String {
        if let fileError = error as? OutputFileError {
            return fileError.description
        }
        let foundationError = error as NSError
        if let underlying = foundationError.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return foundationError.localizedDescription
    }

    /// Prints the message on one line to standard error and exits.
    func report() -> Never {
        let oneLine = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        FileHandle.standardError.write(Data("sms-sample: \(oneLine)\n".utf8))
        exit(exitCode)
    }
}
