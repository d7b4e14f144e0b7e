import Foundation

/// Removes what dead processes left behind in a folder: temporary files
/// (`.NAME.tmp-…`) and staging folders (`.NAME.partial-…`) whose owner is gone
/// (``TemporaryName/ownerIsGone``). The work of a living process, on this host or
/// another, is never touched. A finished folder that a dead process had moved aside
/// (`.NAME.old-…`) while swapping in its successor is put back when NAME is missing,
/// and removed otherwise.
package enum LeftoverCleanup {
    /// Cleans `folder` (not its subfolders); returns what was removed or restored,
    /// as lines for the log. A folder that does not exist has nothing to clean.
    @discardableResult
    package static func clean(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var done: [String] = []
        for name in names.sorted() {
            guard let owner = TemporaryName.parse(name), owner.ownerIsGone else { continue }
            let path = "\(folder)/\(name)"
            if owner.kind == .replaced, let finalName = TemporaryName.finalName(of: name),
               !FileManager.default.fileExists(atPath: "\(folder)/\(finalName)"),
               (try? FileDurability.rename(path, to: "\(folder)/\(finalName)")) != nil {
                done.append("restored \(folder)/\(finalName), which process \(owner.processID) had moved aside and not replaced")
                continue
            }
            if (try? FileManager.default.removeItem(atPath: path)) != nil {
                done.append("removed \(path), left by process \(owner.processID), which is gone")
            }
        }
        return done
    }
}
