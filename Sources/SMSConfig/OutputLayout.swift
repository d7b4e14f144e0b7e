import Foundation
import SMSCore

/// Where `run` writes (contract §8):
///
/// ```
/// <output_dir>/<account>/<period>/                 report.xlsx, the CSVs, report.html, report.txt, run.json
/// <output_dir>/<account>/snapshots/<fetch time>/   the snapshots, e.g. snapshots/20251105T011502Z
/// ```
///
/// Account names are path-safe by the config's rules (`[A-Za-z0-9_-]+`), so they are
/// used as they are.
package struct OutputLayout: Sendable, Equatable {
    /// The config's `output_dir`, as an absolute path.
    package let outputFolder: String

    /// The name of each account's snapshot folder.
    package static let snapshotsFolderName = "snapshots"

    /// The layout under `outputFolder` (an absolute path, normally ``RunConfig/outputFolder``).
    package init(outputFolder: String) {
        self.outputFolder = outputFolder
    }

    /// `<output_dir>/<account>`.
    package func accountFolder(_ account: String) -> String {
        "\(outputFolder)/\(account)"
    }

    /// `<output_dir>/<account>/<period>`, e.g. `reports/acme/2025-11-04`.
    package func periodFolder(account: String, period: RunPeriod) -> String {
        "\(accountFolder(account))/\(period.folderName)"
    }

    /// `<output_dir>/<account>/snapshots`.
    package func snapshotsFolder(account: String) -> String {
        "\(accountFolder(account))/\(Self.snapshotsFolderName)"
    }

    /// `<output_dir>/<account>/snapshots/<fetch time>`, e.g. `…/snapshots/20251105T011502Z`.
    package func snapshotFolder(account: String, fetchedAt: Instant) -> String {
        "\(snapshotsFolder(account: account))/\(SnapshotFolderName.name(for: fetchedAt))"
    }

    /// A snapshot folder for a fetch started at `fetchedAt` that does not exist yet:
    /// when a fetch of the same second already has its folder (two quick runs in a
    /// row), the name of the next free second, so names stay fetch times and sort.
    package func newSnapshotFolder(account: String, fetchedAt: Instant) -> String {
        var instant = fetchedAt
        var folder = snapshotFolder(account: account, fetchedAt: instant)
        while FileManager.default.fileExists(atPath: folder) {
            instant = Instant(microseconds: instant.microseconds + 1_000_000)
            folder = snapshotFolder(account: account, fetchedAt: instant)
        }
        return folder
    }
}
