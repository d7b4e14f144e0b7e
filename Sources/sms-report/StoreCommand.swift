import ArgumentParser
import Foundation
import SMSConfig
import SMSCore
import SMSStore
import SMSSupport

/// `sms-report store`: looks after the history store (contract §9).
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Look after the history store: migrate, check or prune it.",
        discussion: """
            The store is --store STORE (a SQLite file, or postgres://USER@HOST:PORT/DATABASE with \
            the password in SMS_REPORT_STORE_PASSWORD), or the store of --config FILE \
            (default <output_dir>/history.sqlite).

            Examples:
              sms-report store migrate --store reports/history.sqlite
              sms-report store check --config config.yaml
              sms-report store prune --before 2025-01-01 --config config.yaml
            """,
        subcommands: [Migrate.self, Check.self, Prune.self]
    )

    /// `--store`/`--config`, shared by the subcommands.
    struct Location: ParsableArguments {
        @OptionGroup var store: StoreOptions

        @Option(help: ArgumentHelp("The YAML config whose store (key `store`) to use.", valueName: "file"))
        var config: String?

        /// Opens the store (running its migrations); exit 2 when neither option names one.
        func open() async throws -> any HistoryStore {
            let settings = try config.map { try RunConfig.load(path: $0, requirements: .none) }
            guard let opened = try await store.open(config: settings) else {
                throw ReportError.invalidOption(option: "--store", reason: "name the store: --store STORE or --config FILE")
            }
            return opened
        }

        /// The store as the user named it, for messages.
        var name: String { store.store ?? config.map { "the store of \($0)" } ?? "the store" }
    }

    /// `store migrate`: brings the store's schema to this version.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the store or bring its schema up to this version (every command also does this as it opens a store).")

        @OptionGroup var location: Location

        func run() async throws {
            let version = try await closing(try await location.open()) { try await $0.schemaVersion }
            print("\(location.name) is at schema version \(version)")
        }
    }

    /// `store check`: verifies the schema and every day's totals against its rollups.
    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Verify the schema and every stored day's totals against its rollups; exit 1 on any mismatch.")

        @OptionGroup var location: Location

        func run() async throws {
            let report = try await closing(try await location.open()) { try await $0.check() }
            for problem in report.problems {
                FileHandle.standardError.write(Data("problem: \(problem)\n".utf8))
            }
            print("\(location.name): schema version \(report.schemaVersion), \(report.daysChecked) days checked, "
                  + "\(report.problems.count) problems")
            if !report.problems.isEmpty {
                throw ExitCode(ExitStatus.unexpectedError)
            }
        }
    }

    /// `store prune`: deletes rollups before a day, keeping the days' totals, runs and alerts.
    struct Prune: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the rollups of days before DAY (the days' totals, runs and alerts stay).")

        @OptionGroup var location: Location

        @Option(help: ArgumentHelp("The first day whose rollups are kept, YYYY-MM-DD.", valueName: "day"))
        var before: String

        @Option(help: ArgumentHelp("Only this account (default: every account in the store).", valueName: "name"))
        var account: String?

        func run() async throws {
            let day = try PeriodArguments.day(before, option: "--before")
            let account = try account.map { try CommandLineValues.accountName($0) }
            let summary = try await closing(try await location.open()) { try await $0.prune(account: account, before: day) }
            print("pruned the rollups of \(summary.days) days before \(day) (\(summary.rollupRows) rows) "
                  + "of \(account ?? "every account"); their totals, runs and alerts are kept")
        }
    }
}
