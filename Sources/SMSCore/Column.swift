/// The kind of values a column holds.
package enum ColumnKind: Sendable, Equatable {
    case text
    case integer
    case number
    /// An amount of money: a `.number` cell holding a decimal with exactly 2 places.
    case money
    case rate
    case seconds
    case timestamp
    case day
    case boolean
    /// A column whose rows hold values of different kinds (the summary's `value`).
    case mixed
}

/// A named, typed column of a table.
package struct Column: Sendable, Equatable {
    package var name: String
    package var kind: ColumnKind

    package init(_ name: String, _ kind: ColumnKind) {
        self.name = name
        self.kind = kind
    }
}
