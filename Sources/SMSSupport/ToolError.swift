/// An error that ends a command with a one-line message and the exit code of
/// contract §1. Every stage's error type conforms, so the executable maps them all
/// the same way.
package protocol ToolError: Error, CustomStringConvertible {
    /// The process exit status for this error.
    var exitStatus: ExitStatus { get }
}
