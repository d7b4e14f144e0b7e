import SMSCore
import SMSBilling
import SMSConfig


/// Reads the rate card named by `--rate-card FILE` (contract §7), for `billing` and
/// `report`.
enum RateCardOption {
    /// The card in `path`; a problem in the file is a usage error (exit 2) naming the
    /// file, the line and the key.
    static func load(_ path: String) throws -> RateCard {
        do {
            return try RateCardFile.load(path: path)
        } catch {
            throw ReportError.invalidOption(option: "--rate-card", reason: error.description)
        }
    }
}
