/// A workbook's document properties, shown in Excel under File › Info.
public struct XLSXDocumentProperties: Sendable, Equatable {
    public var title: String
    public var subject: String
    public var author: String
    public var comments: String
    /// The creation time, in seconds since 1970-01-01 UTC. Fixing it makes the file
    /// byte-identical from run to run.
    public var createdUnixSeconds: Int64

    public init(title: String, subject: String, author: String, comments: String, createdUnixSeconds: Int64) {
        self.title = title
        self.subject = subject
        self.author = author
        self.comments = comments
        self.createdUnixSeconds = createdUnixSeconds
    }
}
