import ArgumentParser
import Foundation
import GatewayAPI
import Logging
import SMSConfig
import SMSCore
import SMSFetch
import SMSSupport
import SnapshotFormat

/// `sms-report fetch`: downloads the API's reports into a snapshot folder.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download the gateway's reports into a snapshot folder.",
        discussion: """
            The token comes from the environment variable SMS_REPORT_TOKEN, or from the one \
            named by --token-env; it never appears on the command line, in output or in files.

            Example:
              export SMS_REPORT_TOKEN=…
              sms-report fetch --base-url https://dicesms.asia --out snapshots/2025-11-05 --since 2025-11-04

            Exits 3 when some requests still failed after their retries, or the fetch ran past \
            --timeout (the snapshot is written, marked incomplete), 5 when the API refuses the token.
            """
    )

    @Option(help: ArgumentHelp("The API's base URL; the token is sent to this host only.", valueName: "url"))
    var baseURL: String

    @Option(help: ArgumentHelp("The snapshot folder to create (must not exist).", valueName: "folder"))
    var out: String

    @Option(help: ArgumentHelp("Fetch rows and batches from this local day on (YYYY-MM-DD), less --recheck-hours.", valueName: "day"))
    var since: String?

    @Option(help: ArgumentHelp("Fetch batch reports up to this local day (YYYY-MM-DD, inclusive).", valueName: "day"))
    var until: String?

    @Option(help: ArgumentHelp("Hours before --since fetched again for late status updates (0–8784).", valueName: "hours"))
    var recheckHours = 48

    @Option(help: ArgumentHelp("IANA timezone of --since and --until.", valueName: "tz"))
    var timezone = "Asia/Kathmandu"

    @Option(help: ArgumentHelp("Requests in flight at most (1–1024).", valueName: "n"))
    var concurrency = 4

    @OptionGroup var retry: APIRetryOptions

    @Option(help: ArgumentHelp("Time limit of one request, body included, in seconds (1–86400); a request past it is retried.", valueName: "s"))
    var requestTimeout = 30

    @Option(help: ArgumentHelp("Time limit of the whole fetch, in seconds (1–604800); past it the snapshot is written incomplete (exit 3).", valueName: "s"))
    var timeout = 3600

    @Option(help: ArgumentHelp("The environment variable that holds the token.", valueName: "name"))
    var tokenEnv = "SMS_REPORT_TOKEN"

    @Flag(help: "Allow a plain http:// --base-url to a host that is not loopback (the token then travels in clear text).")
    var allowInsecure = false

    @OptionGroup var output: QuietOption

    @Flag(name: .shortAndLong, help: "Log every request (path, status, attempt, duration) to standard error.")
    var verbose = false

    func run() async throws {
        let request = try makeRequest()
        let logger = makeLogger()
        let progress = output.progress
        let outcome = try await SnapshotFetcher(request: request, logger: logger).run(progress: progress)
        let manifest = outcome.manifest
        if !output.quiet {
            let pages = (manifest.requests ?? []).filter { $0.file?.hasPrefix(SnapshotLayout.pagesFolder + "/") == true }.count
            print("fetched \(pages) pages and \(manifest.batches.count) batch reports into \(outcome.snapshotFolder) "
                  + "(\(outcome.attempts) requests)" + (outcome.isComplete ? "" : ", INCOMPLETE"))
        }
        if !outcome.isComplete {
            throw CommandLineValues.endIncomplete(reasons: manifest.reasons, what: "snapshot")
        }
    }

    private func makeRequest() throws -> FetchRequest {
        guard let baseURL = APIBaseURL(baseURL) else {
            // A URL with `@` may hold a user and password: it is not repeated.
            let quoted = baseURL.contains("@") ? "the URL (not repeated: it may hold a password)" : "\"\(baseURL)\""
            throw FetchError.invalidOption(option: "--base-url", reason: "\(quoted) is not an http(s) URL with a host and without a user or password")
        }
        guard baseURL.protectsToken || allowInsecure else {
            throw FetchError.invalidOption(option: "--base-url", reason: "\(baseURL) would send the token in clear text: use https:// (plain http only to a loopback host), or add --allow-insecure")
        }
        if allowInsecure && !baseURL.protectsToken {
            FileHandle.standardError.write(Data("warning: --allow-insecure: the token goes in clear text to \(baseURL)\n".utf8))
        }
        guard let secret = ProcessInfo.processInfo.environment[tokenEnv], !secret.isEmpty else {
            throw FetchError.missingToken(variable: tokenEnv)
        }
        let timeZone = try CommandLineValues.timeZone(timezone)
        let request = FetchRequest(
            baseURL: baseURL, token: APIToken(secret), outputFolder: out,
            since: try since.map { try PeriodArguments.day($0, option: "--since") },
            until: try until.map { try PeriodArguments.day($0, option: "--until") },
            recheckHours: recheckHours, timeZone: timeZone, concurrency: concurrency,
            retryPolicy: try retry.policy(),
            requestTimeout: .seconds(requestTimeout), totalTimeout: .seconds(timeout),
            tool: "sms-report \(SMSReportCommand.configuration.version)")
        try request.check()
        return request
    }

    private func makeLogger() -> Logger {
        var logger = Logger(label: "sms-report.fetch") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = verbose ? .debug : .warning
        return logger
    }
}
