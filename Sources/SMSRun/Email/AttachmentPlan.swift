import SMSSupport
/// A file that may be attached to the report email.
package struct AttachmentCandidate: Sendable, Equatable {
    /// What the file is; the size guard leaves the CSV archive out before the workbook.
    package enum Kind: Sendable, Equatable {
        case workbook
        case csvArchive
    }

    /// Workbook or CSV archive.
    package var kind: Kind
    /// The attachment's name, e.g. `report.xlsx`.
    package var fileName: String
    /// Its size in bytes, as attached (before base64).
    package var byteCount: Int
    /// Where the content is on disk, told in the body when it is left out: the
    /// workbook's path, or the folder of the CSV files.
    package var location: String

    /// A candidate attachment.
    package init(kind: Kind, fileName: String, byteCount: Int, location: String) {
        self.kind = kind
        self.fileName = fileName
        self.byteCount = byteCount
        self.location = location
    }
}

/// The size guard's decision (contract §8): which files are attached and which are
/// left out. Past the limit the CSV archive is left out first, then the workbook;
/// the body then says what was left out and where it is (``leftOutNote``).
package struct AttachmentPlan: Sendable, Equatable {
    /// The files to attach, workbook first.
    package let attached: [AttachmentCandidate]
    /// The files left out, in the order they were dropped.
    package let leftOut: [AttachmentCandidate]
    /// The limit on the attachments' total size in bytes; nil for none.
    package let maximumBytes: Int?

    /// Plans the attachments: all of them when their total is within
    /// `maximumBytes` (nil: no limit); otherwise without the CSV archive; if still
    /// over, without the workbook too. Limits are on the files' sizes, before the
    /// base64 encoding, which adds about a third in the message.
    package static func plan(workbook: AttachmentCandidate?, csvArchive: AttachmentCandidate?,
                            maximumBytes: Int?) -> AttachmentPlan {
        var attached = [workbook, csvArchive].compactMap { $0 }
        var leftOut: [AttachmentCandidate] = []
        for kind in [AttachmentCandidate.Kind.csvArchive, .workbook] {
            guard let maximumBytes, attached.reduce(0, { $0 + $1.byteCount }) > maximumBytes else { break }
            if let index = attached.firstIndex(where: { $0.kind == kind }) {
                leftOut.append(attached.remove(at: index))
            }
        }
        return AttachmentPlan(attached: attached, leftOut: leftOut, maximumBytes: maximumBytes)
    }

    /// `10 MB`: a size in megabytes of 1,000,000 bytes, with one decimal below 10
    /// (`340 kB` below 0.1 MB).
    package static func megabytesText(_ bytes: Int) -> String {
        if bytes < 100_000 {
            return "\(max(1, (bytes + 500) / 1000)) kB"
        }
        let megabytes = Double(bytes) / 1_000_000
        if megabytes >= 10 || megabytes == megabytes.rounded() {
            return "\(Int(megabytes.rounded())) MB"
        }
        let tenths = Int((megabytes * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) MB"
    }

    /// The note that opens the text body when files were left out; nil when none were.
    package var leftOutNote: String? {
        guard !leftOut.isEmpty else { return nil }
        var lines = [noteHeading]
        for file in leftOut {
            lines.append("- \(noteItem(file))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same note as an HTML block with inline styles; nil when nothing was left out.
    package var leftOutNoteHTML: String? {
        guard !leftOut.isEmpty else { return nil }
        let items = leftOut.map { "<li>\(XMLText.escape(noteItem($0)))</li>" }.joined()
        return "<table role=\"presentation\" width=\"100%\" cellpadding=\"12\" cellspacing=\"0\" "
            + "style=\"border:2px solid #b45309;background:#fffbeb;margin:0 0 16px 0;\"><tr><td "
            + "style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#1f2937;\">"
            + "<strong>\(XMLText.escape(noteHeading))</strong><ul style=\"margin:8px 0 0 0;\">\(items)</ul>"
            + "</td></tr></table>"
    }

    private var noteHeading: String {
        let limit = maximumBytes.map(Self.megabytesText) ?? "the limit"
        let files = leftOut.count == 1 ? "This file was" : "These files were"
        return "\(files) left out of this email because the attachments would exceed max_attachments_mb (\(limit)):"
    }

    private func noteItem(_ file: AttachmentCandidate) -> String {
        let size = Self.megabytesText(file.byteCount)
        switch file.kind {
        case .workbook:
            return "\(file.fileName) (\(size)) is on disk at \(file.location)"
        case .csvArchive:
            return "\(file.fileName) (\(size)): the CSV files are on disk in \(file.location)"
        }
    }
}
