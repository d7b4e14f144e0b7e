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
    /// The file's size in bytes, as the body names it (the message carries it
    /// base64-encoded, about a third larger).
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
/// left out, and why. Past the limit the CSV archive is left out first, then the
/// workbook; the body then says what was left out and where it is (``leftOutNote``).
package struct AttachmentPlan: Sendable, Equatable {
    /// Why files were left out.
    package enum Reason: Sendable, Equatable {
        /// With them the message would be larger than the limit.
        case overLimit(MessageSizeLimit)
        /// The server refused the message with them as too big; its reply, quoted.
        case refusedAsTooBig(reply: String)
    }

    /// The files to attach, workbook first.
    package let attached: [AttachmentCandidate]
    /// The files left out, in the order they were dropped.
    package let leftOut: [AttachmentCandidate]
    /// Why ``leftOut`` is not empty; nil when nothing was left out.
    package let reason: Reason?

    /// Plans the attachments: all of them when the message with them, as
    /// `messageSize` measures it (the whole encoded message of a plan, note
    /// included), is within `limit`; otherwise without the CSV archive; if still
    /// over, without the workbook too. That last plan is taken even when its
    /// message is over the limit: the bodies and the note are always sent.
    package static func plan(workbook: AttachmentCandidate?, csvArchive: AttachmentCandidate?, limit: MessageSizeLimit,
                             messageSize: (AttachmentPlan) -> Int) -> AttachmentPlan {
        var attached = [workbook, csvArchive].compactMap { $0 }
        var leftOut: [AttachmentCandidate] = []
        var plan = AttachmentPlan(attached: attached, leftOut: [], reason: nil)
        for kind in [AttachmentCandidate.Kind.csvArchive, .workbook] {
            guard let maximum = limit.bytes, messageSize(plan) > maximum else { break }
            if let index = attached.firstIndex(where: { $0.kind == kind }) {
                leftOut.append(attached.remove(at: index))
                plan = AttachmentPlan(attached: attached, leftOut: leftOut, reason: .overLimit(limit))
            }
        }
        return plan
    }

    /// The plan for the message sent once more after `plan`'s was refused as too big
    /// with `reply`: no attachments, every file named in the note.
    package static func withoutAttachments(after plan: AttachmentPlan, refusal reply: String) -> AttachmentPlan {
        AttachmentPlan(attached: [], leftOut: plan.leftOut + plan.attached.reversed(), reason: .refusedAsTooBig(reply: reply))
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

    /// Why files were left out, for the note, the log and `run.json`, e.g. `with them
    /// it would be larger than 10 MB, the limit of max_attachments_mb`; nil when none were.
    package var reasonText: String? {
        switch reason {
        case nil:
            return nil
        case .overLimit(let limit):
            return "with them it would be larger than \(limit.description ?? "the limit")"
        case .refusedAsTooBig(let reply):
            return "the mail server refused it as too big with them (\(reply))"
        }
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
        let files = leftOut.count == 1 ? "This file was" : "These files were"
        return "\(files) left out of this email because \(reasonText ?? "of its size"):"
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
