import Foundation

/// Paths inside the package, found from this source file's location.
enum PackagePaths {
    /// The package's root folder.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 {
            url.deleteLastPathComponent()
        }
        return url.path
    }()

    /// A bundled sample snapshot, e.g. `api-doc` or `rich`.
    static func sample(_ name: String) -> String {
        "\(root)/samples/\(name)"
    }

    /// The golden files of a sample.
    static func golden(_ name: String) -> String {
        "\(root)/Tests/Golden/\(name)"
    }
}

/// A temporary folder, removed when the test is done with it.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "sms-report-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `relativePath`, creating folders as needed.
    func write(_ text: String, to relativePath: String) throws {
        let url = URL(fileURLWithPath: path + "/" + relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// The names of the files in `relativePath`, sorted.
    func files(in relativePath: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path + "/" + relativePath).sorted()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
