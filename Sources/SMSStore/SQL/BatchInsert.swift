import SQLKit

/// Multi-row INSERTs: many rows per statement (a day's thousands of rollups in a few
/// round trips), in chunks that stay under the database's limit of bound values.
enum BatchInsert {
    static func insert(
        into table: String, columns: [String], rows: [[any Encodable & Sendable]],
        rowsPerStatement: Int, on database: any SQLDatabase
    ) async throws {
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(start + rowsPerStatement, rows.endIndex)
            var statement: SQLQueryString = "INSERT INTO \(ident: table) (\(idents: columns, joinedBy: ", ")) VALUES "
            for index in start..<end {
                if index > start { statement += ", " }
                statement += "(\(binds: rows[index]))"
            }
            try await database.raw(statement).run()
            start = end
        }
    }
}
