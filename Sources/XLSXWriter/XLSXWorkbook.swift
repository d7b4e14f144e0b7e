import CXlsxWriter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SMSSupport

/// How a workbook is written.
package struct XLSXWorkbookOptions: Sendable {
    /// Flush each row to a temporary file as soon as the next one starts, so memory
    /// stays flat however many rows are written. Rows must then be written in order.
    package var constantMemory: Bool
    /// The folder of libxlsxwriter's temporary files; nil for the system's.
    package var temporaryFolder: String?

    package init(constantMemory: Bool = true, temporaryFolder: String? = nil) {
        self.constantMemory = constantMemory
        self.temporaryFolder = temporaryFolder
    }
}

/// An XLSX workbook being written with libxlsxwriter. It owns the C workbook and
/// everything made from it: worksheets, formats and charts are handles that check,
/// on every use, that the workbook is still open.
///
/// The file appears at `path` only when ``close()`` succeeds. A workbook that is
/// never closed is abandoned when it is released: its memory and temporary files
/// are freed and no file is written.
///
/// Not `Sendable`: use a workbook and its handles from one task.
package final class XLSXWorkbook {
    /// The file the workbook is written to.
    package let path: String
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// Every worksheet made, so that an abandoned workbook can close their temporary files.
    private var worksheetHandles: [UnsafeMutablePointer<lxw_worksheet>] = []

    /// Starts a workbook that ``close()`` will write to `path`.
    package init(path: String, options: XLSXWorkbookOptions = XLSXWorkbookOptions()) throws(XLSXError) {
        self.path = path
        var settings = lxw_workbook_options()
        settings.constant_memory = options.constantMemory ? 1 : 0
        // libxlsxwriter copies the file name and the temporary folder before returning.
        let created: UnsafeMutablePointer<lxw_workbook>? = withOptionalCString(options.temporaryFolder) { folder in
            settings.tmpdir = folder.map { UnsafeMutablePointer(mutating: $0) }
            return workbook_new_opt(path, &settings)
        }
        guard let created else {
            throw .notCreated(function: "workbook_new_opt", reason: "could not allocate a workbook for \(path)")
        }
        handle = created
    }

    /// True until the workbook is closed or abandoned.
    package var isOpen: Bool {
        handle != nil
    }

    /// Adds a worksheet named `name` after the others. Characters that XML does not
    /// allow in the name become U+FFFD (``XMLText/replacingDisallowedCharacters(_:)``).
    package func addWorksheet(named requestedName: String) throws(XLSXError) -> XLSXWorksheet {
        let workbook = try liveHandle("workbook_add_worksheet")
        let name = XMLText.replacingDisallowedCharacters(requestedName)
        try XLSXError.check(workbook_validate_sheet_name(workbook, name), "workbook_validate_sheet_name")
        guard let sheet = workbook_add_worksheet(workbook, name) else {
            let reason = String(cString: strerror(errno))
            throw .notCreated(function: "workbook_add_worksheet",
                              reason: "could not create worksheet \"\(name)\" or its temporary file: \(reason)")
        }
        worksheetHandles.append(sheet)
        return XLSXWorksheet(workbook: self, handle: sheet, name: name)
    }

    /// Adds a cell format with `style`.
    package func addFormat(_ style: XLSXStyle) throws(XLSXError) -> XLSXFormat {
        let workbook = try liveHandle("workbook_add_format")
        if let numberFormat = style.numberFormat, numberFormat.utf8.count > XLSXLimits.numberFormatBytes {
            throw XLSXError(LXW_ERROR_128_STRING_LENGTH_EXCEEDED, function: "format_set_num_format")
        }
        guard let format = workbook_add_format(workbook) else {
            throw .notCreated(function: "workbook_add_format", reason: "could not allocate a format")
        }
        style.apply(to: format)
        return XLSXFormat(workbook: self, handle: format)
    }

    /// Adds a chart of `kind`, to be placed with ``XLSXWorksheet/insertChart(_:row:column:scale:)``.
    package func addChart(_ kind: XLSXChartKind) throws(XLSXError) -> XLSXChart {
        let workbook = try liveHandle("workbook_add_chart")
        guard let chart = workbook_add_chart(workbook, kind.libraryType) else {
            throw .notCreated(function: "workbook_add_chart", reason: "could not allocate a chart")
        }
        return XLSXChart(workbook: self, handle: chart, kind: kind)
    }

    /// Sets the document properties (File › Info in Excel). libxlsxwriter escapes only
    /// `& < >` in them, so characters that XML does not allow become U+FFFD first.
    package func setProperties(_ properties: XLSXDocumentProperties) throws(XLSXError) {
        let workbook = try liveHandle("workbook_set_properties")
        var copies: [UnsafeMutablePointer<CChar>?] = []
        defer { copies.forEach { free($0) } }
        // libxlsxwriter copies every string of the properties before returning.
        func copy(_ text: String) throws(XLSXError) -> UnsafeMutablePointer<CChar> {
            guard let duplicate = strdup(XMLText.replacingDisallowedCharacters(text)) else {
                throw .notCreated(function: "workbook_set_properties", reason: "could not copy a property")
            }
            copies.append(duplicate)
            return duplicate
        }
        var settings = lxw_doc_properties()
        settings.title = try copy(properties.title)
        settings.subject = try copy(properties.subject)
        settings.author = try copy(properties.author)
        settings.comments = try copy(properties.comments)
        settings.created = time_t(properties.createdUnixSeconds)
        try XLSXError.check(workbook_set_properties(workbook, &settings), "workbook_set_properties")
    }

    /// Writes the file and frees the workbook. Every handle is dead afterwards, even
    /// when writing fails.
    package func close() throws(XLSXError) {
        let workbook = try liveHandle("workbook_close")
        handle = nil
        worksheetHandles = []
        try XLSXError.check(workbook_close(workbook), "workbook_close")
    }

    /// Frees the workbook without writing it. Safe to call more than once.
    package func abandon() {
        guard let workbook = handle else { return }
        handle = nil
        // lxw_workbook_free leaves the worksheets' temporary files open; close them
        // here (they are already unlinked, so closing them frees their disk space).
        for sheet in worksheetHandles {
            if let file = sheet.pointee.optimize_tmpfile {
                fclose(file)
                sheet.pointee.optimize_tmpfile = nil
                sheet.pointee.file = nil
            }
        }
        worksheetHandles = []
        lxw_workbook_free(workbook)
    }

    /// The C workbook, or `workbookClosed` for `function` when it is gone.
    package func liveHandle(_ function: String) throws(XLSXError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw .workbookClosed(function: function) }
        return handle
    }

    deinit {
        abandon()
    }
}

/// Calls `body` with a C string of `text`, or with nil when `text` is nil.
private func withOptionalCString<Result>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> Result) -> Result {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
}
