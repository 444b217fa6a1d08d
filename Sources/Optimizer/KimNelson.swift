import Foundation

/// The fully sequential ranking-and-selection procedure of Kim and Nelson
/// (2001), for the smallest mean among k systems: after a first stage of
/// n0 paired observations, each further stage adds one observation to the
/// systems still in contention and eliminates any whose mean exceeds
/// another's by more than a shrinking allowance. It selects a system
/// within `indifference` of the best with probability at least
/// `confidence`, and is valid with common random numbers (it works on the
/// variances of the pairwise differences).
public struct KimNelson: Sendable {
    public let confidence: Double
    /// Differences smaller than this do not matter, in the observations' units.
    public let indifference: Double
    /// Observations in the first stage (at least 2).
    public let firstStage: Int
    public let systems: Int

    public init(systems: Int, firstStage: Int, confidence: Double, indifference: Double) {
        self.systems = systems
        self.firstStage = max(2, firstStage)
        self.confidence = confidence
        self.indifference = indifference
    }

    /// h² = 2η(n0 − 1), with η = ½[(2α/(k − 1))^(−2/(n0 − 1)) − 1].
    public var hSquared: Double {
        guard systems > 1 else { return 0 }
        let alpha = 1 - confidence
        let eta = 0.5 * (pow(2 * alpha / Double(systems - 1), -2 / Double(firstStage - 1)) - 1)
        return 2 * eta * Double(firstStage - 1)
    }

    /// The sample variances of the first-stage differences, S²_il.
    public func differenceVariances(_ observations: [[Double]]) -> [[Double]] {
        let n = firstStage
        return observations.indices.map { i in
            observations.indices.map { l in
                guard i != l else { return 0 }
                let differences = (0..<n).map { observations[i][$0] - observations[l][$0] }
                let mean = differences.reduce(0, +) / Double(n)
                return differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
            }
        }
    }

    /// The systems that survive screening after `count` observations each.
    /// - Parameter observations: per system, at least `count` observations, paired by index.
    public func survivors(_ contenders: [Int], observations: [[Double]], variances: [[Double]], count: Int) -> [Int] {
        let r = Double(count)
        let h2 = hSquared, delta = indifference
        func mean(_ system: Int) -> Double { observations[system].prefix(count).reduce(0, +) / r }
        let means = Dictionary(uniqueKeysWithValues: contenders.map { ($0, mean($0)) })
        return contenders.filter { i in
            contenders.allSatisfy { l in
                guard l != i, let mi = means[i], let ml = means[l] else { return true }
                let allowance = max(0, delta / (2 * r) * (h2 * variances[i][l] / (delta * delta) - r))
                return mi <= ml + allowance
            }
        }
    }

    /// The most observations any pair can need: N = max ⌊h² S²_il / δ²⌋.
    public func maximumObservations(variances: [[Double]]) -> Int {
        let h2 = hSquared
        let worst = variances.flatMap { $0 }.max() ?? 0
        guard indifference > 0 else { return firstStage }
        return max(firstStage, Int((h2 * worst / (indifference * indifference)).rounded(.down)))
    }
}
