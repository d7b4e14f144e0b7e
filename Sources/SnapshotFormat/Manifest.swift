/// The snapshot's `manifest.json` (contract §2): what was fetched, from where, and
/// whether it is complete. `report` needs only ``batches`` and ``complete``; every
/// other key is optional, and keys this version does not know are ignored.
package struct Manifest: Codable, Sendable, Equatable {
    /// One HTTP request that the fetch made, with its final outcome.
    package struct Request: Codable, Sendable, Equatable {
        /// Path and query, relative to the base URL.
        package var path: String
        /// The final HTTP status, or 0 when no response arrived.
        package var status: Int
        /// How many times the request was sent.
        package var attempts: Int
        /// Bytes of the stored body.
        package var bytes: Int?
        /// SHA-256 of the stored body, in hex.
        package var sha256: String?
        /// The file that holds the body, relative to the snapshot folder.
        package var file: String?
        /// Why the request failed after its retries, when it did.
        package var error: String?

        package init(path: String, status: Int, attempts: Int, bytes: Int? = nil,
                    sha256: String? = nil, file: String? = nil, error: String? = nil) {
            self.path = path
            self.status = status
            self.attempts = attempts
            self.bytes = bytes
            self.sha256 = sha256
            self.file = file
            self.error = error
        }
    }

    package var tool: String?
    package var baseURL: String?
    package var fetchStarted: String?
    package var fetchFinished: String?
    /// False when some pages or batches could not be fetched.
    package var complete: Bool
    /// Why the snapshot is incomplete, one line each.
    package var reasons: [String]
    package var pageSize: Int?
    /// Batch report file name (in `sms-report-batch/`) → batch id.
    package var batches: [String: String]
    /// Batch ids that the fetch left out on purpose (outside its `--since`/`--until` window);
    /// they are not missing batch reports.
    package var skippedBatches: [String]?
    /// True when paging stopped before the last page on purpose (`--since`), so the
    /// last page's `count` is not expected to match the rows read.
    package var pagingStoppedEarly: Bool?
    package var requests: [Request]?
    /// The fetch window's first day (`--since`), when it had one.
    package var since: String?
    /// The fetch window's last day (`--until`), when it had one.
    package var until: String?
    /// Hours before `since` that were fetched again.
    package var recheckHours: Int?
    /// Remarks that are not failures, e.g. that metrics were refused.
    package var notes: [String]?

    package enum CodingKeys: String, CodingKey {
        case tool
        case baseURL = "base_url"
        case fetchStarted = "fetch_started"
        case fetchFinished = "fetch_finished"
        case complete, reasons
        case pageSize = "page_size"
        case batches
        case skippedBatches = "skipped_batches"
        case pagingStoppedEarly = "paging_stopped_early"
        case requests
        case since, until
        case recheckHours = "recheck_hours"
        case notes
    }

    package init(tool: String? = nil, baseURL: String? = nil, fetchStarted: String? = nil,
                fetchFinished: String? = nil, complete: Bool = true, reasons: [String] = [],
                pageSize: Int? = nil, batches: [String: String] = [:], skippedBatches: [String]? = nil,
                pagingStoppedEarly: Bool? = nil, requests: [Request]? = nil) {
        self.tool = tool
        self.baseURL = baseURL
        self.fetchStarted = fetchStarted
        self.fetchFinished = fetchFinished
        self.complete = complete
        self.reasons = reasons
        self.pageSize = pageSize
        self.batches = batches
        self.skippedBatches = skippedBatches
        self.pagingStoppedEarly = pagingStoppedEarly
        self.requests = requests
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        tool = try container.decodeIfPresent(String.self, forKey: .tool)
        baseURL = try container.decodeIfPresent(String.self, forKey: .baseURL)
        fetchStarted = try container.decodeIfPresent(String.self, forKey: .fetchStarted)
        fetchFinished = try container.decodeIfPresent(String.self, forKey: .fetchFinished)
        complete = try container.decode(Bool.self, forKey: .complete)
        reasons = try container.decodeIfPresent([String].self, forKey: .reasons) ?? []
        pageSize = try container.decodeIfPresent(Int.self, forKey: .pageSize)
        batches = try container.decodeIfPresent([String: String].self, forKey: .batches) ?? [:]
        skippedBatches = try container.decodeIfPresent([String].self, forKey: .skippedBatches)
        pagingStoppedEarly = try container.decodeIfPresent(Bool.self, forKey: .pagingStoppedEarly)
        requests = try container.decodeIfPresent([Request].self, forKey: .requests)
        since = try container.decodeIfPresent(String.self, forKey: .since)
        until = try container.decodeIfPresent(String.self, forKey: .until)
        recheckHours = try container.decodeIfPresent(Int.self, forKey: .recheckHours)
        notes = try container.decodeIfPresent([String].self, forKey: .notes)
    }
}

extension Manifest {
    /// The stored files of requests that the fetch counted as failed: in an incomplete
    /// snapshot, those whose status is not 2xx. Earlier versions stored such bodies (an
    /// undocumented 404 of batch-ids, for one); `report` reads around them, since the
    /// manifest's reasons already say the data is incomplete.
    package var filesOfFailedRequests: Set<String> {
        guard !complete else { return [] }
        return Set((requests ?? []).lazy.filter { !(200..<300).contains($0.status) }.compactMap(\.file))
    }
}
