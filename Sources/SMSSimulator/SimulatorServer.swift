import Foundation
import Hummingbird
import Logging
import SMSWorld

/// The simulator: a seeded world served over HTTP/1.1 by Hummingbird, as the gateway's
/// API would serve it, with the faults of its ``FaultPlan``.
package struct SimulatorServer: Sendable {
    /// What the server was made from.
    package let configuration: SimulatorConfiguration
    private let state: SimulatorState

    /// Makes the world and the server's state; refuses a configuration that
    /// ``SimulatorConfiguration/check()`` refuses.
    package init(configuration: SimulatorConfiguration) throws(SimulatorOptionError) {
        try configuration.check()
        let world: ShiftingWorld
        do {
            world = try ShiftingWorld(world: configuration.oddities.apply(to: World(parameters: configuration.world)),
                                      pageSize: configuration.pageSize,
                                      linkBase: SimulatorConfiguration.publicBaseURL + configuration.basePath,
                                      rowLoss: configuration.rowLoss)
        } catch {
            throw SimulatorOptionError(error.description)
        }
        self.configuration = configuration
        state = SimulatorState(world: world, faults: configuration.faults, shift: configuration.shift,
                               seed: configuration.world.seed)
    }

    /// The ground truth CSV of the world as it stands (``TruthWriter``), arrivals
    /// included: what a report of the served rows must conclude, so lost rows are left out.
    package var truth: [UInt8] {
        TruthWriter.render(state.world.served)
    }

    /// The counters as they stand.
    package var stats: RequestStats {
        state.stats
    }

    /// Writes the world's ground truth CSV (lost rows left out) to `url`.
    package func writeTruth(to url: URL) throws {
        try TruthWriter.write(state.world.served, to: url)
    }

    /// The Hummingbird application, bound to the configured host and port. It logs to
    /// `logger` and calls `onListening` with the bound port once it accepts connections.
    package func makeApplication(logger: Logger,
                                onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let router = Router()
        if configuration.verbose {
            router.add(middleware: RequestLogMiddleware(logger: logger))
        }
        if configuration.latency > .zero {
            router.add(middleware: LatencyMiddleware(latency: configuration.latency))
        }
        SimulatedAPI(state: state, token: configuration.token, isStaff: configuration.isStaff,
                     oddities: configuration.oddities, basePath: configuration.basePath).addRoutes(to: router)
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { channel in
                // safe: a listening TCP channel always has a local address with a port.
                await onListening(channel.localAddress?.port ?? configuration.port)
            },
            logger: logger
        )
    }

    /// The logger the simulator uses: stderr, warnings only, or one line per request
    /// when ``SimulatorConfiguration/verbose``.
    package var logger: Logger {
        var logger = Logger(label: "sms-api-sim", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = configuration.verbose ? .info : .warning
        return logger
    }

    /// Runs until SIGINT or SIGTERM, then stops cleanly. Once the server accepts
    /// connections, writes ``listeningLine(port:)`` to stdout.
    package func run() async throws {
        let host = configuration.host
        let app = makeApplication(logger: logger) { port in
            FileHandle.standardOutput.write(Data((Self.listeningLine(host: host, port: port) + "\n").utf8))
        }
        try await app.runService()
    }

    /// `listening on http://HOST:PORT`, with an IPv6 host in brackets.
    package static func listeningLine(host: String, port: Int) -> String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "listening on http://\(shownHost):\(port)"
    }
}
