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
        /// A 64-bit hash of the text's bytes, made where the text is read (on every
        /// core), so the catalog's one-at-a-time merge only compares.
        package let fingerprint: UInt64

        /// The entry of `text`, with its encoding and segments counted.
        package init(text: String) {
            let segmentation = SegmentCounter.segmentation(of: text)
            self.text = text
            self.encoding = segmentation.encoding
            self.segments = segmentation.segments
            // A text has no more characters than UTF-8 bytes: most need no count.
            self.exceedsCellLimit = text.utf8.count > MessageCatalog.cellCharacterLimit
                && text.unicodeScalars.count > MessageCatalog.cellCharacterLimit
            self.fingerprint = ByteString(text).withBytes(textFingerprint)
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
    /// Open addressing by fingerprint: each slot holds an index into ``entries`` or -1,
    /// and the table is at most half full.
    private var slots = [Int32](repeating: -1, count: 16)
    /// One bit per entry, set when its text is longer than a cell holds: the entries
    /// outgrow the caches at ten million deliveries, and these bits do not.
    private var beyondCellLimitBits: [UInt64] = []

    package init() {}

    /// The index of `text`, adding it when it is new.
    package mutating func intern(_ text: String) -> Int32 {
        intern(Entry(text: text))
    }

    /// The index of the entry's text, adding the entry when the text is new.
    package mutating func intern(_ entry: Entry) -> Int32 {
        if entries.count * 2 >= slots.count {
            growSlots()
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: entry.fingerprint) & mask
        while slots[slot] >= 0 {
            // Fields read in place: a copy of the entry would retain its text.
            let index = Int(slots[slot])
            if entries[index].fingerprint == entry.fingerprint, entries[index].key == entry.key {
                return slots[slot]
            }
            slot = (slot + 1) & mask
        }
        let index = Int32(entries.count)
        entries.append(entry)
        if Int(index) % UInt64.bitWidth == 0 {
            beyondCellLimitBits.append(0)
        }
        if entry.exceedsCellLimit {
            beyondCellLimitBits[Int(index) / UInt64.bitWidth] |= 1 << (UInt64(index) % UInt64(UInt64.bitWidth))
        }
        slots[slot] = index
        return index
    }

    /// The entry at `index`.
    package subscript(index: Int32) -> Entry {
        entries[Int(index)]
    }

    /// True when the text at `index` is longer than a spreadsheet cell holds; read for
    /// every delivery, so from a bit per text instead of the entry, which at ten million
    /// deliveries is a cache miss.
    package func exceedsCellLimit(at index: Int32) -> Bool {
        beyondCellLimitBits[Int(index) / UInt64.bitWidth] & (1 << (UInt64(index) % UInt64(UInt64.bitWidth))) != 0
    }

    /// Doubles the slots and places every entry again.
    private mutating func growSlots() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.fingerprint) & mask
            while slots[slot] >= 0 {
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(index)
        }
    }
}
