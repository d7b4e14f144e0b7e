import Foundation

/// A folder filled under a hidden temporary name beside its final place
/// (`.NAME.partial-…`, ``TemporaryName``) and then put in place whole, so the final
/// folder always holds exactly one complete set of files.
package struct StagingFolder: Sendable {
    /// The final folder.
    package let finalPath: String
    /// The folder being filled.
    package let path: String

    /// Creates an empty staging folder for `finalPath` (its parent is created as needed).
    package init(finalPath: String) throws(ReportError) {
        let trimmed = finalPath.count > 1 && finalPath.hasSuffix("/") ? String(finalPath.dropLast()) : finalPath
        self.finalPath = trimmed
        let parent = FileDurability.folder(of: trimmed)
        let name = URL(fileURLWithPath: trimmed).lastPathComponent
        path = "\(parent)/\(TemporaryName.make(for: name, kind: .folder))"
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            // Not `withIntermediateDirectories`: the name is new, so an existing entry (or a planted link) is an error.
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw .outputFailed(path: trimmed, reason: error.localizedDescription)
        }
    }

    /// A staging folder inside `folder` for files that ``publish(files:)`` then moves
    /// into `folder` itself (`report --out`: the folder may hold files of the user's).
    package static func forFiles(in folder: String) throws(ReportError) -> StagingFolder {
        try StagingFolder(finalPath: folder + "/report")
    }

    /// Syncs the staging folder and puts it in place of the final folder: a previous
    /// final folder is moved aside, replaced and then removed whole. Returns the
    /// paths of `files` (which are in the staging folder) at their final place.
    @discardableResult
    package func replaceFinal(files: [String] = []) throws(ReportError) -> [String] {
        try FileDurability.sync(path)
        let parent = FileDurability.folder(of: finalPath)
        let name = URL(fileURLWithPath: finalPath).lastPathComponent
        var aside: String?
        if FileManager.default.fileExists(atPath: finalPath) {
            let replaced = "\(parent)/\(TemporaryName.make(for: name, kind: .replaced))"
            try FileDurability.rename(finalPath, to: replaced)
            aside = replaced
        }
        do {
            try FileDurability.rename(path, to: finalPath)
        } catch {
            if let aside {
                try? FileDurability.rename(aside, to: finalPath)
            }
            throw error
        }
        if let aside {
            try? FileManager.default.removeItem(atPath: aside)
        }
        return files.map { finalPlace(of: $0, in: finalPath) }
    }

    /// For a staging folder made by ``forFiles(in:)``: moves each of `files` (in the
    /// staging folder) into the folder, each replacing the file of its name, and
    /// removes the staging folder. Other files in
    /// the final folder are left as they are. Returns the files' final paths.
    package func publish(files: [String]) throws(ReportError) -> [String] {
        let folder = FileDurability.folder(of: finalPath)
        var published: [String] = []
        for file in files {
            let destination = finalPlace(of: file, in: folder)
            try FileDurability.rename(file, to: destination)
            published.append(destination)
        }
        abandon()
        return published
    }

    /// Removes the staging folder and whatever it holds.
    package func abandon() {
        try? FileManager.default.removeItem(atPath: path)
    }

    private func finalPlace(of file: String, in folder: String) -> String {
        file.hasPrefix(path + "/") ? folder + String(file.dropFirst(path.count)) : file
    }
}
