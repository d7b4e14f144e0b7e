@testable import SMSCore
@testable import SMSIngest
@testable import SMSSupport

/// libFuzzer's entry point: parses the input as each kind of snapshot body. Any
/// outcome but a crash is fine; a parsed file must only point at texts it holds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReportFileParser(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    var parser = ReportFileParser(statusMap: .standard, operators: .standard)
    for kind in [ReportFileParser.BodyKind.page, .batchReport, .batchIDs] {
        do throws(ReportError) {
            let file = try parser.parse(bytes, path: "fuzz.json", kind: kind)
            for recipient in file.recipients {
                precondition(Int(recipient.textIndex) < file.texts.count, "a row points past the file's texts")
                precondition(Int(recipient.rowIndex) < file.rowCount, "a row index past the rows read")
            }
            if let pageCount = file.pageCount {
                precondition(pageCount >= 0, "a negative count was accepted")
            }
        } catch {
            precondition(error.exitStatus == .usageError, "a bad snapshot file must be exit 2: \(error)")
            _ = error.description
        }
    }
    return 0
}
