/// The distinct message texts of a snapshot, each stored once with its SMS encoding
/// and segment count. Deliveries refer to a text by its index.
package struct MessageCatalog: Sendable {
    /// One distinct text with what is known of it on the air.
    package struct Entry: Sendable {
        package var text: String
        package var encoding: SMSEncoding
        package var segments: Int
        /// True when the text is longer than a spreadsheet cell holds (contract §5).
        package var exceedsCellLimit: Bool

        /// The entry of `text`, with its encoding and segments counted.
        package init(text: String) {
            let segmentation = SegmentCounter.segmentation(of: text)
            self.text = text
            self.encoding = segmentation.encoding
            self.segments = segmentation.segments
            // A text has no more characters than UTF-8 bytes: most need no count.
            self.exceedsCellLimit = text.utf8.count > MessageCatalog.cellCharacterLimit
                && text.unicodeScalars.count > MessageCatalog.cellCharacterLimit
        }

        /// The text as a key: texts are told apart by their UTF-8 bytes.
        package var key: ByteString {
            ByteString(text)
        }
    }

    /// The most characters a spreadsheet cell holds (Excel's limit, 32,767).
    package static let cellCharacterLimit = 32_767

    /// The texts, by index.
    package private(set) var entries: [Entry] = []
    private var indexByText: [ByteString: Int32] = [:]

    package init() {}

    /// The index of `text`, adding it when it is new.
    package mutating func intern(_ text: String) -> Int32 {
        intern(Entry(text: text))
    }

    /// The index of the entry's text, adding the entry when the text is new.
    package mutating func intern(_ entry: Entry) -> Int32 {
        if let index = indexByText[entry.key] {
            return index
        }
        let index = Int32(entries.count)
        entries.append(entry)
        indexByText[entry.key] = index
        return index
    }

    /// The entry at `index`.
    package subscript(index: Int32) -> Entry {
        entries[Int(index)]
    }
}
