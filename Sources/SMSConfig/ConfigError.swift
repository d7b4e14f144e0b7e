import SMSCore
import SMSSupport
import SMSBilling

/// One problem with a config or rate-card file: the file, the key path and the line it
/// is on, and what is wrong. It prints as one line, e.g.
/// `config.yaml:14: accounts[1].rate_card: no rate card named "gold" (rate_cards has: standard)`.
///
/// Every config problem is a usage error: exit code 2 (contract §1).
package struct ConfigError: ToolError, Sendable, Equatable {
    /// The file as the user named it.
    package let file: String
    /// The key the problem is about; the root when it is about the whole file.
    package let keyPath: ConfigKeyPath
    /// The 1-based line of the key or value, when known.
    package let line: Int?
    /// What is wrong.
    package let problem: ConfigProblem

    /// A problem with `file` at `keyPath` on `line`.
    package init(file: String, keyPath: ConfigKeyPath, line: Int?, problem: ConfigProblem) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.problem = problem
    }

    /// The process exit code of every config error (contract §1: a usage or config error).
    package var exitStatus: ExitStatus { .usageError }

    /// `FILE:LINE: KEY.PATH: problem`; the line or the key path is left out when there is none.
    package var description: String {
        var text = file
        if let line {
            text += ":\(line)"
        }
        let path = keyPath.description
        if !path.isEmpty {
            text += ": \(path)"
        }
        return text + ": \(problem)"
    }
}

/// What can be wrong in a config or rate-card file.
package enum ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(reason: String)
    /// The text is not valid YAML.
    case invalidYAML(reason: String)
    /// A mapping names the same key twice.
    case duplicateKey(String)
    /// A key that the config does not know (a typo, or a setting of another version).
    case unknownKey(String, expected: [String])
    /// A required key is not there.
    case missingKey
    /// The value has the wrong shape or type, e.g. a list where a number belongs.
    case wrongType(expected: String, found: String)
    /// The value has the right type but is not allowed.
    case invalidValue(String)
    /// An account name that is not `[A-Za-z0-9_-]+`, so not safe in a path.
    case unsafeAccountName(String)
    /// Two accounts with the same name (compared ignoring case, since it names a folder).
    case duplicateAccount(String, firstKeyPath: ConfigKeyPath, firstLine: Int?)
    /// An account names a rate card that `rate_cards` does not define.
    case unknownRateCard(String, known: [String])
    /// A price that is negative or not a number.
    case invalidPrice(PriceError)
    /// A status name that is not one of the canonical statuses.
    case unknownStatus(String)
    /// An environment variable that the config names is not set (or is empty).
    case unsetEnvironmentVariable(String)
    /// `--account NAME` names an account the config does not have.
    case unknownAccount(String, known: [String])

    package var description: String {
        switch self {
        case let .unreadable(reason):
            return "cannot read the file: \(reason)"
        case let .invalidYAML(reason):
            return "not valid YAML: \(reason)"
        case let .duplicateKey(key):
            return "the key \(key.debugDescription) is given twice"
        case let .unknownKey(key, expected):
            return "unknown key \(key.debugDescription) (expected one of: \(expected.joined(separator: ", ")))"
        case .missingKey:
            return "missing required key"
        case let .wrongType(expected, found):
            return "expected \(expected), found \(found)"
        case let .invalidValue(reason):
            return reason
        case let .unsafeAccountName(name):
            return "account name \(name.debugDescription) may use only letters, digits, _ and - (it names a folder)"
        case let .duplicateAccount(name, firstKeyPath, firstLine):
            let place = firstLine.map { "\(firstKeyPath), line \($0)" } ?? firstKeyPath.description
            return "account name \(name.debugDescription) is already used by \(place)"
        case let .unknownRateCard(name, known):
            let list = known.isEmpty ? "rate_cards defines none" : "rate_cards has: \(known.joined(separator: ", "))"
            return "no rate card named \(name.debugDescription) (\(list))"
        case let .invalidPrice(error):
            return error.description
        case let .unknownStatus(name):
            return "unknown status \(name.debugDescription) (use \(DeliveryStatus.allCases.map(\.rawValue).joined(separator: ", ")))"
        case let .unsetEnvironmentVariable(name):
            return "environment variable \(name) is not set"
        case let .unknownAccount(name, known):
            return "--account \(name): the config has no such account (it has: \(known.joined(separator: ", ")))"
        }
    }
}
