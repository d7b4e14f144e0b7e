/// A seeded generator, for random test inputs that a failure can reproduce (a 64-bit
/// linear congruential generator: its high bits, which `random(in:using:)` uses, are
/// well mixed).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}
