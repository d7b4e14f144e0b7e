import ArgumentParser
import SMSSupport

/// `-q`, `--quiet`, shared by every subcommand: no progress and no summary line,
/// only errors and warnings (and `run`'s final line per account).
struct QuietOption: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing but errors and warnings (run: and its final lines).")
    var quiet = false

    /// Where progress goes: the terminal's status line, unless quiet or not a terminal.
    var progress: any ProgressSink {
        TerminalProgress.unlessQuiet(quiet)
    }
}
