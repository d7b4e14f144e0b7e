import Foundation
@testable import SnapshotFormat
import Testing

/// The manifest is read with the JSON scanner when it has the plain form `fetch`
/// writes, and with `JSONDecoder` otherwise (issue 16). The scanner may only ever
/// accept what the decoder reads to an equal manifest; the rest it leaves alone.
@Suite struct ManifestScanningTests {
    static func scanned(_ json: String) -> Manifest? {
        Array(json.utf8).withUnsafeBytes(Manifest.scanned(from:))
    }

    static func decoded(_ json: String) -> Manifest? {
        try? JSONDecoder().decode(Manifest.self, from: Data(json.utf8))
    }

    /// A manifest as `fetch` writes it, with every field and a request of each shape.
    static var written: Manifest {
        var manifest = Manifest(
            tool: "sms-report 1.0", baseURL: "https://dicesms.asia", fetchStarted: "2025-11-05T01:00:00.000000+05:45",
            fetchFinished: "2025-11-05T01:02:13.512000+05:45", complete: false, reasons: ["batch B: HTTP 500"],
            pageSize: 50, batches: ["तिहार.json": "तिहार", "b-1.json": "b-1"], skippedBatches: ["b-0"],
            pagingStoppedEarly: false, requests: [
                Manifest.Request(path: "/api/batch-ids", status: 200, attempts: 1, bytes: 120, sha256: "ab12", file: "batch-ids.json"),
                Manifest.Request(path: "/api/sms-report/B/", status: 500, attempts: 3, error: "HTTP 500 after 3 attempts"),
                Manifest.Request(path: "/api/sms-report/?page=1", status: 0, attempts: 2),
            ])
        manifest.since = "2025-11-01"
        manifest.until = "2025-11-04"
        manifest.recheckHours = 48
        manifest.notes = ["metrics refused"]
        return manifest
    }

    static func encoded(_ manifest: Manifest) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(manifest), as: UTF8.self)
    }

    @Test func theFormFetchWritesIsScannedToTheSameManifest() throws {
        let json = try Self.encoded(Self.written)
        let scanned = try #require(Self.scanned(json))
        #expect(scanned == Self.written)
        #expect(scanned == Self.decoded(json))
    }

    @Test func aSmallManifestIsScanned() {
        let json = #"{"complete": true, "batches": {}, "extra": {"nested": [1, {"x": null}]}}"#
        #expect(Self.scanned(json) == Manifest(complete: true))
        #expect(Self.decoded(json) == Manifest(complete: true))
    }

    /// Each is outside the plain form: the scanner leaves it to the decoder, which reads
    /// it (or reports it) as before.
    @Test(arguments: [
        #"{"complete": true, "reasons": ["say \"no\""]}"#,          // an escape in a string
        #"{"compl\u0065te": true}"#,                                 // an escape in a key
        #"{"complete": true, "complete": false}"#,                   // a key twice
        #"{"complete": true, "batches": {"a": "1", "a": "2"}}"#,     // a batch twice
        #"{"complete": true, "page_size": 50.0}"#,                   // not plain digits
        #"{"complete": true, "page_size": 5e1}"#,
        #"{"complete": true, "recheck_hours": -1}"#,
        #"{"complete": true, "page_size": 99999999999999999999}"#,  // more than an Int holds
        #"{"complete": "yes"}"#,                                     // wrong types
        #"{"complete": null}"#,
        #"{"complete": true, "reasons": "one"}"#,
        #"{"complete": true, "requests": [{"path": "/p", "status": 200}]}"#,   // a request without attempts
        #"{"complete": true, "requests": [{"path": null, "status": 200, "attempts": 1}]}"#,
        #"{"complete": true, "requests": [{"path": "/p", "status": 200, "attempts": 1, "st\u0061tus": 3}]}"#,
        #"{"complete": true, "requests": [{"path": "/p", "status": 200, "attempts": 1, "file": 3}]}"#,
        #"{"batches": {}}"#,                                         // no complete
        "\u{FEFF}{\"complete\": true}",                              // a byte order mark
        #"[{"complete": true}]"#,
        #"{"complete": true} x"#,
    ])
    func anythingOutsideThePlainFormIsLeftToTheDecoder(json: String) {
        #expect(Self.scanned(json) == nil)
    }

    @Test func invalidUTF8IsLeftToTheDecoder() {
        let bytes = Array(#"{"complete": true, "tool": "x"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(bytes.withUnsafeBytes(Manifest.scanned(from:)) == nil)
    }

    /// Seeded manifests whose fields are each absent, null, a value, a value of the
    /// wrong kind or written with an escape: whatever the scanner accepts, the decoder
    /// reads to the same manifest, and plain ones are accepted.
    @Test func whateverIsScannedDecodesTheSame() throws {
        var generator = SeededGenerator(state: 20261204)
        // Each field's values: plain ones first, then ones outside the plain form.
        let strings = (plain: [#""a""#, #""तिहार""#, #""""#, "null"], other: [#""x\"y""#, "5", "true"])
        let numbers = (plain: ["0", "50", "null"], other: [#""50""#, "1.5", "-2", "18446744073709551616"])
        let bools = (plain: ["true", "false"], other: ["null", "1", #""true""#])
        let lists = (plain: ["[]", #"["a", "b"]"#, "null"], other: [#"["a", 1]"#, #""a""#, #"["\u0041"]"#])
        let objects = (plain: ["{}", #"{"f.json": "f", "g.json": "g"}"#, "null"], other: [#"{"f.json": 1}"#, "[]"])
        let requests = (plain: [
            #"{"path": "/p", "status": 200, "attempts": 1}"#,
            #"{"attempts": 2, "status": 0, "path": "/q", "error": "timed out", "bytes": null, "other": [1]}"#,
        ], other: [#"{"path": "/p", "status": 200}"#, #"{"path": "/p", "status": "200", "attempts": 1}"#, "null", "7"])
        let fields: [(key: String, values: (plain: [String], other: [String]))] = [
            ("tool", strings), ("base_url", strings), ("fetch_started", strings),
            ("complete", bools), ("reasons", lists), ("page_size", numbers),
            ("batches", objects), ("skipped_batches", lists), ("paging_stopped_early", bools),
            ("since", strings), ("recheck_hours", numbers), ("notes", lists), ("unknown", strings),
        ]
        func pick(_ values: (plain: [String], other: [String])) -> String {
            Int.random(in: 0..<20, using: &generator) == 0
                ? values.other.randomElement(using: &generator)! : values.plain.randomElement(using: &generator)!
        }
        var scannedCount = 0
        for _ in 0..<600 {
            var members: [String] = []
            for field in fields where field.key == "complete" || Int.random(in: 0..<4, using: &generator) > 0 {
                members.append(#""\#(field.key)": \#(pick(field.values))"#)
            }
            if Bool.random(using: &generator) {
                let log = (0..<Int.random(in: 0..<3, using: &generator)).map { _ in pick(requests) }
                members.append(#""requests": [\#(log.joined(separator: ", "))]"#)
            }
            if Int.random(in: 0..<10, using: &generator) == 0, let repeated = members.first {
                members.append(repeated)
            }
            let json = "{" + members.shuffled(using: &generator).joined(separator: ", ") + "}"
            if let scanned = Self.scanned(json) {
                scannedCount += 1
                #expect(Self.decoded(json) == scanned, "\(json)")
            }
        }
        #expect(scannedCount > 20)
    }
}
