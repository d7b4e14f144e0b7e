/// Why a simulator option was refused.
public struct SimulatorOptionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One line naming the option and the values it accepts.
    public let description: String

    /// An error that says `description`.
    public init(_ description: String) {
        self.description = description
    }
}
