@testable import GatewayAPI

/// libFuzzer's entry point: reads the input as a page body the way fetch does, and as
/// a `next` link. Neither may crash; what fetch does with odd values is its own test.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPageSummary(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let body = Array(UnsafeRawBufferPointer(start: start, count: count))
    if let summary = PageSummary(body: body) {
        precondition(summary.rowCount >= 0, "a negative row count")
        if let next = summary.next {
            _ = PageSummary.pageNumber(inLink: next)
        }
    }
    _ = PageSummary.pageNumber(inLink: String(decoding: body, as: UTF8.self))
    return 0
}
