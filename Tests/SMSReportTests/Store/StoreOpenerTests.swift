import Foundation
import SMSStore
import Testing

@Suite("Opening a store")
struct StoreOpenerTests {
    @Test func aPostgresStoreWithoutItsPasswordVariableIsAUsageError() async {
        let location = StoreLocation.postgres(PostgresStoreAddress(user: "report", host: "127.0.0.1", port: 1, database: "h"))
        await #expect(throws: StoreError.missingPassword(variable: "MY_STORE_PASSWORD")) {
            try await StoreOpener.open(location, passwordVariable: "MY_STORE_PASSWORD", environment: [:], logger: StoreFixture.logger)
        }
    }

    @Test func aWrongPasswordCannotOpenTheStoreAndIsNotRepeated() async throws {
        let (address, _) = try TestPostgresServer.address()
        let wrong = "not-the-Pa55word-\(UUID().uuidString)"
        let error = await #expect(throws: StoreError.self) {
            try await StoreOpener.open(.postgres(address), environment: [StoreLocation.defaultPasswordVariable: wrong],
                                       logger: StoreFixture.logger)
        }
        guard case .cannotOpen(let store, _) = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(store == address.description)
        #expect(error?.description.contains(wrong) == false)
        #expect(error?.exitStatus == .usageError)
    }

    @Test func anUnreachableServerCannotOpenTheStore() async throws {
        let address = PostgresStoreAddress(user: "report", host: "127.0.0.1", port: 9, database: "h")
        let error = await #expect(throws: StoreError.self) {
            try await StoreOpener.open(.postgres(address), environment: [StoreLocation.defaultPasswordVariable: "pw-123456"],
                                       logger: StoreFixture.logger)
        }
        guard case .cannotOpen = error else {
            Issue.record("expected cannotOpen, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("pw-123456") == false)
    }

    @Test func aSQLiteStoreIsCreatedWithItsFolderInWALMode() async throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/new/deeper/history.sqlite"
        let store = try await StoreOpener.open(.sqlite(path: path), logger: StoreFixture.logger)
        #expect(try await store.schemaVersion == 1)
        await store.close()
        #expect(FileManager.default.fileExists(atPath: path))
        let header = try #require(FileHandle(forReadingAtPath: path)).readData(ofLength: 20)
        #expect(header.count == 20 && header[18] == 2 && header[19] == 2, "file format bytes 18-19 are 2 in WAL mode")
    }

    @Test func aFileThatIsNotADatabaseCannotBeOpened() async throws {
        let folder = try TemporaryFolder()
        try folder.write(String(repeating: "not a database\n", count: 100), to: "history.sqlite")
        let error = await #expect(throws: StoreError.self) {
            try await StoreOpener.open(.sqlite(path: folder.path + "/history.sqlite"), logger: StoreFixture.logger)
        }
        #expect(error?.exitStatus == .usageError)
    }
}
