/// The ranges of `run`'s numeric options: a value outside is a usage error (exit 2)
/// before any arithmetic, never an overflow (contract §1).
public enum RunOptionLimits {
    /// `--retries`, `--email-retries`.
    public static let retries = 0...100
    /// `--retry-delay-ms`, `--email-retry-delay-ms`: up to an hour.
    public static let delayMilliseconds = 0...3_600_000

    /// Throws the first option whose value is outside its range.
    public static func check(_ options: [(option: String, value: Int, range: ClosedRange<Int>)]) throws(ReportError) {
        for (option, value, range) in options where !range.contains(value) {
            throw .invalidOption(option: option, reason: "must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
        }
    }
}
