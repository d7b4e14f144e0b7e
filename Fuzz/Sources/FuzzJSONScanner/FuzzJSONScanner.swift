@testable import SnapshotFormat

/// libFuzzer's entry point: reads the input as one JSON value, and checks that the
/// scanner stays inside the input and that a value it accepts ends the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONScanner(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    var scanner = JSONScanner(bytes: bytes)
    do throws(JSONSyntaxError) {
        let value = try scanner.readValue()
        try scanner.expectEnd()
        precondition(scanner.position == bytes.count, "an accepted value did not end at the end of the input")
        _ = value["error"]
    } catch {
        precondition(error.line >= 1 && error.column >= 1, "an error outside the text: \(error)")
    }
    precondition(scanner.position <= bytes.count, "the scanner read past the input")
    return 0
}
