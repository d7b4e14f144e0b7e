import Foundation
import SMSCore
import SMSSupport
import SnapshotFormat

/// Reads a snapshot folder (contract §2) into deliveries.
package struct SnapshotReader: Sendable {
    /// The status map rows are read with.
    package var statusMap: StatusMap
    /// The operator table phones are read with.
    package var operators: OperatorTable

    package init(statusMap: StatusMap = .standard, operators: OperatorTable = .standard) {
        self.statusMap = statusMap
        self.operators = operators
    }

    /// Reads the snapshot at `folder`, reporting files read to `progress`.
    package func read(folder: String, progress: any ProgressSink = SilentProgress()) async throws(ReportError) -> LoadedSnapshot {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .snapshotNotFound(path: folder)
        }
        // batch-ids.json is one large file whose rows are only applied at the end: it is
        // read and made ready on a task of its own from the start, while the manifest is
        // decoded (seconds, for a large snapshot's log of requests) and the pages are
        // merged. The listing then says whether it counts (a failed request's does not).
        let earlyBatchIDs = FileManager.default.fileExists(atPath: folder + "/" + SnapshotLayout.batchIDs)
            ? startReadingBatchIDs(folder: folder) : nil
        let manifest: Manifest?
        let files: SnapshotFiles
        do throws(ReportError) {
            manifest = try readManifest(folder: folder)
            files = try SnapshotFiles.list(folder: folder, manifest: manifest)
                .excluding(manifest?.filesOfFailedRequests ?? [])
        } catch {
            _ = await earlyBatchIDs?.value
            throw error
        }
        let batchIDs = files.batchIDs.map { _ in earlyBatchIDs ?? startReadingBatchIDs(folder: folder) }
        if batchIDs == nil {
            _ = await earlyBatchIDs?.value
        }
        var jobs = files.pages.map { ParallelFileParser.Job(path: $0, kind: .page) }
        jobs += files.batchReports.map { ParallelFileParser.Job(path: $0.path, kind: .batchReport) }
        let batchIDByPath = Dictionary(files.batchReports.map { ($0.path, $0.batchID) }, uniquingKeysWith: { first, _ in first })

        var merger = DeliveryMerger(expectedDeliveries: Self.expectedDeliveries(pages: files.pages.count, pageSize: manifest?.pageSize),
                                    operators: operators)
        var done = 0
        var recipientsOfFirstPages = 0
        let total = jobs.count + (batchIDs == nil ? 0 : 1)
        do throws(ReportError) {
            try await ParallelFileParser(files: files, statusMap: statusMap).parse(jobs) { parsed throws(ReportError) in
                if let batchID = batchIDByPath[parsed.path] {
                    merger.add(parsed, from: .batchReport(id: batchID))
                } else {
                    merger.add(parsed, from: .page)
                    if done < Self.pagesForEstimate {
                        recipientsOfFirstPages += parsed.recipients.count
                        if done + 1 == min(Self.pagesForEstimate, files.pages.count) {
                            merger.reserve(expectedDeliveries: Self.expectedDeliveries(
                                pages: files.pages.count, recipientsOfFirstPages: recipientsOfFirstPages, firstPages: done + 1))
                        }
                    }
                }
                done += 1
                progress.update(stage: "reading snapshot", done: done, total: total, unit: "files")
            }
        } catch {
            // batch-ids.json comes first in the snapshot's order, so its error is the one reported.
            if case .failure(let batchIDsError)? = await batchIDs?.value {
                throw batchIDsError
            }
            throw error
        }
        let batchIDLookup = try await batchIDs?.value.get()
        if batchIDs != nil {
            progress.update(stage: "reading snapshot", done: total, total: total, unit: "files")
        }
        let metrics = try files.metrics.map { path throws(ReportError) in try readMetrics(files: files, path: path) } ?? []
        return LoadedSnapshot(normalized: merger.finish(manifest: manifest, batchIDs: batchIDLookup), manifest: manifest, metrics: metrics,
                              hasMetricsSnapshot: files.metrics != nil)
    }

    /// The rows a page may claim in the manifest's `page_size`.
    package static let pageSizes = 0...1_000_000
    /// The most deliveries memory is reserved for ahead of reading (about 33 million:
    /// a month of a large account fits, so the deliveries are never copied to a
    /// larger array while the last pages are merged, which would briefly hold both).
    private static let maximumReservation = 1 << 25

    /// A hint for the deliveries to reserve memory for: pages × page size, bounded, so an
    /// odd manifest can neither overflow the product nor reserve memory for nothing.
    package static func expectedDeliveries(pages: Int, pageSize: Int?) -> Int {
        let (product, overflow) = pages.multipliedReportingOverflow(by: pageSize ?? 50)
        return overflow ? maximumReservation : min(max(product, 0), maximumReservation)
    }

    /// Starts reading the snapshot's `batch-ids.json` on a task of its own.
    private func startReadingBatchIDs(folder: String) -> Task<Result<BatchIDLookup, ReportError>, Never> {
        Task.detached { [statusMap] in
            Self.readBatchIDs(folder: folder, statusMap: statusMap, buffer: FileReadBuffer())
        }
    }

    /// The page files whose recipients give the estimate of ``expectedDeliveries(pages:recipientsOfFirstPages:firstPages:)``.
    package static let pagesForEstimate = 128

    /// The deliveries to reserve memory for once the first pages are merged: their
    /// recipients per page for every page, a tenth more for deliveries only batch
    /// reports hold, bounded like ``expectedDeliveries(pages:pageSize:)``. (The manifest's
    /// page size counts rows, and a row may have several recipients.)
    package static func expectedDeliveries(pages: Int, recipientsOfFirstPages: Int, firstPages: Int) -> Int {
        guard firstPages > 0 else { return 0 }
        let estimate = Double(pages) * Double(recipientsOfFirstPages) / Double(firstPages) * 1.1
        return estimate < Double(maximumReservation) ? Int(estimate) : maximumReservation
    }

    /// Reads `batch-ids.json` into `buffer` (a parameter, so that it outlives the parse
    /// of its bytes), parses it and prepares its rows for matching.
    private static func readBatchIDs(folder: String, statusMap: StatusMap,
                                     buffer: FileReadBuffer) -> Result<BatchIDLookup, ReportError> {
        do throws(ReportError) {
            let path = SnapshotLayout.batchIDs
            var parser = ReportFileParser(statusMap: statusMap)
            let parsed = try parser.parse(try SnapshotFiles.read(path, in: folder, into: buffer), path: path, kind: .batchIDs)
            return .success(BatchIDLookup(rows: parsed.batchIDRows))
        } catch {
            return .failure(error)
        }
    }

    private func readManifest(folder: String) throws(ReportError) -> Manifest? {
        let path = folder + "/" + SnapshotLayout.manifest
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        // Checked on the literal: JSONDecoder reports a number no Int holds as invalid JSON.
        if let literal = try Self.pageSizeLiteral(in: data), !(Int(literal).map(Self.pageSizes.contains) ?? false) {
            throw .invalidField(file: SnapshotLayout.manifest, path: "page_size",
                                reason: "out of range: \(literal) (rows on a page, 0 to \(Self.pageSizes.upperBound))")
        }
        if let manifest = data.withUnsafeBytes(Manifest.scanned(from:)) {
            return manifest
        }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            throw .missingField(file: SnapshotLayout.manifest, path: path)
        } catch let DecodingError.dataCorrupted(context) {
            // For example a number out of range for its field ("page_size": 1e30).
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .invalidField(file: SnapshotLayout.manifest, path: path.isEmpty ? "top level" : path,
                                reason: context.debugDescription)
        } catch let DecodingError.typeMismatch(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .invalidField(file: SnapshotLayout.manifest, path: path, reason: "wrong type of value")
        } catch {
            throw .invalidField(file: SnapshotLayout.manifest, path: "top level", reason: "\(error)")
        }
        return manifest
    }

    /// The literal of the manifest's top-level `page_size` (its first occurrence) when it
    /// is a number. The whole file's syntax is checked on the way, so that invalid JSON is
    /// reported with its place before the decoder's less precise account; the rest is
    /// skipped without being built (a large snapshot's log of requests is megabytes).
    private static func pageSizeLiteral(in data: Data) throws(ReportError) -> String? {
        try JSONScanner.scan(data, file: SnapshotLayout.manifest) { scanner throws(JSONSyntaxError) -> String? in
            var literal: String?
            if try scanner.peek() == UInt8(ascii: "{") {
                var cursor = try scanner.beginObject()
                var seen = false
                while let key = try scanner.nextKey(&cursor) {
                    if !seen, scanner.matches(key, "page_size") {
                        seen = true
                        switch try scanner.peek() {
                        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "f"):
                            try scanner.skipValue(depth: 1)
                        default:
                            literal = try scanner.readNumberLiteral()
                        }
                    } else {
                        try scanner.skipValue(depth: 1)
                    }
                }
            } else {
                try scanner.skipValue()
            }
            try scanner.expectEnd()
            return literal
        }
    }

    private func readMetrics(files: SnapshotFiles, path: String) throws(ReportError) -> [MetricReading] {
        let data = try files.contents(of: path)
        let value = try JSONValue.parse(data, file: path)
        guard case .object(let members) = value else {
            throw .invalidField(file: path, path: "top level", reason: "expected an object of metric keys")
        }
        return members.map { key, value in
            switch value {
            case .number(let literal):
                return MetricReading(key: key, value: .number(literal))
            case .string(let text):
                return MetricReading(key: key, value: .text(text))
            case .bool(let flag):
                return MetricReading(key: key, value: .text(String(flag)))
            case .null:
                return MetricReading(key: key, value: .text(""))
            case .object, .array:
                return MetricReading(key: key, value: .text("(nested value)"))
            }
        }
    }
}
