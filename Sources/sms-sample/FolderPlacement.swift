import Foundation

/// Writes a folder under a temporary name beside its final place, then renames it into
/// place, so that an interrupted run never leaves a half-written folder under the final name.
enum FolderPlacement {
    /// Calls `fill` with an empty temporary folder beside `destination`, then moves the
    /// folder to `destination`; an existing `destination` is replaced when `replacing`
    /// is true. On failure the temporary folder is removed.
    static func write<Result>(to destination: URL, replacing: Bool, _ fill: (URL) throws -> Result) throws -> Result {
        let manager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let processID = ProcessInfo.processInfo.processIdentifier
        let partial = parent.appendingPathComponent(".\(name).partial-\(processID)", isDirectory: true)
        let previous = parent.appendingPathComponent(".\(name).previous-\(processID)", isDirectory: true)
        do {
            if manager.fileExists(atPath: partial.path) {
                try manager.removeItem(at: partial)
            }
            try manager.createDirectory(at: partial, withIntermediateDirectories: true)
            let result = try fill(partial)
            if replacing, manager.fileExists(atPath: destination.path) {
                try manager.moveItem(at: destination, to: previous)
                try manager.moveItem(at: partial, to: destination)
                try manager.removeItem(at: previous)
            } else {
                try manager.moveItem(at: partial, to: destination)
            }
            return result
        } catch {
            try? manager.removeItem(at: partial)
            throw SampleFailure(failure: "cannot write \(destination.path)", cause: error)
        }
    }
}
