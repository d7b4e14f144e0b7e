import Foundation
@testable import SMSCore
@testable import SMSRender
import Testing

/// Loading templates: the bundled copy, a replacement folder, and the errors a user
/// meets when a folder lacks a template or a template does not parse.
@Suite struct ReportTemplatesTests {
    struct Greeting {
        let name: String
    }

    @Test func theBundledCopyIsTheTemplatesFolder() throws {
        let folder = PackagePaths.root + "/templates"
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(BundledTemplates.files.map { $0.name + ".mustache" }.sorted() == onDisk,
                "templates/ and BundledTemplates.swift differ: run `make templates`")
        for file in BundledTemplates.files {
            let text = try String(contentsOfFile: "\(folder)/\(file.name).mustache", encoding: .utf8)
            #expect(text == file.text, "\(file.name).mustache differs from its bundled copy: run `make templates`")
        }
    }

    @Test func theBundledTemplatesHaveEverythingTheSummaryPageNeeds() throws {
        let templates = try ReportTemplates.bundled()
        _ = try SummaryPageRenderer(templates: templates)
        #expect(templates.origin == ReportTemplates.bundledOrigin)
    }

    /// Data is only ever placed with `{{ }}`, which escapes it; triple braces place
    /// nothing but the charts' SVG, whose texts are escaped in Swift.
    @Test func theBundledTemplatesPlaceNoDataUnescaped() {
        for file in BundledTemplates.files {
            var rest = file.text[...]
            while let open = rest.range(of: "{{{") {
                let close = rest[open.upperBound...].range(of: "}}}")!
                #expect(rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces) == "svg",
                        "\(file.name) places something unescaped")
                rest = rest[close.upperBound...]
            }
            #expect(!file.text.contains("{{&"), "\(file.name) places something unescaped")
        }
    }

    @Test func htmlTemplatesEscapeAndTextTemplatesDoNot() throws {
        let templates = try ReportTemplates(origin: "test", files: [
            ("page.html", "<p>{{name}}</p>"), ("page.txt", "{{name}}\n"),
            ("outer.txt", "[{{> inner.txt}}]"), ("inner.txt", "{{name}}"),
        ])
        let view = Greeting(name: #"<script>alert("x")</script> & 'y'"#)
        #expect(try templates.render("page.html", view)
                    == "<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</p>")
        #expect(try templates.render("page.txt", view) == #"<script>alert("x")</script> & 'y'"# + "\n")
        #expect(try templates.render("outer.txt", view) == #"[<script>alert("x")</script> & 'y']"#)
    }

    @Test func aFolderIsLoadedWithItsSubfolders() throws {
        let folder = try TemporaryFolder()
        try folder.write("Hello {{name}}{{> mail/sign.txt}}", to: "hello.txt.mustache")
        try folder.write(", bye", to: "mail/sign.txt.mustache")
        try folder.write("not a template", to: "README.md")
        let templates = try ReportTemplates.load(folder: folder.path)
        #expect(templates.names == ["hello.txt", "mail/sign.txt"])
        #expect(try templates.render("hello.txt", Greeting(name: "Sita")) == "Hello Sita, bye")
    }

    @Test func aMissingFolderIsAUsageError() {
        #expect(throws: ReportError.invalidTemplate(file: "/no/such/folder", reason: "templates folder not found")) {
            try ReportTemplates.load(folder: "/no/such/folder")
        }
        #expect(ReportError.invalidTemplate(file: "x", reason: "y").exitStatus == .usageError)
    }

    @Test func aMissingMainTemplateIsNamed() throws {
        let folder = try TemporaryFolder()
        try folder.write("text", to: "report.txt.mustache")
        let templates = try ReportTemplates.load(folder: folder.path)
        #expect(throws: ReportError.invalidTemplate(file: "\(folder.path)/report.html.mustache", reason: "template not found")) {
            try SummaryPageRenderer(templates: templates)
        }
    }

    @Test func aMissingPartialIsNamedWithTheTemplateThatIncludesIt() throws {
        let folder = try TemporaryFolder()
        try folder.write("<html>{{> header.html}}{{> footer.html}}</html>", to: "report.html.mustache")
        try folder.write("<h1>{{> logo.html}}</h1>", to: "header.html.mustache")
        try folder.write("", to: "footer.html.mustache")
        try folder.write("text", to: "report.txt.mustache")
        let templates = try ReportTemplates.load(folder: folder.path)
        #expect(throws: ReportError.invalidTemplate(
            file: "\(folder.path)/header.html.mustache",
            reason: "includes the partial \"logo.html\", but logo.html.mustache is missing")) {
            try SummaryPageRenderer(templates: templates)
        }
    }

    @Test func aTemplateThatDoesNotParseIsNamedWithItsLine() throws {
        let folder = try TemporaryFolder()
        try folder.write("line one\n{{#rows}}\n{{name}}\n{{/cells}}\n", to: "report.html.mustache")
        try folder.write("one\n{{#rows}}\n", to: "report.txt.mustache")
        let error = #expect(throws: ReportError.self) { try ReportTemplates.load(folder: folder.path) }
        guard case .invalidTemplate(let file, let reason) = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(file == "\(folder.path)/report.html.mustache")
        #expect(reason.hasPrefix("line 4,"), "\(reason)")
        #expect(reason.contains("closed with another name"), "\(reason)")
    }

    @Test func lineNumbersOfTextTemplatesAreTheFilesOwn() {
        let error = #expect(throws: ReportError.self) {
            try ReportTemplates(origin: "test", files: [("broken.txt", "one\ntwo\n{{/nothing}}\n")])
        }
        guard case .invalidTemplate(_, let reason) = error else {
            Issue.record("unexpected error \(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix("line 3,"), "\(reason)")
    }

    @Test func partialNamesAreFoundInTags() {
        #expect(ReportTemplates.partialNames(in: "a {{> one.html}} b {{>two}}{{ > three }} {{name}} {{>*dynamic}}")
                    == ["one.html", "two", "three"])
    }
}
