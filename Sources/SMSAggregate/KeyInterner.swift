/// Gives each distinct key a small index, the first time it is met.
///
/// Remembers the last key looked up: deliveries come in order of `sent_at`, so runs of
/// them share a batch, a day or a status, and each of those costs one comparison
/// instead of a hash.
package struct KeyInterner<Key: Hashable> {
    /// The keys, by index.
    package private(set) var keys: [Key] = []
    private var indexByKey: [Key: Int32] = [:]
    private var lastKey: Key?
    private var lastIndex: Int32 = 0

    package init() {}

    /// The index of `key`, made when the key is new.
    package mutating func index(of key: Key) -> Int32 {
        if let lastKey, lastKey == key {
            return lastIndex
        }
        let index: Int32
        if let known = indexByKey[key] {
            index = known
        } else {
            index = Int32(keys.count)
            keys.append(key)
            indexByKey[key] = index
        }
        lastKey = key
        lastIndex = index
        return index
    }
}
