import Foundation

extension RunConfig {
    /// Reads and validates the config file at `path` (contract §8).
    ///
    /// - Parameters:
    ///   - environment: where the secrets' variables are looked up; the process environment by default.
    ///   - accounts: the accounts to run (`--account NAME`...); empty selects them all. A name
    ///     the config does not have is an error.
    ///   - requirements: which environment variables must be set: tokens and the SMTP
    ///     password for `run`, none for a `billing` that only needs a rate card.
    /// - Throws: the first ``ConfigError`` in file order (use ``check(path:environment:accounts:requirements:)``
    ///   to list every one).
    package static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                            accounts: [String] = [], requirements: ConfigRequirements = .run) throws(ConfigError) -> RunConfig {
        let outcome = try decode(path: path, environment: environment, accounts: accounts, requirements: requirements)
        if let first = outcome.errors.first {
            throw first
        }
        guard let config = outcome.config else {
            throw ConfigError(file: path, keyPath: .root, line: nil, problem: .invalidValue("the config could not be read"))
        }
        return config
    }

    /// `run --config FILE --check`: validates the file and the environment without any
    /// network access, and lists every problem (not only the first) in file order.
    package static func check(path: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                             accounts: [String] = [], requirements: ConfigRequirements = .run) -> ConfigCheck {
        do {
            let outcome = try decode(path: path, environment: environment, accounts: accounts, requirements: requirements)
            return ConfigCheck(file: path, errors: outcome.errors, config: outcome.config, requirements: requirements)
        } catch {
            return ConfigCheck(file: path, errors: [error], config: nil, requirements: requirements)
        }
    }

    /// Every problem in file order, and the config when there is none. A file that cannot
    /// be read or parsed throws its single error.
    private static func decode(path: String, environment: [String: String], accounts: [String],
                               requirements: ConfigRequirements) throws(ConfigError) -> (config: RunConfig?, errors: [ConfigError]) {
        let document = try ConfigDocument.read(path: path)
        let decoder = RunConfigDecoder(document: document, environment: environment, selection: accounts,
                                       requirements: requirements)
        let config = decoder.decode()
        return (config, ConfigError.inFileOrder(decoder.reader.errors))
    }
}

extension ConfigError {
    /// `errors` ordered by line (errors without a line first), keeping the walk's order on a line.
    package static func inFileOrder(_ errors: [ConfigError]) -> [ConfigError] {
        errors.enumerated().sorted { lhs, rhs in
            let left = lhs.element.line ?? 0
            let right = rhs.element.line ?? 0
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}
