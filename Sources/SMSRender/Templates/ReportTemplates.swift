import Foundation
import Mustache
import SMSCore

/// A set of Mustache templates (swift-mustache): the bundled defaults, or a folder
/// that replaces them (`--templates DIR`). A template's name is its file name
/// without `.mustache` (`report.html`, `kpi-tile.html`, `subject.txt`), and partials
/// are included by that name (`{{> kpi-tile.html}}`).
///
/// Templates whose name ends in `.txt` render as plain text; all others escape
/// every `{{value}}` for HTML. Templates hold no logic: they place the fields of
/// a view model whose values are already formatted.
package struct ReportTemplates: Sendable {
    /// Where the templates come from: a folder path, or ``bundledOrigin``.
    package let origin: String
    private let library: MustacheLibrary
    /// Template name → the partials it includes.
    private let partials: [String: [String]]

    /// The ``origin`` of the templates compiled into the tool.
    package static let bundledOrigin = "bundled templates"

    /// The templates compiled into the tool: a copy of the repository's `templates/`
    /// folder, made by `scripts/embed-templates.py`, so that the tool needs no file
    /// beside it wherever it is run from.
    package static func bundled() throws(ReportError) -> ReportTemplates {
        try ReportTemplates(origin: bundledOrigin, files: BundledTemplates.files)
    }

    /// Every `*.mustache` file of `folder` and its subfolders (a file `mail/subject.txt.mustache`
    /// is the template `mail/subject.txt`). Exit 2 when the folder is missing or a
    /// template does not parse.
    package static func load(folder: String) throws(ReportError) -> ReportTemplates {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw .invalidTemplate(file: folder, reason: "templates folder not found")
        }
        let suffix = ".mustache"
        var files: [(name: String, text: String)] = []
        let paths = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
        for path in paths.sorted() where path.hasSuffix(suffix) {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .invalidTemplate(file: url.path, reason: "cannot read")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw .invalidTemplate(file: url.path, reason: "not UTF-8 text")
            }
            files.append((String(path.dropLast(suffix.count)), text))
        }
        return try ReportTemplates(origin: folder, files: files)
    }

    /// Templates from (name, text) pairs; `origin` names them in errors.
    package init(origin: String, files: [(name: String, text: String)]) throws(ReportError) {
        var library = MustacheLibrary()
        var partials: [String: [String]] = [:]
        for file in files {
            let isPlainText = file.name.hasSuffix(".txt")
            let source = isPlainText ? Self.plainTextPragma + file.text : file.text
            do {
                library.register(try MustacheTemplate(string: source), named: file.name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber - (isPlainText ? 1 : 0)
                let reason = "line \(line), column \(error.context.columnNumber): "
                    + Self.describe(error.error)
                throw .invalidTemplate(file: Self.fileName(file.name, origin: origin), reason: reason)
            } catch {
                throw .invalidTemplate(file: Self.fileName(file.name, origin: origin), reason: "\(error)")
            }
            partials[file.name] = Self.partialNames(in: file.text)
        }
        self.origin = origin
        self.library = library
        self.partials = partials
    }

    /// The names of the templates in the set, sorted.
    package var names: [String] {
        partials.keys.sorted()
    }

    /// Checks that each of `names` exists, with every partial it includes (at any
    /// depth), so that a replacement folder that lacks one fails before anything is
    /// written (exit 2).
    package func require(_ names: [String]) throws(ReportError) {
        var pending = names.map { (name: $0, includedBy: String?.none) }
        var seen: Set<String> = []
        while let next = pending.popLast() {
            guard seen.insert(next.name).inserted else { continue }
            guard let included = partials[next.name] else {
                if let parent = next.includedBy {
                    throw .invalidTemplate(file: Self.fileName(parent, origin: origin),
                                           reason: "includes the partial \"\(next.name)\", but \(next.name).mustache is missing")
                }
                throw .invalidTemplate(file: Self.fileName(next.name, origin: origin), reason: "template not found")
            }
            pending += included.map { ($0, next.name) }
        }
    }

    /// `view` rendered with the template `name` (checked with ``require(_:)``).
    package func render(_ name: String, _ view: Any) throws(ReportError) -> String {
        try require([name])
        guard let text = library.render(view, withTemplate: name) else {
            throw .invalidTemplate(file: Self.fileName(name, origin: origin), reason: "template not found")
        }
        return text
    }

    /// Switches a `.txt` template to plain text, so that values are not HTML-escaped.
    /// It is a line of its own before the template's first line (a standalone tag,
    /// so it leaves no blank line); error line numbers are corrected for it.
    private static let plainTextPragma = "{{% CONTENT_TYPE: TEXT }}\n"

    /// The partials a template includes, `{{> name}}`, in order (default delimiters).
    package static func partialNames(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            guard tag.hasPrefix(">") else { continue }
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, !name.hasPrefix("*") { names.append(name) }
        }
        return names
    }

    private static func fileName(_ name: String, origin: String) -> String {
        origin == bundledOrigin ? "\(origin): \(name).mustache" : "\(origin)/\(name).mustache"
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened"
        case .unfinishedName: return "a tag is not closed"
        case .expectedSectionEnd: return "a section is not closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform on an inheritance section"
        case .illegalTokenInsideInheritSection: return "a tag that is not allowed inside an inherited partial"
        case .textInsideInheritSection: return "text inside an inherited partial"
        case .invalidConfigVariableSyntax: return "invalid pragma"
        case .unrecognisedConfigVariable: return "unknown pragma"
        }
    }
}
