import Foundation
@testable import SMSCore
@testable import SMSIngest
@testable import SMSSupport
@testable import SnapshotFormat

/// libFuzzer's entry point: parses the input as each kind of snapshot body, and as a
/// manifest. Any outcome but a crash is fine; a parsed file must only point into the
/// tables it holds, and a manifest the scanner reads must be the one `JSONDecoder` reads.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReportFileParser(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    if let scanned = Manifest.scanned(from: bytes) {
        let decoded = try? JSONDecoder().decode(Manifest.self, from: Data(bytes))
        precondition(decoded == scanned, "the scanner read a manifest that JSONDecoder reads otherwise")
    }
    var parser = ReportFileParser(statusMap: .standard)
    for kind in [ReportFileParser.BodyKind.page, .batchReport, .batchIDs] {
        do throws(ReportError) {
            let file = try parser.parse(bytes, path: "fuzz.json", kind: kind)
            for recipient in file.recipients {
                precondition(Int(recipient.textIndex) < file.texts.count, "a row points past the file's texts")
                precondition(Int(recipient.rowIndex) < file.rowCount, "a row index past the rows read")
                precondition(Int(recipient.statusIndex) < file.statuses.count, "a row points past the file's statuses")
                precondition(Int(recipient.nameIndex) < file.names.count, "a recipient points past the file's names")
                precondition(recipient.phoneIsValid || Int(-1 - recipient.phone) < file.invalidPhones.count,
                             "a recipient points past the file's invalid phones")
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
