import Foundation
@testable import SMSConfig

/// Writes config texts into a temporary folder and loads them.
struct ConfigFixture {
    let folder: TemporaryFolder
    /// The environment the configs are checked against.
    var environment: [String: String] = ["ACME_TOKEN": "acme-secret-token", "SMTP_PASSWORD": "smtp-secret-password"]

    init() throws {
        folder = try TemporaryFolder()
    }

    /// Writes `text` as `name` and returns its path.
    func write(_ text: String, as name: String = "config.yaml") throws -> String {
        try folder.write(text, to: name)
        return folder.path + "/" + name
    }

    /// Loads `text` as a config.
    func load(_ text: String, accounts: [String] = [], requirements: ConfigRequirements = .run) throws -> RunConfig {
        try RunConfig.load(path: write(text), environment: environment, accounts: accounts, requirements: requirements)
    }

    /// The error that loading `text` throws, or nil when it loads.
    func error(_ text: String, accounts: [String] = [], requirements: ConfigRequirements = .run) throws -> ConfigError? {
        let path = try write(text)
        do {
            _ = try RunConfig.load(path: path, environment: environment, accounts: accounts, requirements: requirements)
            return nil
        } catch {
            return error
        }
    }

    /// A small valid config, one account with email, for tests that change one part of it.
    static let minimal = """
        accounts:
          - name: acme
            base_url: https://dicesms.asia
            token_env: ACME_TOKEN
        """
}
