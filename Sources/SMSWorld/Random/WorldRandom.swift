/// The world's pseudo-random numbers: xoshiro256** seeded through SplitMix64.
///
/// Every draw is plain integer arithmetic, so the same seed gives the same sequence on
/// every platform and Swift version. The standard library's `random(in:using:)` helpers
/// are not used on purpose: their algorithms are not promised to stay the same.
struct WorldRandom: Sendable {
    private var state0: UInt64
    private var state1: UInt64
    private var state2: UInt64
    private var state3: UInt64

    /// A generator whose whole sequence follows from `seed`.
    init(seed: UInt64) {
        var seeder = SplitMix64(state: seed)
        state0 = seeder.next()
        state1 = seeder.next()
        state2 = seeder.next()
        state3 = seeder.next()
    }

    /// A generator for one concern of the world (`stream`), independent of the others,
    /// so that adding draws to one concern leaves the others' sequences unchanged.
    init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(state: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        self.init(seed: mixer.next())
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        let result = rotateLeft(state1 &* 5, by: 7) &* 9
        let shifted = state1 << 17
        state2 ^= state0
        state3 ^= state1
        state1 ^= state2
        state0 ^= state3
        state2 ^= shifted
        state3 = rotateLeft(state3, by: 45)
        return result
    }

    /// A uniform integer in `0..<bound`; 0 when `bound` is not positive.
    /// Lemire's multiply-and-shift with rejection, so there is no modulo bias.
    mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// A uniform 64-bit integer in `0..<bound`; 0 when `bound` is not positive.
    mutating func below(_ bound: Int64) -> Int64 {
        Int64(below(Int(bound)))
    }

    /// A uniform integer in `range`.
    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform 64-bit integer in `range`.
    mutating func inRange(_ range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `numerator / denominator`.
    mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
        below(denominator) < numerator
    }

    /// One element of a non-empty array, uniformly.
    mutating func element<Element>(of items: [Element]) -> Element {
        items[below(items.count)]
    }

    private func rotateLeft(_ value: UInt64, by amount: UInt64) -> UInt64 {
        (value << amount) | (value >> (64 - amount))
    }
}

/// SplitMix64, used only to spread a seed over xoshiro's 256 bits of state.
private struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
