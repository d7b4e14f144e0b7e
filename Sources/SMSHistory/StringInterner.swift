/// Gives each distinct string a small id, the first time it is met.
///
/// Remembers the last string looked up, so a run of equal strings (the recipients of
/// one message share its batch and, mostly, its status) costs one comparison each
/// instead of a hash.
struct StringInterner {
    /// The strings, by id.
    private(set) var names: [String] = []
    private var idByName: [String: Int32] = [:]
    private var lastName: String?
    private var lastID: Int32 = 0

    /// The id of `name`, created when new.
    mutating func id(of name: String) -> Int32 {
        if name == lastName { return lastID }
        let id: Int32
        if let known = idByName[name] {
            id = known
        } else {
            id = Int32(names.count)
            names.append(name)
            idByName[name] = id
        }
        lastName = name
        lastID = id
        return id
    }
}
