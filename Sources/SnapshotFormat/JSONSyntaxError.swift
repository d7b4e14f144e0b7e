/// JSON text that does not parse, with the place where it stops making sense.
public struct JSONSyntaxError: Error, Sendable {
    /// 1-based line of the problem.
    public let line: Int
    /// 1-based column (in bytes) of the problem.
    public let column: Int
    /// What was wrong there.
    public let reason: String

    public init(offset: Int, reason: String, bytes: UnsafeRawBufferPointer) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        self.column = offset - lineStart + 1
        self.reason = reason
    }
}
