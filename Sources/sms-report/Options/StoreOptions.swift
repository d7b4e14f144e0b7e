import ArgumentParser
import Foundation
import Logging
import SMSConfig
import SMSCore
import SMSStore

/// `--store` and `--store-password-env`, shared by `report`, `billing`, `run`,
/// `history` and `store` (contract §1).
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The history store: a SQLite file, or postgres://USER@HOST:PORT/DATABASE whose password is in the environment.",
                               valueName: "store"))
    var store: String?

    @Option(help: ArgumentHelp("The environment variable that holds a PostgreSQL store's password (default: SMS_REPORT_STORE_PASSWORD, or the config's store_password_env).",
                               valueName: "name"))
    var storePasswordEnv: String?

    /// True when `--store` was given.
    var isGiven: Bool { store != nil }

    /// Opens the store that `--store` names, else the config's when `config` is given;
    /// nil when neither names one. Migrations run as it opens.
    func open(config: RunConfig? = nil) async throws -> (any HistoryStore)? {
        let variable = try passwordVariable(config: config)
        guard let location = try location(config: config) else { return nil }
        return try await StoreOpener.open(location, passwordVariable: variable, logger: Logger(label: "sms-report.store"),
                                          tool: "sms-report \(SMSReportCommand.configuration.version)")
    }

    /// Where the store is: `--store`, else the config's when `config` is given; nil
    /// when neither names one.
    func location(config: RunConfig? = nil) throws(StoreError) -> StoreLocation? {
        if let store {
            return try StoreLocation.parse(store, relativeTo: FileManager.default.currentDirectoryPath)
        }
        guard let config else { return nil }
        return try StoreLocation.parse(config.store, relativeTo: config.folder)
    }

    /// The password variable: `--store-password-env`, else the config's, else the default.
    private func passwordVariable(config: RunConfig?) throws(ReportError) -> String {
        guard let storePasswordEnv else {
            return config?.storePasswordVariable ?? StoreLocation.defaultPasswordVariable
        }
        try CommandLineValues.checkEnvironmentVariableName(storePasswordEnv, option: "--store-password-env")
        return storePasswordEnv
    }
}

/// Runs `body` with `store`, then closes the store whether `body` threw or not.
func closing<Value>(_ store: any HistoryStore, _ body: (any HistoryStore) async throws -> Value) async throws -> Value {
    let value: Value
    do {
        value = try await body(store)
    } catch {
        await store.close()
        throw error
    }
    await store.close()
    return value
}
