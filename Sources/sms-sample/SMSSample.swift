import ArgumentParser
import Foundation
import SMSWorld

/// `sms-sample`: writes a seeded synthetic snapshot folder, for samples and benchmarks.
@main
struct SMSSample: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms-sample",
        abstract: "Write a synthetic snapshot folder of SMS delivery reports.",
        discussion: """
            The folder has the layout that `sms-report fetch` writes, filled from a seeded \
            world: the same options always give the same bytes. Without --clean the world \
            holds odd rows (odd phones and timestamps, unknown statuses, a page shift, a \
            status conflict, a missing batch report…) for the reports to cope with. \
            --degrade NCELL:2025-11-04:0.6 makes NCELL deliver about 60% from that day on, \
            for delivery-rate alerts; --steady-rates keeps the other days' rates steady.

            Example: sms-sample --out sample --deliveries 1000000 --days 30 --truth truth.csv
            """
    )

    @Option(help: ArgumentHelp("The snapshot folder to write; it must not exist unless --force.", valueName: "DIR"))
    var out: String

    @OptionGroup var world: WorldOptions

    @Option(help: ArgumentHelp("Also write the ground truth CSV, one line per delivery.", valueName: "FILE"))
    var truth: String?

    @Flag(help: "Replace DIR when it exists.")
    var force = false

    /// Worlds at least this big show progress on a terminal.
    private static let progressThreshold = 100_000

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as SampleFailure {
            failure.report()
        } catch {
            if exitCode(for: error) == .success {
                Self.exit(withError: error)
            }
            SampleFailure(usage: message(for: error)).report()
        }
    }

    mutating func run() throws {
        let parameters = try makeParameters()
        let outURL = URL(fileURLWithPath: out).standardizedFileURL
        if FileManager.default.fileExists(atPath: outURL.path), !force {
            throw SampleFailure(usage: "\(outURL.path) exists; use --force to replace it")
        }
        let parent = outURL.deletingLastPathComponent()
        var parentIsFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: parent.path, isDirectory: &parentIsFolder), !parentIsFolder.boolValue {
            throw SampleFailure(usage: "\(parent.path) is not a folder")
        }
        let clock = ContinuousClock()
        let started = clock.now
        let progress = ProgressLine(enabled: world.deliveries >= Self.progressThreshold && isatty(STDERR_FILENO) != 0)

        progress.show("generating \(world.deliveries) deliveries")
        let world = World(parameters: parameters)
        let writer: SnapshotWriter
        do {
            writer = try SnapshotWriter(world: world, pageSize: self.world.pageSize)
        } catch {
            throw SampleFailure(usage: error.description)
        }
        let summary = try FolderPlacement.write(to: outURL, replacing: force) { folder in
            try writer.write(to: folder) { progress.show($0) }
        }
        if let truth {
            progress.show("writing the ground truth")
            try writeTruth(world, to: URL(fileURLWithPath: truth).standardizedFileURL)
        }
        progress.clear()

        let elapsed = (clock.now - started).components
        let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
        let tenths = milliseconds / 100
        print("sms-sample: wrote \(outURL.path): \(world.deliveryCount) deliveries in \(world.messages.count) messages, "
              + "\(world.batches.count) batches, \(summary.pages) pages of \(self.world.pageSize), \(summary.files) files, "
              + "\(summary.bytes) bytes, \(self.world.clean ? "clean" : "with quirks"), seed \(self.world.seed), "
              + "\(tenths / 10).\(tenths % 10) s")
    }

    private func makeParameters() throws -> WorldParameters {
        do {
            return try world.parameters()
        } catch {
            throw SampleFailure(usage: error.description)
        }
    }

    private func writeTruth(_ world: World, to url: URL) throws {
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        do {
            try TruthWriter.write(world, to: partial)
            if FileManager.default.fileExists(atPath: url.path) {
                try FileManager.default.removeItem(at: url)
            }
            try FileManager.default.moveItem(at: partial, to: url)
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw SampleFailure(failure: "cannot write \(url.path)", cause: error)
        }
    }
}
