/// Counter-based pseudo-random numbers: the draw for a given seed, stream and index is
/// always the same, whatever was drawn before. A fault therefore depends only on the
/// request's sequence number, so the same run of requests meets the same faults.
enum SeededDraw {
    /// The independent concerns that draw numbers.
    enum Stream: UInt64 {
        case serverErrors = 1
        case droppedConnections = 2
        case arrivals = 3
        case lostRows = 4
    }

    /// 64 random bits for draw `index` of `stream`.
    static func bits(seed: UInt64, stream: Stream, index: Int) -> UInt64 {
        let streamed = mix(seed ^ (stream.rawValue &* 0xD1B5_4A32_D192_ED03))
        return mix(streamed &+ UInt64(bitPattern: Int64(index)) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// A uniform fraction in `0..<1` for draw `index` of `stream`.
    static func fraction(seed: UInt64, stream: Stream, index: Int) -> Double {
        Double(bits(seed: seed, stream: stream, index: index) >> 11) * 0x1p-53
    }

    /// The SplitMix64 finaliser: spreads every input bit over the output.
    private static func mix(_ value: UInt64) -> UInt64 {
        var mixed = value &+ 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
