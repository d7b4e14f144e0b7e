import Foundation
import GatewayAPI
import MailCore
import SMSAggregate
import SMSBilling
import SMSCore
import SMSIngest
import SMSRender

/// Walks a config document into a ``RunConfig``, collecting every problem on the way.
package struct RunConfigDecoder {
    /// The keys the config's top level may have.
    package static let topLevelKeys = ["timezone", "output_dir", "formats", "keep_snapshots", "concurrency", "parallel_accounts",
                               "recheck_hours", "rate_cards", "accounts", "smtp", "status_map", "operator_prefixes",
                               "account_timeout_minutes", "store", "store_password_env", "alerts", "csv_bom"]
    /// The keys an entry of `accounts` may have.
    package static let accountKeys = ["name", "base_url", "token_env", "rate_card", "email_to", "allow_insecure"]
    /// The keys `alerts` may have.
    package static let alertKeys = ["baseline_days", "min_baseline_days", "min_deliveries", "min_drop_points", "z",
                                    "latency_factor"]
    /// The keys `smtp` may have.
    package static let smtpKeys = ["host", "port", "security", "username", "password_env", "from", "max_attachments_mb",
                           "tls_verify", "ca_file", "allow_insecure"]

    /// The largest `keep_snapshots`, `recheck_hours` and `account_timeout_minutes`:
    /// far past any real need, and small enough that no arithmetic on them overflows.
    package static let maximumKeptSnapshots = 100_000
    package static let maximumRecheckHours = 8_784
    package static let maximumAccountTimeoutMinutes = 10_080.0
    /// The smallest `account_timeout_minutes` (a fraction such as 0.05 is allowed, for tests).
    package static let minimumAccountTimeoutMinutes = 0.001

    /// The composed file.
    package let document: ConfigDocument
    /// Where secrets are looked up.
    package let environment: [String: String]
    /// The accounts asked for (`--account`); empty for all.
    package let selection: [String]
    /// Which secrets must be present.
    package let requirements: ConfigRequirements
    /// Collects the problems.
    package let reader: ConfigReader
    /// The absolute folder of the config file.
    package let folder: String

    /// A decoder of `document` for the given environment, selection and requirements.
    package init(document: ConfigDocument, environment: [String: String], selection: [String], requirements: ConfigRequirements) {
        self.document = document
        self.environment = environment
        self.selection = selection
        self.requirements = requirements
        self.reader = ConfigReader(file: document.file)
        self.folder = URL(fileURLWithPath: document.file).standardizedFileURL.deletingLastPathComponent().path
    }

    /// The config, or nil when the file has problems; either way ``ConfigReader/errors``
    /// holds every problem found. Each part that has a problem records it and falls back
    /// to its default, so the walk goes on and finds the others; a config is made only
    /// when no problem was recorded.
    package func decode() -> RunConfig? {
        guard let rootNode = document.root else {
            reader.report(.invalidValue("the file is empty; a config needs at least `accounts`"), at: .root, line: nil)
            return nil
        }
        guard let root = reader.mapping(ConfigNode(node: rootNode, path: .root), allowed: Self.topLevelKeys, required: ["accounts"]) else {
            return nil
        }
        let defaults = RunConfig.Defaults.self
        let timeZone = root.optional("timezone").flatMap(self.timeZone) ?? defaults.timeZone
        let outputDirectory = root.optional("output_dir").flatMap(reader.nonEmptyString) ?? defaults.outputDirectory
        let formats = root.optional("formats").flatMap(self.formats) ?? defaults.formats
        let keepSnapshots = root.optional("keep_snapshots").flatMap { reader.integer($0, in: 1...Self.maximumKeptSnapshots) }
            ?? defaults.keepSnapshots
        let concurrency = root.optional("concurrency").flatMap { reader.integer($0, in: 1...1024) } ?? defaults.concurrency
        let parallelAccounts = root.optional("parallel_accounts").flatMap { reader.integer($0, in: 1...1024) } ?? defaults.parallelAccounts
        let recheckHours = root.optional("recheck_hours").flatMap { reader.integer($0, in: 0...Self.maximumRecheckHours) }
            ?? defaults.recheckHours
        let timeoutMinutes = root.optional("account_timeout_minutes").flatMap {
            reader.number($0, in: Self.minimumAccountTimeoutMinutes...Self.maximumAccountTimeoutMinutes)
        } ?? Double(defaults.accountTimeoutMinutes)
        let store = root.optional("store").flatMap(self.store)
        let storePasswordVariable = root.optional("store_password_env").flatMap(environmentVariableName)
            ?? defaults.storePasswordVariable
        let alertThresholds = root.optional("alerts").flatMap(self.alertThresholds) ?? .standard
        let csvByteOrderMark = root.optional("csv_bom").flatMap(self.csvByteOrderMark) ?? defaults.csvByteOrderMark
        let rateCards = root.optional("rate_cards").map(self.rateCards) ?? (cards: [:], names: [])
        let statusMap = root.optional("status_map").flatMap(self.statusMap) ?? .standard
        let operators = root.optional("operator_prefixes").flatMap(self.operatorTable) ?? .standard
        let smtp = root.optional("smtp").flatMap(self.smtp)
        let smtpGiven = root.optional("smtp") != nil
        let accounts = root.optional("accounts").map { self.accounts($0, rateCards: rateCards, smtpGiven: smtpGiven) }
            ?? (selected: [], allNames: [])
        guard reader.errors.isEmpty else { return nil }
        return RunConfig(file: document.file, folder: folder, timeZone: timeZone, outputFolder: resolvePath(outputDirectory),
                         formats: formats, keepSnapshots: keepSnapshots, concurrency: concurrency,
                         parallelAccounts: parallelAccounts, recheckHours: recheckHours, rateCards: rateCards.cards,
                         accounts: accounts.selected, allAccountNames: accounts.allNames, smtp: smtp,
                         statusMap: statusMap, operators: operators,
                         accountTimeout: .milliseconds(Int64((timeoutMinutes * 60_000).rounded())),
                         store: store, storePasswordVariable: storePasswordVariable, alertThresholds: alertThresholds,
                         csvByteOrderMark: csvByteOrderMark)
    }

    // MARK: - Top-level settings

    private func timeZone(_ node: ConfigNode) -> ReportTimeZone? {
        guard let name = reader.nonEmptyString(node) else { return nil }
        guard let zone = ReportTimeZone(identifier: name) else {
            reader.report(.invalidValue("unknown IANA timezone \(name.debugDescription) (e.g. Asia/Kathmandu)"), about: node)
            return nil
        }
        return zone
    }

    /// `alerts`: each threshold range-checked, defaults for the ones not given, and
    /// `min_baseline_days` no more than `baseline_days` (its default shrinks to fit).
    private func alertThresholds(_ node: ConfigNode) -> AlertThresholds? {
        guard let block = reader.mapping(node, allowed: Self.alertKeys) else { return nil }
        var thresholds = AlertThresholds.standard
        if let days = block.optional("baseline_days").flatMap({ reader.integer($0, in: 1...366) }) {
            thresholds.baselineDays = days
        }
        let minimumDaysNode = block.optional("min_baseline_days")
        if let node = minimumDaysNode, let days = reader.integer(node, in: 1...366) {
            thresholds.minBaselineDays = days
        } else if minimumDaysNode == nil {
            // The default minimum never asks for more days than a shorter baseline has.
            thresholds.minBaselineDays = min(thresholds.minBaselineDays, thresholds.baselineDays)
        }
        if let deliveries = block.optional("min_deliveries").flatMap({ reader.integer($0, in: 1...100_000_000) }) {
            thresholds.minDeliveries = deliveries
        }
        if let points = block.optional("min_drop_points").flatMap({ reader.number($0, in: 0...100) }) {
            thresholds.minDropPoints = points
        }
        if let z = block.optional("z").flatMap({ reader.number($0, in: 0...100) }) {
            thresholds.z = z
        }
        if let factor = block.optional("latency_factor").flatMap({ reader.number($0, in: 1...1_000_000) }) {
            thresholds.latencyFactor = factor
        }
        if thresholds.minBaselineDays > thresholds.baselineDays {
            reader.report(.invalidValue("must not be more than baseline_days (\(thresholds.baselineDays)), not \(thresholds.minBaselineDays)"),
                          about: minimumDaysNode ?? node)
            return nil
        }
        return thresholds
    }

    /// `store`: a `postgres://` URL kept as written (its password is refused when the
    /// store is opened, without being repeated), or a SQLite file path resolved from
    /// the config file's folder.
    private func store(_ node: ConfigNode) -> String? {
        guard let text = reader.nonEmptyString(node) else { return nil }
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            return text
        }
        return resolvePath(text)
    }

    /// `path` as an absolute path; a relative one is taken from the config file's folder.
    package func resolvePath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : folder + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    /// `csv_bom`: `email`, `always` or `never` (contract §5).
    private func csvByteOrderMark(_ node: ConfigNode) -> CSVByteOrderMark? {
        guard let text = reader.string(node) else { return nil }
        guard let placement = CSVByteOrderMark(rawValue: text.lowercased()) else {
            let known = CSVByteOrderMark.allCases.map(\.rawValue).joined(separator: ", ")
            reader.report(.invalidValue("\(text.debugDescription) is not one of \(known)"), about: node)
            return nil
        }
        return placement
    }

    private func formats(_ node: ConfigNode) -> [ReportFormat]? {
        guard let items = reader.sequence(node, of: "a list of formats such as [xlsx, csv]") else { return nil }
        var formats: [ReportFormat] = []
        for item in items {
            guard let name = reader.string(item) else { continue }
            guard let format = ReportFormat(rawValue: name.lowercased()), ReportFormat.available.contains(format) else {
                let known = ReportFormat.available.map(\.rawValue).joined(separator: ", ")
                reader.report(.invalidValue("unknown format \(name.debugDescription) (this version writes: \(known))"), about: item)
                continue
            }
            if !formats.contains(format) {
                formats.append(format)
            }
        }
        if items.isEmpty {
            reader.report(.invalidValue("name at least one format"), about: node)
        }
        return formats
    }

    /// The valid cards, and the names of all the cards (valid or not), so that an account
    /// naming a card with a problem is not also told the card does not exist.
    private func rateCards(_ node: ConfigNode) -> (cards: [String: RateCard], names: [String]) {
        guard let mapping = reader.mapping(node) else { return ([:], []) }
        var cards: [String: RateCard] = [:]
        for entry in mapping.entries {
            cards[entry.key] = RateCardDecoder.decode(entry.value, name: entry.key, reader: reader)
        }
        return (cards, mapping.entries.map(\.key))
    }

    /// `status_map`: raw status → canonical status, extending the contract's map, as `report --status-map` does.
    private func statusMap(_ node: ConfigNode) -> StatusMap? {
        guard let mapping = reader.mapping(node) else { return nil }
        var overrides: [String: DeliveryStatus] = [:]
        for entry in mapping.entries {
            guard let name = reader.string(entry.value) else { continue }
            guard let status = RateCard.status(named: name) else {
                reader.report(.unknownStatus(name), about: entry.value)
                continue
            }
            overrides[entry.key] = status
        }
        return StatusMap.standard.extended(with: overrides)
    }

    /// `operator_prefixes`: operator → three-digit prefixes, replacing the contract's table, as `report --operators` does.
    private func operatorTable(_ node: ConfigNode) -> OperatorTable? {
        guard let mapping = reader.mapping(node) else { return nil }
        var operators: [String: [String]] = [:]
        for entry in mapping.entries {
            let items = reader.sequence(entry.value, of: "a list of three-digit prefixes") ?? []
            operators[entry.key] = items.compactMap { item in
                guard let prefix = reader.string(item) else { return nil }
                guard OperatorTable.isPrefix(prefix) else {
                    reader.report(.invalidValue("\(prefix.debugDescription) is not a three-digit prefix such as \"984\""), about: item)
                    return nil
                }
                return prefix
            }
        }
        return OperatorTable(operators: operators)
    }

    // MARK: - Accounts

    /// The accounts that are valid and selected, and every account name in the file.
    private func accounts(_ node: ConfigNode, rateCards: (cards: [String: RateCard], names: [String]),
                          smtpGiven: Bool) -> (selected: [AccountSettings], allNames: [String]) {
        guard let items = reader.sequence(node, of: "a list of accounts") else { return ([], []) }
        if items.isEmpty {
            reader.report(.invalidValue("name at least one account"), about: node)
        }
        var firstUse: [String: ConfigNode] = [:]
        var names: [String] = []
        var selected: [AccountSettings] = []
        for item in items {
            guard let mapping = reader.mapping(item, allowed: Self.accountKeys, required: ["name", "base_url", "token_env"]) else {
                continue
            }
            let name = mapping.optional("name").flatMap { accountName($0, firstUse: &firstUse) }
            if let name {
                names.append(name)
            }
            let isSelected = name.map { selection.isEmpty || selection.contains($0) } ?? false
            let decoded = account(mapping, name: name, isSelected: isSelected, rateCards: rateCards, smtpGiven: smtpGiven)
            if let account = decoded, isSelected {
                selected.append(account)
            }
        }
        for name in unique(selection) where !names.contains(name) {
            reader.report(.unknownAccount(name, known: names), about: node)
        }
        return (selected, names)
    }

    private func accountName(_ node: ConfigNode, firstUse: inout [String: ConfigNode]) -> String? {
        guard let name = reader.string(node) else { return nil }
        guard !name.isEmpty, name.utf8.allSatisfy(Self.isPathSafe) else {
            reader.report(.unsafeAccountName(name), about: node)
            return nil
        }
        if let first = firstUse[name.lowercased()] {
            reader.report(.duplicateAccount(name, firstKeyPath: first.path, firstLine: first.line), about: node)
            return nil
        }
        firstUse[name.lowercased()] = node
        return name
    }

    private func account(_ mapping: ConfigMapping, name: String?, isSelected: Bool,
                         rateCards: (cards: [String: RateCard], names: [String]), smtpGiven: Bool) -> AccountSettings? {
        let allowsInsecure = mapping.optional("allow_insecure").flatMap(reader.boolean) ?? false
        let baseURL = mapping.optional("base_url").flatMap { self.baseURL($0, allowsInsecure: allowsInsecure) }
        let tokenVariable = mapping.optional("token_env").flatMap(environmentVariableName)
        var token: APIToken?
        if let tokenVariable, let node = mapping.optional("token_env"), isSelected, requirements.contains(.apiTokens) {
            token = secret(tokenVariable, node: node).map(APIToken.init)
        }
        var rateCard: RateCard?
        if let node = mapping.optional("rate_card"), let cardName = reader.string(node) {
            rateCard = rateCards.cards[cardName]
            if !rateCards.names.contains(cardName) {
                reader.report(.unknownRateCard(cardName, known: rateCards.names), about: node)
            }
        }
        var emailTo: [String] = []
        if let node = mapping.optional("email_to") {
            emailTo = addresses(node)
            if !emailTo.isEmpty, isSelected, requirements.contains(.email), !smtpGiven {
                reader.report(.invalidValue("sending email needs an `smtp` section"), about: node)
            }
        }
        guard let name, let baseURL, let tokenVariable else { return nil }
        return AccountSettings(name: name, baseURL: baseURL, tokenVariable: tokenVariable, token: token,
                               rateCard: rateCard, emailTo: emailTo, allowsInsecure: allowsInsecure)
    }

    /// `base_url`: an http(s) URL without user or password, over TLS unless the host
    /// is loopback or `allow_insecure` is true. A URL with an `@` is never quoted in an
    /// error: what comes before it may be a password.
    private func baseURL(_ node: ConfigNode, allowsInsecure: Bool) -> APIBaseURL? {
        guard let text = reader.string(node) else { return nil }
        if let authorityEnd = text.range(of: "://").map({ text[$0.upperBound...].prefix { $0 != "/" } }), authorityEnd.contains("@") {
            reader.report(.invalidValue("must not hold a user name or password (the token comes from token_env); write the URL without them (not repeated here)"), about: node)
            return nil
        }
        guard let url = APIBaseURL(text) else {
            let quoted = text.contains("@") ? "the value" : text.debugDescription
            reader.report(.invalidValue("\(quoted) is not an http(s) URL with a host"), about: node)
            return nil
        }
        guard url.protectsToken || allowsInsecure else {
            reader.report(.invalidValue("\(url) would send the token in clear text: use https:// (plain http only to a loopback host), or set allow_insecure: true on this account"), about: node)
            return nil
        }
        return url
    }

    /// `email_to`: a list of addresses, or one address.
    private func addresses(_ node: ConfigNode) -> [String] {
        let items: [ConfigNode]
        if case .scalar = node.node {
            items = [node]
        } else {
            items = reader.sequence(node, of: "a list of email addresses") ?? []
        }
        return items.compactMap { item -> String? in
            guard let text = reader.string(item) else { return nil }
            do throws(EmailAddressError) {
                // The sender's own parser: what the config accepts, sending accepts.
                _ = try EmailAddress(parsing: text)
            } catch {
                reader.report(.invalidValue("\(error.description); e.g. ops@example.com"), about: item)
                return nil
            }
            return text
        }
    }

    // MARK: - SMTP

    /// `smtp`: nil when it has problems (they are recorded).
    private func smtp(_ node: ConfigNode) -> SMTPSettings? {
        guard let mapping = reader.mapping(node, allowed: Self.smtpKeys, required: ["host", "from"]) else { return nil }
        let host = mapping.optional("host").flatMap(reader.nonEmptyString)
        let security = mapping.optional("security").flatMap(self.security) ?? .starttls
        let port = mapping.optional("port").flatMap { reader.integer($0, in: 1...65_535) } ?? security.defaultPort
        let username = mapping.optional("username").flatMap(reader.nonEmptyString)
        var passwordVariable: String?
        var password: SMTPPassword?
        switch (mapping.optional("username"), mapping.optional("password_env")) {
        case (.some, nil):
            reader.report(.missingKey, at: node.path.appending("password_env"), line: node.line)
        case let (nil, .some(passwordNode)):
            reader.report(.invalidValue("is given but smtp.username is not: give both, or neither to send without AUTH"), about: passwordNode)
        case let (.some, .some(passwordNode)):
            passwordVariable = environmentVariableName(passwordNode)
            if let passwordVariable, requirements.contains(.email) {
                password = secret(passwordVariable, node: passwordNode).map(SMTPPassword.init)
            }
        case (nil, nil):
            break
        }
        let from = mapping.optional("from").flatMap(sender)
        let maxMB = mapping.optional("max_attachments_mb").flatMap { reader.integer($0, in: 1...10_000) } ?? RunConfig.Defaults.maxAttachmentsMB
        let verifies = mapping.optional("tls_verify").flatMap(reader.boolean) ?? true
        let caFile = mapping.optional("ca_file").flatMap(readableFile)
        let allowsInsecure = mapping.optional("allow_insecure").flatMap(reader.boolean) ?? false
        if let host, security == .none, !TransportSecurity.isLoopback(host: host), !allowsInsecure {
            reader.report(.invalidValue("none would send mail and password in clear text to \(host), which is not loopback: use starttls or tls, or set smtp.allow_insecure: true"),
                          at: node.path.appending("security"), line: mapping.optional("security")?.line ?? node.line)
        }
        guard let host, let from else { return nil }
        return SMTPSettings(host: host, port: port, security: security, username: username,
                            passwordVariable: passwordVariable, password: password, from: from.header,
                            fromAddress: from.address, maxAttachmentBytes: SMTPSettings.attachmentBytes(megabytes: Double(maxMB)),
                            verifiesCertificates: verifies, caFile: caFile, allowsInsecure: allowsInsecure)
    }

    private func security(_ node: ConfigNode) -> SMTPSecurity? {
        guard let text = reader.string(node) else { return nil }
        guard let security = SMTPSecurity(rawValue: text.lowercased()) else {
            reader.report(.invalidValue("\(text.debugDescription) is not a security mode (use starttls, tls or none)"), about: node)
            return nil
        }
        return security
    }

    /// `from`: the header text and its bare address, checked by the sender's own parser.
    private func sender(_ node: ConfigNode) -> (header: String, address: String)? {
        guard let text = reader.string(node) else { return nil }
        do {
            return (text, try EmailAddress(parsing: text).address)
        } catch {
            reader.report(.invalidValue("\(error.description); e.g. \"SMS Reports <reports@example.com>\""), about: node)
            return nil
        }
    }

    /// A file path from the config, resolved from its folder; it must name a readable file.
    private func readableFile(_ node: ConfigNode) -> String? {
        guard let text = reader.nonEmptyString(node) else { return nil }
        let path = resolvePath(text)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              FileManager.default.isReadableFile(atPath: path) else {
            reader.report(.invalidValue("no readable file at \(path)"), about: node)
            return nil
        }
        return path
    }

    // MARK: - Environment

    /// An environment variable's name: `[A-Z_][A-Z0-9_]*` (contract §8).
    private func environmentVariableName(_ node: ConfigNode) -> String? {
        guard case let .scalar(scalar) = node.node, !node.isNull else {
            // Not `reader.string`: its message would quote the value.
            reader.report(.invalidValue("must be the name of an environment variable"), about: node)
            return nil
        }
        let name = scalar.string
        let bytes = Array(name.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "_") || Self.isUppercaseLetter(first),
              bytes.allSatisfy({ $0 == UInt8(ascii: "_") || Self.isUppercaseLetter($0) || Self.isDigit($0) }) else {
            // The value is not echoed: a user who pasted the secret itself here must not see it printed.
            reader.report(.invalidValue("is not an environment variable name (A-Z, 0-9 and _, not starting with a digit): write the name of the variable that holds the secret, never the secret itself (the value is not repeated here)"), about: node)
            return nil
        }
        return name
    }

    /// The value of `variable`; nil (problem recorded) when it is not set or empty.
    private func secret(_ variable: String, node: ConfigNode) -> String? {
        guard let value = environment[variable], !value.isEmpty else {
            reader.report(.unsetEnvironmentVariable(variable), about: node)
            return nil
        }
        return value
    }

    // MARK: - Characters

    private static func isPathSafe(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        isUppercaseLetter(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    private static func isUppercaseLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private func unique(_ names: [String]) -> [String] {
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
