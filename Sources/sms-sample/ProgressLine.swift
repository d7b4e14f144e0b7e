import Foundation
import SMSWorld

/// A progress line on standard error, redrawn in place; silent when disabled (when
/// standard error is not a terminal, or the world is small).
struct ProgressLine {
    let enabled: Bool

    /// Redraws the line with what is being done.
    func show(_ step: String) {
        guard enabled else { return }
        write("\r\u{1B}[Ksms-sample: \(step)…")
    }

    /// Redraws the line at every whole percent of the files written.
    func show(_ progress: SnapshotProgress) {
        guard enabled, progress.totalFiles > 0 else { return }
        let percent = progress.filesWritten * 100 / progress.totalFiles
        let previousPercent = (progress.filesWritten - 1) * 100 / progress.totalFiles
        guard percent != previousPercent || progress.filesWritten == 1 else { return }
        write("\r\u{1B}[Ksms-sample: writing files \(progress.filesWritten)/\(progress.totalFiles) (\(percent)%)")
    }

    /// Erases the line.
    func clear() {
        guard enabled else { return }
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
