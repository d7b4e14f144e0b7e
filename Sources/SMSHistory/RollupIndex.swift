/// Rollup positions by packed key, remembering the last key looked up: the
/// recipients of one message, which come together, mostly share a rollup.
struct RollupIndex {
    private var indexByKey: [Int: Int] = [:]
    private var lastKey = -1
    private var lastIndex = 0

    /// The position of `key`'s rollup, if it has one.
    mutating func index(of key: Int) -> Int? {
        if key == lastKey { return lastIndex }
        guard let index = indexByKey[key] else { return nil }
        lastKey = key
        lastIndex = index
        return index
    }

    /// Records the position of a new key's rollup.
    mutating func insert(_ key: Int, at index: Int) {
        indexByKey[key] = index
        lastKey = key
        lastIndex = index
    }
}
