/// A workbook's document properties, shown in Excel under File › Info.
package struct XLSXDocumentProperties: Sendable, Equatable {
    package var title: String
    package var subject: String
    package var author: String
    package var comments: String
    /// The creation time, in seconds since 1970-01-01 UTC. Fixing it makes the file
    /// byte-identical from run to run.
    package var createdUnixSeconds: Int64

    package init(title: String, subject: String, author: String, comments: String, createdUnixSeconds: Int64) {
        self.title = title
        self.subject = subject
        self.author = author
        self.comments = comments
        self.createdUnixSeconds = createdUnixSeconds
    }
}
