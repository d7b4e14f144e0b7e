import GatewayAPI
import SnapshotFormat

/// A body fetched and stored by one of the parallel requests, so that writing and
/// hashing happen beside the network waits instead of after them.
package struct FetchedFile: Sendable {
    /// The request's outcome; its body is dropped once stored.
    package var response: APIResponse
    /// A page's summary (an empty one for other bodies); nil when the body is not usable.
    package var summary: PageSummary?
    /// The manifest entry of the stored body; nil when the request failed or the body
    /// is not usable.
    package var stored: Result<Manifest.Request, FetchError>?

    /// GETs `path` and, on success, stores the body at `file` in the snapshot.
    package static func fetch(_ path: String, storingAs file: String, isPage: Bool,
                      client: APIClient, staging: SnapshotStaging) async -> FetchedFile {
        var response = await client.get(path)
        guard response.isSuccess else {
            return FetchedFile(response: response, summary: nil, stored: nil)
        }
        let summary = isPage ? PageSummary(body: response.body) : PageSummary.empty
        guard summary != nil else {
            return FetchedFile(response: response, summary: nil, stored: nil)
        }
        let stored = Result { () throws(FetchError) in try staging.store(response, as: file) }
        response.body = []
        return FetchedFile(response: response, summary: summary, stored: stored)
    }
}
