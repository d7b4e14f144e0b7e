/// A fixed choice among values with integer weights, drawn with ``WorldRandom``.
struct Weighted<Value: Sendable>: Sendable {
    private let values: [Value]
    private let cumulativeWeights: [Int]
    private let totalWeight: Int

    /// The choices, each with its weight; a weight of 0 is never drawn.
    /// The list must hold at least one positive weight.
    init(_ choices: [(Value, Int)]) {
        var running = 0
        var cumulative: [Int] = []
        cumulative.reserveCapacity(choices.count)
        for (_, weight) in choices {
            running += max(0, weight)
            cumulative.append(running)
        }
        values = choices.map(\.0)
        cumulativeWeights = cumulative
        totalWeight = running
    }

    /// One value, with probability proportional to its weight.
    func draw(using random: inout WorldRandom) -> Value {
        let ticket = random.below(totalWeight)
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > ticket {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return values[low]
    }
}
