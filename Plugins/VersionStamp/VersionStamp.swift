import Foundation
import PackagePlugin

/// Stamps a target with the version of the package's `VERSION` file and the git commit
/// it is built from, as `BuildVersion.swift` (an enum `BuildVersion` with `version` and
/// `commit`). A prebuild command, so it runs before every build and a new commit or an
/// edited `VERSION` shows without a clean build; the file is rewritten only when its text
/// changes, so an unchanged stamp recompiles nothing. Works with a plain `swift build` in
/// a clean clone: nothing generated is committed.
@main
struct VersionStamp: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let root = context.package.directoryURL
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        return [
            .prebuildCommand(
                displayName: "Stamping \(target.name) with VERSION and the git commit",
                executable: URL(filePath: "/bin/sh"),
                arguments: [root.appending(path: "scripts/version-stamp.sh").path(), root.path(), output.path()],
                // git is looked up on the caller's PATH (the plugin's command gets no environment otherwise).
                environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                outputFilesDirectory: output
            )
        ]
    }
}
