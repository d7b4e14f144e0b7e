/// The distinct message texts of a snapshot, each stored once with its SMS encoding
/// and segment count. Deliveries refer to a text by its index.
public struct MessageCatalog: Sendable {
    /// One distinct text.
    public struct Entry: Sendable {
        public var text: String
        public var encoding: SMSEncoding
        public var segments: Int
        /// True when the text is longer than a spreadsheet cell holds (contract §5).
        public var exceedsCellLimit: Bool
    }

    /// The most characters a spreadsheet cell holds (Excel's limit, 32,767).
    public static let cellCharacterLimit = 32_767

    /// The texts, by index.
    public private(set) var entries: [Entry] = []
    private var indexByText: [ByteString: Int32] = [:]

    public init() {}

    /// The index of `text`, adding it when it is new.
    public mutating func intern(_ text: String) -> Int32 {
        let key = ByteString(Array(text.utf8))
        if let index = indexByText[key] {
            return index
        }
        let index = Int32(entries.count)
        let segmentation = SegmentCounter.segmentation(of: text)
        entries.append(Entry(
            text: text, encoding: segmentation.encoding, segments: segmentation.segments,
            exceedsCellLimit: text.unicodeScalars.count > MessageCatalog.cellCharacterLimit))
        indexByText[key] = index
        return index
    }

    /// The entry at `index`.
    public subscript(index: Int32) -> Entry {
        entries[Int(index)]
    }
}
