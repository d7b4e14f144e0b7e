import SnapshotFormat


/// Writes a ``Manifest`` as `manifest.json` with a fixed key order and layout, so that
/// the same manifest gives the same bytes on every platform (Foundation's encoder
/// does not promise that). Batches are sorted by file name; each request is one line.
package enum ManifestJSON {
    /// The manifest's JSON text, ending in a newline.
    package static func render(_ manifest: Manifest) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendASCII("{\n")
        var fields = FieldList()
        if let tool = manifest.tool {
            fields.next(&bytes, "tool")
            bytes.appendJSONString(tool)
        }
        if let baseURL = manifest.baseURL {
            fields.next(&bytes, "base_url")
            bytes.appendJSONString(baseURL)
        }
        if let fetchStarted = manifest.fetchStarted {
            fields.next(&bytes, "fetch_started")
            bytes.appendJSONString(fetchStarted)
        }
        if let fetchFinished = manifest.fetchFinished {
            fields.next(&bytes, "fetch_finished")
            bytes.appendJSONString(fetchFinished)
        }
        fields.next(&bytes, "complete")
        bytes.appendJSONBool(manifest.complete)
        fields.next(&bytes, "reasons")
        appendStringArray(manifest.reasons, to: &bytes)
        if let pageSize = manifest.pageSize {
            fields.next(&bytes, "page_size")
            bytes.appendDecimal(pageSize)
        }
        fields.next(&bytes, "batches")
        appendBatches(manifest.batches, to: &bytes)
        if let skippedBatches = manifest.skippedBatches {
            fields.next(&bytes, "skipped_batches")
            appendStringArray(skippedBatches, to: &bytes)
        }
        if let pagingStoppedEarly = manifest.pagingStoppedEarly {
            fields.next(&bytes, "paging_stopped_early")
            bytes.appendJSONBool(pagingStoppedEarly)
        }
        if let requests = manifest.requests {
            fields.next(&bytes, "requests")
            appendRequests(requests, to: &bytes)
        }
        bytes.appendASCII("\n}\n")
        return bytes
    }

    private static func appendStringArray(_ values: [String], to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 {
                bytes.appendASCII(", ")
            }
            bytes.appendJSONString(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private static func appendBatches(_ batches: [String: String], to bytes: inout [UInt8]) {
        guard !batches.isEmpty else {
            bytes.appendASCII("{}")
            return
        }
        bytes.appendASCII("{\n")
        for (index, entry) in batches.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
            if index > 0 {
                bytes.appendASCII(",\n")
            }
            bytes.appendASCII("    ")
            bytes.appendJSONString(entry.key)
            bytes.appendASCII(": ")
            bytes.appendJSONString(entry.value)
        }
        bytes.appendASCII("\n  }")
    }

    private static func appendRequests(_ requests: [Manifest.Request], to bytes: inout [UInt8]) {
        guard !requests.isEmpty else {
            bytes.appendASCII("[]")
            return
        }
        bytes.appendASCII("[\n")
        for (index, request) in requests.enumerated() {
            if index > 0 {
                bytes.appendASCII(",\n")
            }
            bytes.appendASCII("    {\"path\": ")
            bytes.appendJSONString(request.path)
            bytes.appendASCII(", \"status\": ")
            bytes.appendDecimal(request.status)
            bytes.appendASCII(", \"attempts\": ")
            bytes.appendDecimal(request.attempts)
            if let count = request.bytes {
                bytes.appendASCII(", \"bytes\": ")
                bytes.appendDecimal(count)
            }
            appendOptionalString("sha256", request.sha256, to: &bytes)
            appendOptionalString("file", request.file, to: &bytes)
            appendOptionalString("error", request.error, to: &bytes)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.appendASCII("\n  ]")
    }

    private static func appendOptionalString(_ key: StaticString, _ value: String?, to bytes: inout [UInt8]) {
        guard let value else { return }
        bytes.appendASCII(", \"")
        bytes.appendASCII(key)
        bytes.appendASCII("\": ")
        bytes.appendJSONString(value)
    }

    /// Writes the separators between top-level fields.
    private struct FieldList {
        private var isFirst = true

        mutating func next(_ bytes: inout [UInt8], _ key: StaticString) {
            if !isFirst {
                bytes.appendASCII(",\n")
            }
            isFirst = false
            bytes.appendASCII("  \"")
            bytes.appendASCII(key)
            bytes.appendASCII("\": ")
        }
    }
}

extension [UInt8] {
    /// Appends `true` or `false`.
    mutating func appendJSONBool(_ value: Bool) {
        if value {
            appendASCII("true")
        } else {
            appendASCII("false")
        }
    }
}
