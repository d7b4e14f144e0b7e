/// Why a simulator option was refused.
package struct SimulatorOptionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One line naming the option and the values it accepts.
    package let description: String

    /// An error that says `description`.
    package init(_ description: String) {
        self.description = description
    }
}
