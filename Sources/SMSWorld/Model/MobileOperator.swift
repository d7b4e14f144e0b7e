/// The mobile operator a number belongs to, as the world assigns it (contract §3).
package enum MobileOperator: String, Sendable, Hashable, CaseIterable {
    case ntc = "NTC"
    case ncell = "NCELL"
    case smart = "SMART"
    case utl = "UTL"
    /// A valid number whose prefix no operator in the default table owns.
    case other = "OTHER"
    /// A number that is not valid.
    case invalid = "INVALID"

    /// The three-digit prefixes the world gives this operator's numbers.
    package var prefixes: [Int] {
        switch self {
        case .ntc: [984, 985, 986, 974, 975, 976]
        case .ncell: [980, 981, 982, 970]
        case .smart: [961, 962, 988]
        case .utl: [972]
        case .other: [963]
        case .invalid: []
        }
    }
}
