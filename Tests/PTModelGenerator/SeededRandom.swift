import Foundation

/// SplitMix64: a small seeded generator, so every generated model can be made again from its seed.
/// Consecutive seeds give unrelated streams (the state is mixed before each output).
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &self) < percent }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    public mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &self)] }

    /// A number in `range`, small ones more likely (log-uniform), as real models are mostly small.
    public mutating func skewed(_ range: ClosedRange<Int>) -> Int {
        let low = Double(max(range.lowerBound, 1)), high = Double(range.upperBound)
        let value = Int((low * pow(high / low, Double.random(in: 0...1, using: &self))).rounded(.down))
        return min(max(value, range.lowerBound), range.upperBound)
    }
}
