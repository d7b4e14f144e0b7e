import CXlsxWriter

/// A libxlsxwriter failure, as a typed value. Every `lxw_error` the library returns
/// becomes ``library(function:code:message:)`` with the library's own `lxw_strerror`
/// text, so a user sees what libxlsxwriter said.
package enum XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `function` returned the `lxw_error` `code`; `message` is its `lxw_strerror` text.
    case library(function: String, code: UInt32, message: String)
    /// `function` returned no object (it could not allocate memory, or create a
    /// worksheet's temporary file); `reason` says which.
    case notCreated(function: String, reason: String)
    /// A worksheet, format or chart was used after its workbook was closed or abandoned.
    case workbookClosed(function: String)
    /// A format or chart of one workbook was handed to another.
    case foreignHandle(function: String)
    /// The task writing the workbook was cancelled; the workbook is left unfinished.
    case cancelled

    package var description: String {
        switch self {
        case let .library(function, _, message):
            return "libxlsxwriter \(function): \(message)"
        case let .notCreated(function, reason):
            return "libxlsxwriter \(function): \(reason)"
        case let .workbookClosed(function):
            return "libxlsxwriter \(function): the workbook is already closed"
        case let .foreignHandle(function):
            return "libxlsxwriter \(function): the format or chart belongs to another workbook"
        case .cancelled:
            return "the workbook was cancelled before it was complete"
        }
    }

    /// The error for `code` returned by `function`.
    package init(_ code: lxw_error, function: String) {
        self = .library(function: function, code: code.rawValue, message: String(cString: lxw_strerror(code)))
    }

    /// Throws when `result` is not `LXW_NO_ERROR`.
    package static func check(_ result: lxw_error, _ function: String) throws(XLSXError) {
        if result != LXW_NO_ERROR {
            throw XLSXError(result, function: function)
        }
    }
}
