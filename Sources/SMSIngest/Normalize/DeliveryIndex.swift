/// Finds a delivery by its ``DeliveryKey``: the merger asks once per report row, so
/// this is an open-addressing table with a multiplicative hash instead of a
/// `Dictionary`, whose per-process seeded SipHash costs more than the rest of a lookup.
///
/// Slots hold indices into ``keys`` (the key of each delivery, in order), so a slot is
/// four bytes and the table stays at most half full.
struct DeliveryIndex {
    /// The key of each delivery, by index.
    private var keys: [DeliveryKey] = []
    /// Each slot holds a delivery's index, or ``empty``.
    private var slots: [Int32]
    private static let empty: Int32 = -1

    /// An index with room for `expected` deliveries before it grows.
    init(expected: Int) {
        keys.reserveCapacity(expected)
        HugePages.advise(capacityOf: &keys)
        slots = HugePages.array(repeating: Self.empty, count: Self.slotCount(for: expected))
    }

    /// The index of the delivery with `key`; when there is none, `key` is added as the
    /// next delivery (index = the number added so far) and nil is returned.
    mutating func indexOrAdd(_ key: DeliveryKey) -> Int32? {
        if keys.count * 2 >= slots.count {
            grow()
        }
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let index = slots[slot]
            if index == Self.empty {
                slots[slot] = Int32(keys.count)
                keys.append(key)
                return nil
            }
            if keys[Int(index)] == key {
                return index
            }
            slot = (slot + 1) & mask
        }
    }

    /// Brings the slots of `keys`, and the keys those slots point at, into the cache
    /// ahead of their lookups. A lookup is two dependent loads from tables of tens of
    /// MB, each a likely cache miss; the loads of a whole file's keys are independent of
    /// each other, so issued together here the memory system serves them side by side
    /// instead of one miss at a time.
    mutating func prefetch(_ keys: [DeliveryKey]) {
        let mask = slots.count - 1
        var touched: Int64 = 0
        slots.withUnsafeBufferPointer { slots in
            self.keys.withUnsafeBufferPointer { stored in
                for key in keys {
                    let index = slots[Self.hash(key) & mask]
                    if index != Self.empty {
                        touched &+= stored[Int(index)].sentAt
                    }
                }
            }
        }
        prefetchSink = touched
    }

    /// Where ``prefetch(_:)`` leaves what it read, so that its loads are not optimised away.
    private var prefetchSink: Int64 = 0

    /// Makes room for `expected` deliveries in all, so that the index grows no more
    /// before then; cheap while few keys are placed.
    mutating func reserve(_ expected: Int) {
        keys.reserveCapacity(expected)
        HugePages.advise(capacityOf: &keys)
        let count = Self.slotCount(for: expected)
        if count > slots.count {
            place(slotCount: count)
        }
    }

    /// Doubles the slots and places every key again.
    private mutating func grow() {
        place(slotCount: slots.count * 2)
    }

    /// Makes `slotCount` empty slots and places every key again.
    private mutating func place(slotCount: Int) {
        slots = HugePages.array(repeating: Self.empty, count: slotCount)
        let mask = slots.count - 1
        for (index, key) in keys.enumerated() {
            var slot = Self.hash(key) & mask
            while slots[slot] != Self.empty {
                slot = (slot + 1) & mask
            }
            slots[slot] = Int32(index)
        }
    }

    /// A power of two with at least twice `expected` slots (16 at least).
    private static func slotCount(for expected: Int) -> Int {
        var count = 16
        while count < expected * 2 {
            count *= 2
        }
        return count
    }

    /// Mixes the three parts so that instants a microsecond apart and phones a number
    /// apart land far from each other; the high bits are the best mixed, so they are
    /// folded down.
    private static func hash(_ key: DeliveryKey) -> Int {
        var mixed = UInt64(bitPattern: key.sentAt) &* 0x9E37_79B9_7F4A_7C15
        mixed ^= UInt64(bitPattern: key.phone) &* 0xC2B2_AE3D_27D4_EB4F
        mixed ^= UInt64(UInt32(bitPattern: key.messageID)) &* 0x1656_67B1_9E37_79F9
        mixed ^= mixed >> 32
        mixed &*= 0xD6E8_FEB8_6659_FD93
        mixed ^= mixed >> 29
        return Int(truncatingIfNeeded: mixed)
    }
}
