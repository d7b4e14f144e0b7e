/// The pages of `GET /api/sms-report/?page=N`: every message, newest first, `pageSize`
/// rows a page, chained by `next` and `previous` links as Django REST Framework writes them.
///
/// With ``Quirk/pageShift`` planted, the last row of the middle page is repeated at the
/// top of the next page, as when a new message arrives while the pages are read, and
/// every later row moves down by one. `count` stays the number of distinct rows, so
/// the rows served are one more than `count` (and may need one more page).
package struct ReportPages: Sendable {
    /// Why a page size was refused.
    package struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        /// One line naming the problem.
        package let description: String
    }

    /// The row served twice: last on one page and first on the next.
    package struct RepeatedRow: Sendable, Hashable {
        /// The page whose first row repeats the previous page's last row.
        package let page: Int
        /// The repeated message's index in ``World/messages``.
        package let messageIndex: Int
    }

    /// The page sizes accepted.
    package static let pageSizes = 1...10_000

    /// The world the pages show.
    package let world: World
    /// Rows per page.
    package let pageSize: Int
    /// The scheme and host the links name, such as `https://dicesms.asia`.
    package let baseURL: String
    /// The repeated row, when the world has ``Quirk/pageShift`` and more than one page.
    package let repeatedRow: RepeatedRow?

    /// The position, in serving order, of the repeated copy.
    private let repeatedPosition: Int?

    /// Pages of `pageSize` rows (see ``pageSizes``) with links under `baseURL`.
    package init(world: World, pageSize: Int, baseURL: String = SnapshotWriter.baseURL) throws(Invalid) {
        guard Self.pageSizes.contains(pageSize) else {
            throw Invalid(description: "page size must be between 1 and 10000, not \(pageSize)")
        }
        self.world = world
        self.pageSize = pageSize
        self.baseURL = baseURL
        let rowCount = world.messages.count
        if world.quirks.count(of: .pageShift) > 0, rowCount > pageSize {
            let distinctPages = (rowCount + pageSize - 1) / pageSize
            let page = max(1, distinctPages / 2)
            let position = page * pageSize
            repeatedPosition = position
            repeatedRow = RepeatedRow(page: page + 1, messageIndex: rowCount - position)
        } else {
            repeatedPosition = nil
            repeatedRow = nil
        }
    }

    /// `count` in every page: the number of distinct rows.
    package var count: Int {
        world.messages.count
    }

    /// How many pages there are; at least 1, even for an empty world.
    package var pageCount: Int {
        max(1, (servedRowCount + pageSize - 1) / pageSize)
    }

    /// The API path of page `number`, such as `/api/sms-report/?page=2`.
    package static func path(ofPage number: Int) -> String {
        "/api/sms-report/?page=\(number)"
    }

    /// The indices into ``World/messages`` of the rows on page `number` (1-based), in order.
    package func messageIndices(onPage number: Int) -> [Int] {
        guard (1...pageCount).contains(number) else { return [] }
        let start = (number - 1) * pageSize
        let end = min(start + pageSize, servedRowCount)
        return (start..<end).map(messageIndex(atServedPosition:))
    }

    /// The body of page `number`; for a page past the last, the 404 body
    /// `{"detail":"Invalid page."}` that the API answers.
    package func body(ofPage number: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        appendBody(ofPage: number, to: &bytes)
        return bytes
    }

    /// Appends the body of page `number` to `bytes`, so that one buffer can serve every page.
    package func appendBody(ofPage number: Int, to bytes: inout [UInt8]) {
        guard (1...pageCount).contains(number) else {
            bytes.appendASCII("{\"detail\":\"Invalid page.\"}")
            return
        }
        bytes.appendASCII("{\"count\":")
        bytes.appendDecimal(count)
        bytes.appendASCII(",\"next\":")
        if number < pageCount {
            bytes.appendJSONString(baseURL + Self.path(ofPage: number + 1))
        } else {
            bytes.appendASCII("null")
        }
        bytes.appendASCII(",\"previous\":")
        switch number {
        case 1:
            bytes.appendASCII("null")
        case 2:
            bytes.appendJSONString(baseURL + "/api/sms-report/")
        default:
            bytes.appendJSONString(baseURL + Self.path(ofPage: number - 1))
        }
        bytes.appendASCII(",\"results\":[")
        for (offset, index) in messageIndices(onPage: number).enumerated() {
            if offset > 0 {
                bytes.append(UInt8(ascii: ","))
            }
            let message = world.messages[index]
            bytes.appendReportRow(message, status: message.reportRow)
        }
        bytes.appendASCII("]}")
    }

    private var servedRowCount: Int {
        world.messages.count + (repeatedPosition == nil ? 0 : 1)
    }

    private func messageIndex(atServedPosition position: Int) -> Int {
        var newestFirstPosition = position
        if let repeatedPosition, position >= repeatedPosition {
            newestFirstPosition -= 1
        }
        return world.messages.count - 1 - newestFirstPosition
    }
}
