import Foundation
@testable import SMSRun
import Testing
import ZIPFoundation

/// Contract §5 / issue 21: the CSVs in the emailed zip are the files on disk, after a
/// UTF-8 BOM where one applies, and never with two.
@Suite struct CSVArchiveTests {
    private static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A folder with a small CSV, one larger than ZIPFoundation's read chunks, and one
    /// that already starts with a BOM (as `csv_bom: always` writes it).
    private func csvFolder() throws -> (folder: TemporaryFolder, files: [String]) {
        let folder = try TemporaryFolder()
        try folder.write("batch_id,deliveries\nतिहार-शुभकामना,3\n", to: "batches.csv")
        let rows = (0..<4_000).map { "98412\($0),राम बहादुर,\"a, b\"\n" }.joined()
        try folder.write("phone,client,text\n" + rows, to: "deliveries.csv")
        try folder.write("\u{FEFF}day,deliveries\n2025-11-04,10\n", to: "by_day.csv")
        return (folder, ["batches.csv", "deliveries.csv", "by_day.csv"].map { folder.path + "/" + $0 })
    }

    /// Each entry of `zip`, by name, as the bytes an unzip tool gives.
    private func entries(_ zip: Data) throws -> [String: [UInt8]] {
        let archive = try Archive(data: zip, accessMode: .read)
        var entries: [String: [UInt8]] = [:]
        for entry in archive {
            var bytes: [UInt8] = []
            _ = try archive.extract(entry) { bytes.append(contentsOf: $0) }
            entries[entry.path] = bytes
        }
        return entries
    }

    private func onDisk(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func markedEntriesAreTheFilesOnDiskAfterExactlyOneBOM() throws {
        let (folder, files) = try csvFolder()
        let zipped = try entries(CSVArchive.zip(files, byteOrderMark: true))
        #expect(zipped.keys.sorted() == ["batches.csv", "by_day.csv", "deliveries.csv"])
        #expect(try onDisk(files[1]).count > 100_000, "larger than one read chunk")
        for name in ["batches.csv", "deliveries.csv"] {
            #expect(zipped[name] == Self.mark + (try onDisk(folder.path + "/" + name)), "\(name)")
        }
        let alreadyMarked = try onDisk(folder.path + "/by_day.csv")
        #expect(alreadyMarked.prefix(3) == Self.mark[...])
        #expect(zipped["by_day.csv"] == alreadyMarked, "one BOM, not two")
    }

    @Test func unmarkedEntriesAreTheFilesOnDiskAsTheyAre() throws {
        let (folder, files) = try csvFolder()
        let zipped = try entries(CSVArchive.zip(Array(files.prefix(2)), byteOrderMark: false))
        for name in ["batches.csv", "deliveries.csv"] {
            #expect(zipped[name] == (try onDisk(folder.path + "/" + name)), "\(name)")
        }
    }

    @Test func theEmailMarksItsCSVsByDefault() throws {
        let (folder, files) = try csvFolder()
        try folder.write("report\n", to: "report.txt")
        let composed = try ReportEmail.read(folder: folder.path, files: files + [folder.path + "/report.txt"],
                                            from: MIMEFixtures.address("r@example.com"),
                                            to: [MIMEFixtures.address("ops@acme.example")], subject: MIMEFixtures.subject)
            .composed(within: MessageSizeLimit(configured: nil), date: Date(), timeZone: .current)
        let zip = try #require(composed.message.attachments.first { $0.fileName == ReportEmail.csvArchiveFileName })
        #expect(try entries(zip.data)["batches.csv"]?.prefix(3) == Self.mark[...])
    }
}
