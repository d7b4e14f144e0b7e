/// The distinct message texts of a snapshot, each stored once with its SMS encoding
/// and segment count. Deliveries refer to a text by its index.
public struct MessageCatalog: Sendable {
    /// One distinct text with what is known of it on the air.
    public struct Entry: Sendable {
        public var text: String
        public var encoding: SMSEncoding
        public var segments: Int
        /// True when the text is longer than a spreadsheet cell holds (contract §5).
        public var exceedsCellLimit: Bool
        /// The text's UTF-8 bytes, by which texts are told apart.
        package let key: ByteString

        /// The entry of `text`, with its encoding and segments counted.
        public init(text: String) {
            self.init(text: text, key: ByteString(Array(text.utf8)))
        }

        package init(text: String, key: ByteString) {
            let segmentation = SegmentCounter.segmentation(of: text)
            self.text = text
            self.encoding = segmentation.encoding
            self.segments = segmentation.segments
            self.exceedsCellLimit = text.unicodeScalars.count > MessageCatalog.cellCharacterLimit
            self.key = key
        }
    }

    /// The most characters a spreadsheet cell holds (Excel's limit, 32,767).
    public static let cellCharacterLimit = 32_767

    /// The texts, by index.
    public private(set) var entries: [Entry] = []
    private var indexByText: [ByteString: Int32] = [:]

    public init() {}

    /// The index of `text`, adding it when it is new.
    public mutating func intern(_ text: String) -> Int32 {
        intern(Entry(text: text))
    }

    /// The index of the entry's text, adding the entry when the text is new.
    public mutating func intern(_ entry: Entry) -> Int32 {
        if let index = indexByText[entry.key] {
            return index
        }
        let index = Int32(entries.count)
        entries.append(entry)
        indexByText[entry.key] = index
        return index
    }

    /// The entry at `index`.
    public subscript(index: Int32) -> Entry {
        entries[Int(index)]
    }
}
