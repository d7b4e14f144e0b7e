import Foundation
import SMSCore
@testable import SMSRender
import Testing

/// Contract §5 / issue 21: a CSV on disk starts with a UTF-8 BOM only when asked for.
@Suite struct CSVByteOrderMarkTests {
    private let table = Table(name: "batches", columns: [Column("batch_id", .text), Column("deliveries", .integer)],
                              rows: [[.text("तिहार-शुभकामना"), .integer(3)], [.text("=SUM(A1)"), .integer(1)]])

    private func written(_ renderer: CSVRenderer, in folder: TemporaryFolder, as name: String) async throws -> [UInt8] {
        let path = folder.path + "/" + name
        try await renderer.write(table, timeZone: .kathmandu, to: path)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func aMarkedFileIsTheUnmarkedFileAfterTheThreeBytes() async throws {
        let folder = try TemporaryFolder()
        let plain = try await written(CSVRenderer(), in: folder, as: "plain.csv")
        let marked = try await written(CSVRenderer(writesByteOrderMark: true), in: folder, as: "marked.csv")
        #expect(plain.starts(with: "batch_id".utf8), "no BOM by default")
        #expect(marked.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(Array(marked.dropFirst(3)) == plain)
        #expect(String(decoding: plain, as: UTF8.self) == "batch_id,deliveries\nतिहार-शुभकामना,3\n'=SUM(A1),1\n")
    }

    @Test func eachChoiceOfCSVBOMSaysWhereTheMarkGoes() {
        #expect(CSVByteOrderMark.email.marksEmailedFiles && !CSVByteOrderMark.email.marksFilesOnDisk)
        #expect(CSVByteOrderMark.always.marksEmailedFiles && CSVByteOrderMark.always.marksFilesOnDisk)
        #expect(!CSVByteOrderMark.never.marksEmailedFiles && !CSVByteOrderMark.never.marksFilesOnDisk)
        #expect(CSVByteOrderMark.utf8Bytes == Array("\u{FEFF}".utf8))
    }
}
