#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `fsync` of what was written, so that a rename counts as done only once the data
/// and the folder entry are on disk: a power cut never leaves a renamed, empty file.
package enum FileDurability {
    /// Flushes the file or folder at `path` to disk (symbolic links are not followed).
    package static func sync(_ path: String) throws(ReportError) {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .outputFailed(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        try sync(descriptor: descriptor, path: path)
    }

    /// Flushes an open descriptor; `path` names it in the error.
    package static func sync(descriptor: Int32, path: String) throws(ReportError) {
        while fsync(descriptor) != 0 {
            // A folder on a file system that cannot sync folders answers EINVAL: nothing more can be done.
            if errno == EINTR { continue }
            if errno == EINVAL || errno == EROFS { return }
            throw .outputFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// The folder that holds `path` (`.` for a bare name).
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Renames `source` to `destination` and syncs their folder, so the rename survives
    /// a power cut; without `syncingFolder` the caller syncs the folder later, once for many renames.
    package static func rename(_ source: String, to destination: String, syncingFolder: Bool = true) throws(ReportError) {
        guard systemRename(source, destination) == 0 else {
            throw .outputFailed(path: destination, reason: String(cString: strerror(errno)))
        }
        guard syncingFolder else { return }
        try sync(folder(of: destination))
        let sourceFolder = folder(of: source)
        if sourceFolder != folder(of: destination) {
            try sync(sourceFolder)
        }
    }
}

#if canImport(Glibc)
private let systemRename = Glibc.rename
#elseif canImport(Darwin)
private let systemRename = Darwin.rename
#endif
