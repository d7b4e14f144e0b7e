import ArgumentParser
import Foundation
import SMSSimulator
import SMSWorld

/// `sms-api-sim`: serves a seeded world as the SMS gateway's API, on loopback.
@main
struct SMSAPISim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms-api-sim",
        abstract: "Serve a seeded synthetic world as the SMS gateway's delivery-report API.",
        discussion: """
            Serves GET /api/batch-ids, /api/sms-report/?page=N, /api/sms-report/{batch_id}/ and \
            /api/metrics/snapshot/ from a seeded world (the same options always serve the same \
            rows). Every API request needs `Authorization: Token <token>`. Once ready it prints \
            exactly one line to stdout, `listening on http://HOST:PORT`; logs go to stderr. It \
            stops on SIGINT or SIGTERM.

            Faults are decided per authorised API request from its sequence number and --seed, \
            so the same run of requests meets the same faults.

            Test endpoints (no token): GET /__sim/truth (the ground-truth CSV, arrivals \
            included), GET /__sim/stats (request counters as JSON), POST /__sim/reset-stats.

            Hostile-gateway modes: --trickle-ms (slow bodies), --count (an absurd count), \
            --odd-batch-ids, --control-characters, --batch-ids-undocumented-404, --base-path, \
            --lose-rows (rows missing from the reports while the metrics count them).

            A world option for alert demos: --degrade NCELL:2025-11-04:0.6 delivers about 60% of \
            NCELL's deliveries from that day on.

            Example: sms-api-sim --deliveries 5000 --days 30 --fail-rate 0.05 --rate-limit-every 20 --truth truth.csv
            """
    )

    @Option(help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(help: "The port to bind; 0 for any free port.")
    var port = 0

    @OptionGroup var world: WorldOptions

    @Flag(help: "Answer /api/metrics/snapshot/ (the token's user is staff); 403 otherwise.")
    var staff = false

    @Option(help: ArgumentHelp("The token to accept (default: from --token-env, else sim-token).", valueName: "T"))
    var token: String?

    @Option(help: ArgumentHelp("The environment variable holding the token.", valueName: "NAME"))
    var tokenEnv = SimulatorToken.defaultEnvironmentVariable

    @Option(help: ArgumentHelp("Milliseconds added to every response.", valueName: "MS"))
    var latencyMs = 0

    @Option(help: ArgumentHelp("The fraction of API requests answered 500.", valueName: "F"))
    var failRate = 0.0

    @Option(help: ArgumentHelp("Every K-th API request is answered 429; 0 never.", valueName: "K"))
    var rateLimitEvery = 0

    @Option(help: ArgumentHelp("The Retry-After of a 429, in seconds.", valueName: "S"))
    var retryAfter = 1

    @Option(help: ArgumentHelp("The fraction of API requests whose connection is closed mid-body.", valueName: "F"))
    var dropConnectionRate = 0.0

    @Option(help: ArgumentHelp("After every K-th page request, --shift-size new messages arrive; 0 never.", valueName: "K"))
    var shiftPages = 0

    @Option(help: ArgumentHelp("Messages that arrive at each shift.", valueName: "M"))
    var shiftSize = 3

    @Option(help: ArgumentHelp("Any API request whose path and query (as sent) contain this always gets 500; repeatable.",
                               valueName: "SUBSTRING"))
    var failPath: [String] = []

    @Option(help: ArgumentHelp("Send the body of matching API responses one byte every MS milliseconds; 0 never.",
                               valueName: "MS"))
    var trickleMs = 0

    @Option(help: ArgumentHelp("With --trickle-ms, trickle only responses whose path and query (as sent) contain this; "
                               + "repeatable (default: every API response).", valueName: "SUBSTRING"))
    var tricklePath: [String] = []

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Write this JSON number as every page's count (e.g. 1000000000000000000 or -5).",
                               valueName: "NUMBER"))
    var count: String?

    @Flag(name: .customLong("batch-ids-undocumented-404"),
          help: "Answer /api/batch-ids with 404 and Django's default body {\"detail\":\"Not found.\"}.")
    var batchIDsUndocumented404 = false

    @Flag(help: "Rename the first batches to .., ., .hidden and a 120-character Devanagari id.")
    var oddBatchIds = false

    @Flag(help: "Put control characters (U+0001, U+000B, U+001F) in some texts and names, and in every error body.")
    var controlCharacters = false

    @Option(help: ArgumentHelp("The fraction of messages lost from every report endpoint (0-1), "
                               + "while the metrics still count them.", valueName: "F"))
    var loseRows = 0.0

    @Option(help: ArgumentHelp("Serve the API under this path (e.g. /gateway); next links carry it.", valueName: "PATH"))
    var basePath = ""

    @Option(help: ArgumentHelp("Write the world's ground-truth CSV here at startup.", valueName: "FILE"))
    var truth: String?

    @Flag(help: "Log one line per request to stderr.")
    var verbose = false

    func run() async throws {
        let server = try makeServer()
        if let truth {
            try server.writeTruth(to: URL(fileURLWithPath: truth))
        }
        try await server.run()
    }

    /// The server the options describe; a bad option is a usage error.
    private func makeServer() throws -> SimulatorServer {
        do {
            let parameters = try world.parameters()
            let faults = try FaultPlan(failRate: failRate, dropRate: dropConnectionRate, rateLimitEvery: rateLimitEvery,
                                       retryAfterSeconds: retryAfter, failPaths: failPath,
                                       trickleInterval: .milliseconds(trickleMs), tricklePaths: tricklePath, seed: world.seed)
            let oddities = try OddityPlan(countLiteral: count, undocumentedBatchIDsNotFound: batchIDsUndocumented404,
                                          oddBatchIDs: oddBatchIds, controlCharacters: controlCharacters)
            let token = SimulatorToken.resolve(explicit: token, variable: tokenEnv,
                                               environment: ProcessInfo.processInfo.environment)
            let shift = try PageShiftPlan(everyPages: shiftPages, size: shiftSize)
            let rowLoss = try RowLossPlan(fraction: loseRows, seed: world.seed)
            return try SimulatorServer(configuration: SimulatorConfiguration(
                world: parameters, host: host, port: port, pageSize: world.pageSize, token: token, isStaff: staff,
                latency: .milliseconds(latencyMs), faults: faults, shift: shift, oddities: oddities, rowLoss: rowLoss, basePath: basePath,
                verbose: verbose))
        } catch let invalid as WorldOptions.Invalid {
            throw ValidationError(invalid.description)
        } catch let invalid as SimulatorOptionError {
            throw ValidationError(invalid.description)
        }
    }
}
