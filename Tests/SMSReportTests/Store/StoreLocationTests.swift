import SMSStore
import Testing

@Suite("Store location")
struct StoreLocationTests {
    @Test func aPostgresURLNamesUserHostPortAndDatabase() throws {
        #expect(try StoreLocation.parse("postgres://report@db.example.com:6543/history", relativeTo: nil)
            == .postgres(PostgresStoreAddress(user: "report", host: "db.example.com", port: 6543, database: "history")))
        #expect(try StoreLocation.parse("POSTGRESQL://report@db/history", relativeTo: "/etc")
            == .postgres(PostgresStoreAddress(user: "report", host: "db", port: 5432, database: "history")))
        #expect(try StoreLocation.parse("postgres://a%40b@[::1]:5433/my%20db", relativeTo: nil)
            == .postgres(PostgresStoreAddress(user: "a@b", host: "::1", port: 5433, database: "my db")))
    }

    @Test(arguments: ["postgres://report:s3cr3t-pw@db/history", "postgres://report:@db/history",
                      "postgresql://report:s3cr3t-pw@db:bad/", "postgres://x:s3cr3t-pw@s3cr3t-pw@h/d"])
    func aPasswordInTheURLIsRefusedWithoutRepeatingIt(_ url: String) {
        #expect(throws: StoreError.passwordInURL) { try StoreLocation.parse(url, relativeTo: nil) }
        #expect(!StoreError.passwordInURL.description.contains("s3cr3t"))
        #expect(StoreError.passwordInURL.exitStatus == .usageError)
    }

    @Test(arguments: ["postgres://db/history", "postgres://@db/history", "postgres://report@db", "postgres://report@db/",
                      "postgres://report@/history", "postgres://report@db:0/history", "postgres://report@db:70000/history",
                      "postgres://report@db:54x/history", "postgres://report@db/history?password=s3cr3t-pw",
                      "postgres://report@[::1/history", "mysql://report:s3cr3t-pw@db/history", ""])
    func aBadStoreIsAUsageErrorThatRepeatsNoSecret(_ text: String) {
        let error = #expect(throws: StoreError.self) { try StoreLocation.parse(text, relativeTo: nil) }
        guard case .invalidLocation = error else {
            Issue.record("expected invalidLocation, got \(String(describing: error))")
            return
        }
        #expect(error?.exitStatus == .usageError)
        #expect(error?.description.contains("s3cr3t") == false)
    }

    @Test func anyOtherTextIsASQLiteFileResolvedAgainstTheConfigFolder() throws {
        #expect(try StoreLocation.parse("history.sqlite", relativeTo: "/srv/sms") == .sqlite(path: "/srv/sms/history.sqlite"))
        #expect(try StoreLocation.parse("../data/h.db", relativeTo: "/srv/sms/") == .sqlite(path: "/srv/data/h.db"))
        #expect(try StoreLocation.parse("/var/lib/h.db", relativeTo: "/srv/sms") == .sqlite(path: "/var/lib/h.db"))
        #expect(try StoreLocation.parse("h.db", relativeTo: nil) == .sqlite(path: "h.db"))
    }

    @Test func theDescriptionNeverHoldsAPassword() {
        let address = PostgresStoreAddress(user: "report", host: "db", port: 5432, database: "history")
        #expect(StoreLocation.postgres(address).description == "postgres://report@db:5432/history")
    }
}
