import SMSReport

/// Reads the rate card named by `--rate-card FILE`.
enum RateCardOption {
    /// The card in `path`.
    ///
    /// Pending: rate-card files are YAML, read by the config loader of issue 6
    /// (`RateCardFile.load`, branch `config`); until it is merged this refuses the file.
    static func load(_ path: String) throws -> RateCard {
        throw ReportError.invalidOption(option: "--rate-card",
                                        reason: "\(path): reading rate-card files needs the config loader (issue 6), not yet in this build")
    }
}
