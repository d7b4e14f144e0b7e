@testable import SMSRender
import Testing

/// Plain-text tables: columns padded to their widest cell.
@Suite struct TextTableTests {
    @Test func textIsLeftAndNumbersRightAligned() {
        let lines = TextTable.lines(header: ["operator", "deliveries"], rows: [["NTC", "1,234"], ["SMART", "7"]],
                                    rightAligned: [false, true])
        #expect(lines == [
            "operator  deliveries",
            "--------  ----------",
            "NTC            1,234",
            "SMART              7",
        ])
    }

    @Test func trailingSpacesAreTrimmed() {
        let lines = TextTable.lines(header: ["a", "b"], rows: [["long text", ""]], rightAligned: [false, false])
        #expect(lines[2] == "long text")
    }
}
