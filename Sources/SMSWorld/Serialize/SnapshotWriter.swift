import Foundation
import SnapshotFormat

/// How far ``SnapshotWriter/write(to:progress:)`` has got.
package struct SnapshotProgress: Sendable, Hashable {
    /// Body files written so far.
    package let filesWritten: Int
    /// Body files to write in all.
    package let totalFiles: Int
}

/// What ``SnapshotWriter/write(to:progress:)`` wrote.
package struct SnapshotSummary: Sendable, Hashable {
    /// Page files in `sms-report/`.
    package let pages: Int
    /// Batch report files in `sms-report-batch/`.
    package let batchReports: Int
    /// Every file written, `manifest.json` included.
    package let files: Int
    /// Bytes of every file written.
    package let bytes: Int
}

/// Writes a world as a snapshot folder, laid out as contract §2 describes, as though
/// `sms-report fetch` had read it from `https://dicesms.asia` with every request
/// answered at the first attempt.
///
/// Fetch order: `/api/batch-ids`, the pages, every batch report, the metrics. The
/// manifest says `complete: true`, maps every batch report file to its id, and lists
/// the requests without `sha256`. Its fetch times follow from the world's end day, so
/// the same world always gives the same bytes. A batch without a report
/// (``Quirk/missingBatchReport``) has neither a file nor a request.
package struct SnapshotWriter: Sendable {
    /// The base URL that the manifest and the page links name.
    package static let baseURL = "https://dicesms.asia"
    /// The manifest's `tool`.
    package static let tool = "sms-sample 0.1.0"

    /// The world to write.
    package let world: World
    /// Its pages.
    package let pages: ReportPages

    /// A writer for `world` with `pageSize` rows a page (see ``ReportPages/pageSizes``).
    package init(world: World, pageSize: Int) throws(ReportPages.Invalid) {
        self.world = world
        pages = try ReportPages(world: world, pageSize: pageSize)
    }

    /// The number of body files a snapshot holds (everything but the manifest).
    package var bodyFileCount: Int {
        2 + pages.pageCount + world.batches.count(where: \.hasReport)
    }

    /// Writes the snapshot into `folder`, creating it and its subfolders; files of the
    /// same names are replaced. `progress` is called after every body file.
    @discardableResult
    package func write(to folder: URL, progress: (SnapshotProgress) -> Void = { _ in }) throws -> SnapshotSummary {
        var output = try SnapshotOutput(folder: folder, totalFiles: bodyFileCount)
        try output.write(BatchIDsBody.render(world), path: BatchIDsBody.path, file: SnapshotLayout.batchIDs,
                         progress: progress)

        var buffer: [UInt8] = []
        for number in 1...pages.pageCount {
            buffer.removeAll(keepingCapacity: true)
            pages.appendBody(ofPage: number, to: &buffer)
            try output.write(buffer, path: ReportPages.path(ofPage: number), file: SnapshotLayout.pagePath(number: number),
                             progress: progress)
        }

        var batchFiles: [String: String] = [:]
        for batch in world.batches where batch.hasReport {
            buffer.removeAll(keepingCapacity: true)
            BatchReportBody.append(batch, in: world, to: &buffer)
            try output.write(buffer, path: BatchReportBody.path(for: batch.id),
                             file: SnapshotLayout.batchReportPath(for: batch.id), progress: progress)
            batchFiles[FileSafeName.batchReportFileName(for: batch.id)] = batch.id
        }

        try output.write(MetricsBody.render(world), path: MetricsBody.path, file: SnapshotLayout.metrics,
                         progress: progress)

        let manifest = Manifest(tool: Self.tool, baseURL: Self.baseURL,
                                fetchStarted: world.parameters.fetchStarted.iso8601,
                                fetchFinished: world.parameters.fetchFinished.iso8601,
                                complete: true, reasons: [], pageSize: pages.pageSize,
                                batches: batchFiles, requests: output.requests)
        let manifestBytes = ManifestJSON.render(manifest)
        try OutputFile.save(manifestBytes, to: folder.appendingPathComponent(SnapshotLayout.manifest))
        return SnapshotSummary(pages: pages.pageCount, batchReports: batchFiles.count,
                               files: output.requests.count + 1, bytes: output.bytesWritten + manifestBytes.count)
    }
}

/// The files of one snapshot as they are written, and the requests they answer.
private struct SnapshotOutput {
    let folder: URL
    let totalFiles: Int
    private(set) var requests: [Manifest.Request] = []
    private(set) var bytesWritten = 0

    init(folder: URL, totalFiles: Int) throws {
        self.folder = folder
        self.totalFiles = totalFiles
        for subfolder in [SnapshotLayout.pagesFolder, SnapshotLayout.batchReportsFolder] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(subfolder, isDirectory: true),
                                                    withIntermediateDirectories: true)
        }
        requests.reserveCapacity(totalFiles)
    }

    /// Writes one body, records the request that fetched it, and reports progress.
    mutating func write(_ body: [UInt8], path: String, file: String, progress: (SnapshotProgress) -> Void) throws {
        try OutputFile.save(body, to: folder.appendingPathComponent(file))
        requests.append(Manifest.Request(path: path, status: 200, attempts: 1, bytes: body.count, file: file))
        bytesWritten += body.count
        progress(SnapshotProgress(filesWritten: requests.count, totalFiles: totalFiles))
    }
}
