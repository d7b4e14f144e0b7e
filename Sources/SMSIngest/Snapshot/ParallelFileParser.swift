import Foundation
import SMSCore

/// Parses snapshot files on every core while the caller consumes them in order.
///
/// Files are parsed in chunks, several chunks ahead of the one the caller is
/// merging, so parsing keeps every core busy. Results reach the caller in the order of `files`, so the outcome
/// (including which error is reported first) never depends on scheduling.
package struct ParallelFileParser: Sendable {
    /// A file to parse and the kind of body it holds.
    package struct Job: Sendable {
        package var path: String
        package var kind: ReportFileParser.BodyKind
    }

    package let files: SnapshotFiles
    package let statusMap: StatusMap
    package var filesPerChunk = 128
    package var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Chunks parsed ahead of the one being consumed, so that the cores keep parsing
    /// while the caller merges.
    package var chunksAhead = 3

    /// Parses `jobs` and hands each result to `consume`, in order.
    package func parse(_ jobs: [Job], consume: (ParsedFile) throws(ReportError) -> Void) async throws(ReportError) {
        let chunks = stride(from: 0, to: jobs.count, by: filesPerChunk).map {
            Array(jobs[$0..<min($0 + filesPerChunk, jobs.count)])
        }
        var pending: [Task<[Result<ParsedFile, ReportError>], Never>] = []
        var nextChunk = 0
        while nextChunk < chunks.count || !pending.isEmpty {
            while pending.count < chunksAhead, nextChunk < chunks.count {
                pending.append(startParsing(chunks[nextChunk]))
                nextChunk += 1
            }
            let results = await pending.removeFirst().value
            for result in results {
                try consume(try result.get())
            }
        }
    }

    private func startParsing(_ chunk: [Job]) -> Task<[Result<ParsedFile, ReportError>], Never> {
        let parser = self
        return Task.detached {
            await parser.parseConcurrently(chunk)
        }
    }

    private func parseConcurrently(_ chunk: [Job]) async -> [Result<ParsedFile, ReportError>] {
        let workerCount = min(workers, chunk.count)
        return await withTaskGroup(of: [(Int, Result<ParsedFile, ReportError>)].self) { group in
            for worker in 0..<workerCount {
                group.addTask {
                    var parser = ReportFileParser(statusMap: statusMap)
                    let buffer = FileReadBuffer()
                    var results: [(Int, Result<ParsedFile, ReportError>)] = []
                    for index in stride(from: worker, to: chunk.count, by: workerCount) {
                        results.append((index, parseOne(chunk[index], with: &parser, buffer: buffer)))
                    }
                    return results
                }
            }
            var all: [(Int, Result<ParsedFile, ReportError>)] = []
            all.reserveCapacity(chunk.count)
            for await results in group {
                all.append(contentsOf: results)
            }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    private func parseOne(_ job: Job, with parser: inout ReportFileParser, buffer: FileReadBuffer) -> Result<ParsedFile, ReportError> {
        do throws(ReportError) {
            return .success(try parser.parse(try files.read(job.path, into: buffer), path: job.path, kind: job.kind))
        } catch {
            return .failure(error)
        }
    }
}
