import Crypto
@testable import SnapshotFormat
import Testing

/// Contract §2: dot ids have their dots encoded, and a name past 200 bytes is cut to
/// 180 (never inside a `%XX`) and ends with `~` and 16 hex digits of the id's SHA-256.
@Suite struct FileSafeNameLengthTests {
    /// The first 16 hex digits of the SHA-256 of `id`.
    private func hashSuffix(_ id: String) -> String {
        "~" + SHA256.hash(data: Array(id.utf8)).prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    @Test(arguments: [
        (".", "%2E"),
        ("..", "%2E%2E"),
        (".hidden", "%2Ehidden"),
        (".a.b", "%2Ea%2Eb"),
        ("a.b", "a.b"),
        ("a..", "a.."),
    ])
    func dotIDsAreNeverDotNamesOrHiddenFiles(id: String, name: String) {
        #expect(FileSafeName.encode(id) == name)
        #expect(FileSafeName.decode(name) == id)
    }

    @Test func aNameOfExactly200BytesIsKeptWhole() {
        let id = String(repeating: "a", count: 200)
        #expect(FileSafeName.encode(id) == id)
        #expect(FileSafeName.decode(FileSafeName.encode(id)) == id)
    }

    @Test func aNameOf201BytesIsCutTo180AndTheHash() {
        let id = String(repeating: "a", count: 201)
        let name = FileSafeName.encode(id)
        #expect(name == String(repeating: "a", count: 180) + hashSuffix(id))
        #expect(name.utf8.count == 197)
    }

    /// `%XX` at every offset around the cut: the prefix never ends inside one.
    @Test(arguments: 0..<3)
    func theCutNeverFallsInsideAPercentEscape(shift: Int) {
        let id = String(repeating: "b", count: shift) + String(repeating: "/", count: 100)
        let name = FileSafeName.encode(id)
        let prefix = String(name.split(separator: "~")[0])
        #expect(prefix.utf8.count <= 180 && prefix.utf8.count >= 178)
        #expect(name == prefix + hashSuffix(id))
        let tail = Array(prefix.utf8.suffix(3))
        #expect(tail.first == UInt8(ascii: "%") || prefix.utf8.count == shift, "ends with a whole %2F")
        #expect(FileSafeName.decode(prefix).allSatisfy { $0 == "b" || $0 == "/" })
    }

    @Test func a120CharacterDevanagariIDFitsAFileName() {
        let id = String(repeating: "क", count: 120)
        let name = FileSafeName.batchReportFileName(for: id)
        #expect(name.utf8.count <= 255)
        #expect(name.hasSuffix(hashSuffix(id) + ".json"))
        #expect(name.hasPrefix(String(repeating: "%E0%A4%95", count: 20)))
        #expect(name.utf8.count == 180 + 17 + 5)
    }

    @Test func idsWithTheSameLongPrefixGetDifferentNames() {
        let stem = String(repeating: "x", count: 250)
        #expect(FileSafeName.encode(stem + "1") != FileSafeName.encode(stem + "2"))
    }

    @Test func aTildeIsEncodedSoOnlyShortenedNamesHaveOne() {
        #expect(FileSafeName.encode("a~b") == "a%7Eb")
    }
}
