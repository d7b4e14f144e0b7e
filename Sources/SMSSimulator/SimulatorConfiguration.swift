import SMSWorld

/// Everything a simulator run is made from: the world it serves, how it pages it, who
/// may read it, and the faults it injects.
package struct SimulatorConfiguration: Sendable {
    /// The address to bind; loopback unless told otherwise.
    package var host: String
    /// The port to bind; 0 for any free port.
    package var port: Int
    /// The seeded world to serve.
    package var world: WorldParameters
    /// Rows per page of `/api/sms-report/` (see ``ReportPages/pageSizes``).
    package var pageSize: Int
    /// The token every API request must send as `Authorization: Token <token>`.
    package var token: String
    /// True when the token's user is staff, so that `/api/metrics/snapshot/` answers.
    package var isStaff: Bool
    /// Added to every response.
    package var latency: Duration
    /// The faults injected into API requests.
    package var faults: FaultPlan
    /// When new messages arrive while the pages are read.
    package var shift: PageShiftPlan
    /// What the gateway says that a well-behaved one would not.
    package var oddities: OddityPlan
    /// The report rows the gateway has lost, which its metrics still count.
    package var rowLoss: RowLossPlan
    /// The path the API is served under (`--base-path`), such as `/gateway`; empty for
    /// the root. `next` links carry it, as a gateway behind a path-routing proxy writes
    /// them. The test endpoints stay at the root.
    package var basePath: String
    /// True to log one line per request to stderr.
    package var verbose: Bool

    /// The scheme and host that `next` and `previous` links name, whatever address the
    /// simulator listens on, as the real API does.
    package static let publicBaseURL = SnapshotWriter.baseURL

    /// A configuration serving `world`; every other setting has the simulator's default.
    package init(world: WorldParameters, host: String = "127.0.0.1", port: Int = 0, pageSize: Int = 50,
                token: String = SimulatorToken.defaultToken, isStaff: Bool = false, latency: Duration = .zero,
                faults: FaultPlan = .none, shift: PageShiftPlan = .none, oddities: OddityPlan = .none,
                rowLoss: RowLossPlan = .none, basePath: String = "", verbose: Bool = false) {
        self.host = host
        self.port = port
        self.world = world
        self.pageSize = pageSize
        self.token = token
        self.isStaff = isStaff
        self.latency = latency
        self.faults = faults
        self.shift = shift
        self.oddities = oddities
        self.rowLoss = rowLoss
        self.basePath = basePath
        self.verbose = verbose
    }

    /// Refuses a port outside `0...65535`, an empty host or token, a negative latency
    /// a page size outside ``ReportPages/pageSizes``, and a base path that is not
    /// `/` followed by segments of `A-Z a-z 0-9 . _ -` (with no trailing `/`).
    package func check() throws(SimulatorOptionError) {
        guard (0...65_535).contains(port) else {
            throw SimulatorOptionError("--port must be between 0 and 65535, not \(port)")
        }
        guard !host.isEmpty else {
            throw SimulatorOptionError("--host must not be empty")
        }
        guard ReportPages.pageSizes.contains(pageSize) else {
            throw SimulatorOptionError("--page-size must be between 1 and 10000, not \(pageSize)")
        }
        guard !token.isEmpty, !token.contains(where: \.isWhitespace) else {
            throw SimulatorOptionError("the token must be non-empty and hold no spaces")
        }
        guard latency >= .zero else {
            throw SimulatorOptionError("--latency-ms must be 0 or more")
        }
        guard basePath.isEmpty || (try? /(\/[A-Za-z0-9._-]+)+/.wholeMatch(in: basePath)) != nil else {
            throw SimulatorOptionError("--base-path must look like /gateway (segments of A-Z a-z 0-9 . _ -), not \(basePath)")
        }
    }
}
