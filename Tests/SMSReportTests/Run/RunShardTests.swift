import Crypto
import Foundation
import SMSRun
import SMSSupport
import Testing

@Suite("Shards of a run (rendezvous hashing)")
struct RunShardTests {
    /// 1,000 account names like a reseller's.
    static let accounts = (0..<1_000).map { "client-\($0)" }

    @Test(arguments: [1, 2, 3, 7, 16])
    func everyAccountLandsOnExactlyOneShard(count: Int) throws {
        let shards = try (0..<count).map { try RunShard(index: $0, count: count) }
        for account in Self.accounts {
            #expect(shards.filter { $0.owns(account) }.count == 1, "\(account) with \(count) shards")
        }
    }

    @Test(arguments: [1, 2, 3, 5, 9])
    func addingAShardMovesAboutOneInNPlusOneAccounts(count: Int) {
        let moved = Self.accounts.filter {
            RunShard.shard(of: $0, count: count) != RunShard.shard(of: $0, count: count + 1)
        }.count
        let expected = Double(Self.accounts.count) / Double(count + 1)
        #expect(Double(moved) >= expected * 0.7 && Double(moved) <= expected * 1.3,
                "\(moved) accounts moved from \(count) to \(count + 1) shards, expected about \(Int(expected))")
        // Only to the new shard: rendezvous hashing never shuffles the others.
        for account in Self.accounts where RunShard.shard(of: account, count: count) != RunShard.shard(of: account, count: count + 1) {
            #expect(RunShard.shard(of: account, count: count + 1) == count)
        }
    }

    @Test func aKnownAccountGoesToTheShardWithTheHighestDigest() {
        // Computed here from SHA-256 alone: the digests of "acme|0" … "acme|4" as hex
        // strings (equal length, so their order is the big-endian numbers' order).
        let digests = (0..<5).map { shard in
            SHA256.hash(data: Array("acme|\(shard)".utf8)).map { String(format: "%02x", $0) }.joined()
        }
        let highest = digests.indices.max { digests[$0] < digests[$1] }
        #expect(RunShard.shard(of: "acme", count: 5) == highest)
        // The same, from Python's hashlib: max(range(n), key=lambda s: sha256(f"acme|{s}").digest()).
        #expect(RunShard.shard(of: "acme", count: 5) == 3)
        #expect(RunShard.shard(of: "acme", count: 3) == 0)
    }

    @Test func theSyntaxIsKSlashN() throws {
        #expect(try RunShard.parse("2/3", environment: [:]) == RunShard(index: 2, count: 3))
        #expect(try RunShard.parse("0/1", environment: [:]).description == "0/1")
        #expect(try RunShard.parse("9999/10000", environment: [:]).count == 10_000)
        #expect(throws: RunShardError.invalidSyntax) { try RunShard.parse("2", environment: [:]) }
        #expect(throws: RunShardError.invalidIndex("3", count: 3)) { try RunShard.parse("3/3", environment: [:]) }
        #expect(throws: RunShardError.invalidIndex("-1", count: 3)) { try RunShard.parse("-1/3", environment: [:]) }
        #expect(throws: RunShardError.invalidCount("0")) { try RunShard.parse("0/0", environment: [:]) }
        #expect(throws: RunShardError.invalidCount("10001")) { try RunShard.parse("0/10001", environment: [:]) }
        #expect(throws: RunShardError.invalidCount(" 3")) { try RunShard.parse("0/ 3", environment: [:]) }
    }

    @Test func autoTakesTheIndexFromJobCompletionIndex() throws {
        #expect(try RunShard.parse("auto/3", environment: ["JOB_COMPLETION_INDEX": "1"]) == RunShard(index: 1, count: 3))
        #expect(throws: RunShardError.indexVariableUnset(count: 3)) { try RunShard.parse("auto/3", environment: [:]) }
        #expect(throws: RunShardError.invalidIndexVariable("3", count: 3)) {
            try RunShard.parse("auto/3", environment: ["JOB_COMPLETION_INDEX": "3"])
        }
    }

    @Test func aBadIndexVariableIsOneLineThatShowsOnlyAShortCleanedValue() {
        let pasted = "secret-token-\u{1B}[31m-0123456789abcdef"
        let error = RunShardError.invalidIndexVariable(pasted, count: 3)
        #expect(error.exitStatus == .usageError)
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains("\u{1B}"))
        #expect(!error.description.contains("0123456789abcdef"))
        #expect(error.description.hasPrefix("JOB_COMPLETION_INDEX must be a whole number from 0 to 2"))
    }
}
