import Crypto
import SMSSupport

/// One shard of a `run` split over several processes (contract §11): `--shard K/N`
/// runs only the accounts that rendezvous hashing gives to shard K of N.
///
/// Each account goes to the shard `s` in `0..<N` with the highest SHA-256 of the
/// UTF-8 bytes of `<account>|<s>`, the 32-byte digests compared as big-endian
/// unsigned numbers. Every process computes the same answer from the account's name
/// alone, with no coordinator, and going from N to N+1 shards moves only the
/// accounts whose new highest digest is shard N's: about 1/(N+1) of them.
package struct RunShard: Sendable, Equatable, CustomStringConvertible {
    /// The most shards a run can be split into. Choosing an account's shard hashes it
    /// once per shard, so this keeps a shard's selection quick (10,000 accounts ×
    /// 10,000 shards is 10⁸ digests, the worst case) while being far above any
    /// Kubernetes Job's parallelism.
    package static let maximumCount = 10_000

    /// The environment variable `--shard auto/N` reads K from; Kubernetes sets it in
    /// each pod of an Indexed Job.
    package static let indexVariable = "JOB_COMPLETION_INDEX"

    /// This shard, 0..<count.
    package let index: Int
    /// How many shards the accounts are split into, 1...``maximumCount``.
    package let count: Int

    /// The shard `index` of `count`; throws when `count` is not in 1...``maximumCount``
    /// or `index` not in 0..<count.
    package init(index: Int, count: Int) throws(RunShardError) {
        guard (1...Self.maximumCount).contains(count) else { throw .invalidCount(String(count)) }
        guard (0..<count).contains(index) else { throw .invalidIndex(String(index), count: count) }
        self.index = index
        self.count = count
    }

    /// Reads `--shard`'s value: `K/N`, or `auto/N` with K from ``indexVariable`` in
    /// `environment`. Errors never repeat more than the bad part of the value.
    package static func parse(_ text: String, environment: [String: String]) throws(RunShardError) -> RunShard {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .invalidSyntax }
        guard let count = Self.number(parts[1]), (1...maximumCount).contains(count) else {
            throw .invalidCount(String(parts[1]))
        }
        if parts[0] == "auto" {
            guard let value = environment[indexVariable] else { throw .indexVariableUnset(count: count) }
            guard let index = Self.number(Substring(value)), index < count else {
                throw .invalidIndexVariable(value, count: count)
            }
            return try RunShard(index: index, count: count)
        }
        guard let index = Self.number(parts[0]), index < count else { throw .invalidIndex(String(parts[0]), count: count) }
        return try RunShard(index: index, count: count)
    }

    /// True when `account` belongs to this shard.
    package func owns(_ account: String) -> Bool {
        Self.shard(of: account, count: count) == index
    }

    /// The shard, in `0..<count`, that rendezvous hashing gives `account`: the one
    /// with the highest SHA-256 of `<account>|<shard>` (ties, which SHA-256 never
    /// produces in practice, go to the lower shard).
    package static func shard(of account: String, count: Int) -> Int {
        var best = 0
        var bestDigest: [UInt8] = []
        for shard in 0..<max(1, count) {
            let digest = Array(SHA256.hash(data: Array("\(account)|\(shard)".utf8)))
            if shard == 0 || bestDigest.lexicographicallyPrecedes(digest) {
                best = shard
                bestDigest = digest
            }
        }
        return best
    }

    /// `K/N`.
    package var description: String { "\(index)/\(count)" }

    /// A whole number of at most five ASCII digits (no sign, no spaces), or nil.
    private static func number(_ text: Substring) -> Int? {
        guard (1...5).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }
}

/// Why `--shard` was refused (exit 2). A message repeats at most the bad part of the
/// value, shortened and with control characters escaped.
package enum RunShardError: ToolError, Equatable {
    /// Not `K/N` or `auto/N`.
    case invalidSyntax
    /// N is not a whole number in 1...10000.
    case invalidCount(String)
    /// K is not a whole number in 0..<N.
    case invalidIndex(String, count: Int)
    /// `auto/N` without `JOB_COMPLETION_INDEX` in the environment.
    case indexVariableUnset(count: Int)
    /// `JOB_COMPLETION_INDEX` is not a whole number in 0..<N.
    case invalidIndexVariable(String, count: Int)

    package var exitStatus: ExitStatus { .usageError }

    package var description: String {
        let limit = RunShard.maximumCount
        return switch self {
        case .invalidSyntax:
            "--shard must be K/N or auto/N (0 ≤ K < N ≤ \(limit))"
        case .invalidCount(let value):
            "--shard K/N: N must be a whole number from 1 to \(limit), not \(Self.shown(value))"
        case .invalidIndex(let value, let count):
            "--shard K/\(count): K must be a whole number from 0 to \(count - 1), not \(Self.shown(value))"
        case .indexVariableUnset(let count):
            "--shard auto/\(count) needs \(RunShard.indexVariable) (the shard's index, 0 to \(count - 1)), which is not set"
        case .invalidIndexVariable(let value, let count):
            "\(RunShard.indexVariable) must be a whole number from 0 to \(count - 1) for --shard auto/\(count), not \(Self.shown(value))"
        }
    }

    /// `value` quoted, cut to 20 characters, with anything but printable ASCII escaped.
    private static func shown(_ value: String) -> String {
        let cut = value.unicodeScalars.prefix(20).map { scalar in
            (0x20..<0x7F).contains(scalar.value) ? String(scalar) : scalar.escaped(asASCII: true)
        }.joined()
        return "'" + cut + (value.unicodeScalars.count > 20 ? "…" : "") + "'"
    }
}
