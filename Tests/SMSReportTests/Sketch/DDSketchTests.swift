@testable import QuantileSketch
import Testing

/// The latency sketch (contract §9): bytes that read back to the same sketch,
/// merging as the union, and bytes that are not a sketch refused, never a crash.
@Suite struct DDSketchTests {
    static func sketch(_ values: [Int64]) -> DDSketch {
        var sketch = DDSketch()
        for value in values { sketch.add(value) }
        return sketch
    }

    static let values: [Int64] = (1...5_000).map { Int64($0) * Int64($0) % 9_999_991 + 1 }

    @Test func encodedBytesReadBackToTheSameSketch() throws {
        let sketch = Self.sketch(Self.values + [0, 0, 7])
        let decoded = try DDSketch(encoded: sketch.encoded)
        #expect(decoded == sketch)
        #expect(decoded.quantile(percent: 95) == sketch.quantile(percent: 95))
    }

    @Test func mergeEqualsTheSketchOfTheUnion() {
        let (left, right) = (Array(Self.values.prefix(2_000)), Array(Self.values.dropFirst(2_000)) + [0])
        var merged = Self.sketch(left)
        merged.merge(Self.sketch(right))
        #expect(merged == Self.sketch(left + right))
        for percent in [1, 50, 90, 95, 99, 100] {
            #expect(merged.quantile(percent: percent) == Self.sketch(right + left).quantile(percent: percent))
        }
    }

    @Test func quantilesAreWithinOnePercentOfNearestRank() throws {
        let sorted = Self.values.sorted()
        let sketch = Self.sketch(Self.values)
        for percent in [50, 90, 95, 99] {
            let exact = sorted[(percent * sorted.count + 99) / 100 - 1]
            let approx = try #require(sketch.quantile(percent: percent))
            #expect(abs(Double(approx - exact)) / Double(exact) <= 0.01)
        }
    }

    @Test func emptySketchHasNoQuantileAndRoundTrips() throws {
        let empty = DDSketch()
        #expect(empty.count == 0)
        #expect(empty.quantile(percent: 50) == nil)
        #expect(try DDSketch(encoded: empty.encoded) == empty)
        var merged = empty
        merged.merge(DDSketch())
        #expect(merged == empty)
    }

    @Test func zerosAreCountedAndReadBackAsZero() throws {
        let zeros = Self.sketch([0, 0, 0, 5_000])
        #expect(zeros.count == 4)
        #expect(zeros.quantile(percent: 50) == 0)
        #expect(zeros.quantile(percent: 75) == 0)
        #expect(zeros.quantile(percent: 100) == 5_000)
        #expect(try DDSketch(encoded: zeros.encoded) == zeros)
    }

    @Test func negativeValuesAreIgnored() {
        #expect(Self.sketch([-5, 10]) == Self.sketch([10]))
    }

    @Test(arguments: [
        [UInt8](),
        [0],
        [2, 0, 0, 0, 0, 0],
        [1],
        [1, 0, 1],
        [1, 0x80, 0x80, 0x80],
        [1, 0, 0, 0, 0, 1],
        [1, 0, 5, 1, 0, 0],
        [1, 0, 0, 0, 0, 0, 9],
        [1, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
        [1, 0, 0, 0, 0xB8, 0x17, 1, 1],
        [1, 0, 1, 1, 0, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01],
    ])
    func bytesThatAreNotASketchAreRefused(bytes: [UInt8]) {
        #expect(throws: DDSketch.DecodingError.self) { try DDSketch(encoded: bytes) }
    }

    @Test func everyTruncationOfARealSketchIsRefused() {
        let bytes = Self.sketch(Self.values).encoded
        for length in 0..<bytes.count {
            #expect(throws: DDSketch.DecodingError.self) { try DDSketch(encoded: Array(bytes.prefix(length))) }
        }
        #expect(throws: DDSketch.DecodingError.self) { try DDSketch(encoded: bytes + [0]) }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = try? DDSketch(encoded: [1] + bytes)
        }
    }
}
