import SMSCore
import XLSXWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The workbook's file: written under a hidden temporary name in its final folder
/// and renamed into place only when complete (contract §6), so no half-written
/// `report.xlsx` ever exists.
package struct XLSXOutputFile {
    /// The final path.
    package let path: String
    /// Where libxlsxwriter writes until ``commit()``.
    package let temporaryPath: String
    /// The folder of both, also used for libxlsxwriter's temporary files.
    package let folder: String

    package init(folder: String, name: String) {
        self.folder = folder
        path = "\(folder)/\(name)"
        temporaryPath = "\(folder)/\(TemporaryName.make(for: name, kind: .file))"
    }

    /// Creates the temporary file, so that an output folder that cannot be written
    /// stops the report before the workbook is built rather than after. The name is
    /// unique and created exclusively, never through a planted link.
    package func reserve() throws(ReportError) {
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .outputFailed(path: path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }

    /// Syncs the finished file, renames it into place and syncs the folder.
    package func commit() throws(ReportError) {
        do {
            try FileDurability.sync(temporaryPath)
            try FileDurability.rename(temporaryPath, to: path)
        } catch {
            discard()
            throw error
        }
    }

    /// Removes whatever was written under the temporary name.
    package func discard() {
        unlink(temporaryPath)
    }

    /// Writes the workbook `name` in `folder` whole or not at all: reserves the
    /// temporary file, runs `write` on an ``XLSXWriterThread``, and renames the file
    /// into place; a failure removes it and is thrown as `outputFailed`. Returns the
    /// final path.
    package static func write(folder: String, name: String,
                              _ write: (XLSXOutputFile) async throws(XLSXError) -> Void) async throws(ReportError) -> String {
        let output = XLSXOutputFile(folder: folder, name: name)
        try output.reserve()
        let thread = XLSXWriterThread()
        defer { thread.shutDown() }
        do {
            try await withTaskExecutorPreference(thread) { () async throws(XLSXError) in
                try await write(output)
            }
        } catch {
            output.discard()
            throw .outputFailed(path: output.path, reason: error.description)
        }
        try output.commit()
        return output.path
    }
}
