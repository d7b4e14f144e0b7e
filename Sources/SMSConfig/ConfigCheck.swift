import SMSSupport
/// What `run --config FILE --check` found: every problem, or a summary of the valid
/// config to print. The summary names the environment variables and whether they are
/// set, never their values.
package struct ConfigCheck: Sendable {
    /// The config file as the user named it.
    package let file: String
    /// Every problem, in file order; empty when the config is valid.
    package let errors: [ConfigError]
    /// The config, when it is valid.
    package let config: RunConfig?
    /// What the check required of the environment.
    package let requirements: ConfigRequirements

    /// 0 when valid, else 2 (contract §1).
    package var exitStatus: ExitStatus { errors.isEmpty ? .success : .usageError }

    /// The lines to print: one per problem, or a summary of the valid config, e.g.
    ///
    /// ```
    /// config.yaml: valid
    /// timezone Asia/Kathmandu, output /srv/reports, formats xlsx, csv
    /// 2 accounts, 2 at a time; concurrency 4, recheck 48 h, keep 14 snapshots
    /// account acme: https://dicesms.asia, rate card standard, email to ops@acme.example
    /// smtp: smtp.example.com:587 starttls, AUTH as reports@example.com, from SMS Reports <reports@example.com>
    /// environment: ACME_SMS_TOKEN set, SMTP_PASSWORD set
    /// ```
    package var lines: [String] {
        guard let config, errors.isEmpty else {
            return errors.map(\.description)
        }
        var lines = ["\(file): valid"]
        lines.append("timezone \(config.timeZone.identifier), output \(config.outputFolder), formats \(config.formats.map(\.rawValue).joined(separator: ", "))")
        let selected = config.accounts.count == config.allAccountNames.count
            ? "\(config.accounts.count) account\(config.accounts.count == 1 ? "" : "s")"
            : "\(config.accounts.count) of \(config.allAccountNames.count) accounts"
        lines.append("\(selected), \(config.parallelAccounts) at a time; concurrency \(config.concurrency), recheck \(config.recheckHours) h, keep \(config.keepSnapshots) snapshots")
        for account in config.accounts {
            let card = account.rateCard.map { "rate card \($0.name)" } ?? "no rate card"
            let email = account.emailTo.isEmpty ? "no email" : "email to \(account.emailTo.joined(separator: ", "))"
            lines.append("account \(account.name): \(account.baseURL), \(card), \(email)")
        }
        if let smtp = config.smtp {
            let auth = smtp.username.map { "AUTH as \($0)" } ?? "no AUTH"
            let verify = smtp.verifiesCertificates ? "" : ", certificates NOT checked (tls_verify: false)"
            lines.append("smtp: \(smtp.host):\(smtp.port) \(smtp.security.rawValue), \(auth), from \(smtp.from)\(verify)")
        } else {
            lines.append("smtp: none")
        }
        let variables = environmentVariables(of: config)
        if !variables.isEmpty {
            lines.append("environment: " + variables.map { "\($0) set" }.joined(separator: ", "))
        }
        return lines
    }

    /// The variables that the check required and found set, in file order.
    private func environmentVariables(of config: RunConfig) -> [String] {
        var names: [String] = []
        if requirements.contains(.apiTokens) {
            names += config.accounts.map(\.tokenVariable)
        }
        if requirements.contains(.email), let variable = config.smtp?.passwordVariable {
            names.append(variable)
        }
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
