import Foundation

/// How long customers wait before they give up, from censored waits: a
/// no-show (called, already gone) left before the call, so their patience
/// was shorter than their wait to the call; a served customer's was
/// longer. No patience is ever seen exactly (current-status data).
public struct PatienceFit: Sendable {
    /// A ticket's wait to its call (minutes) and whether the customer had left by then.
    public struct Observation: Sendable {
        public var wait: Double
        public var left: Bool
        public init(wait: Double, left: Bool) {
            self.wait = wait
            self.left = left
        }
    }

    public let observations: Int
    public let leftCount: Int
    /// Mean patience of the exponential maximum-likelihood fit, minutes, with
    /// a 95% interval (Wald on the log of the rate, from the observed
    /// information); nil when nobody left (patience beyond every wait seen).
    public let mean: IntervalEstimate?
    public let logLikelihood: Double
    /// The nonparametric maximum-likelihood survival curve, P(patience > t),
    /// at the waits where it steps: Turnbull's estimator, which is what
    /// Kaplan-Meier becomes when every time is censored (a pool of adjacent
    /// violators over the waits in order).
    public let survival: [(minutes: Double, survival: Double)]

    public init(_ observations: [Observation]) {
        let data = observations.filter { $0.wait.isFinite && $0.wait >= 0 }
        self.observations = data.count
        leftCount = data.filter(\.left).count
        let rightWaits = data.filter { !$0.left }.reduce(0) { $0 + $1.wait }
        let leftWaits = data.filter { $0.left && $0.wait > 0 }.map(\.wait)
        // Score of the rate θ: Σ_left w/(e^{θw} − 1) − Σ_right w, decreasing in θ.
        func score(_ theta: Double) -> Double {
            leftWaits.reduce(0) { $0 + $1 / expm1(theta * $1) } - rightWaits
        }
        if leftWaits.isEmpty || rightWaits <= 0 {
            mean = nil
            logLikelihood = .nan
        } else {
            var low = 1e-9, high = 1e3
            for _ in 0..<200 {
                let middle = sqrt(low * high)
                if score(middle) > 0 { low = middle } else { high = middle }
                if high / low < 1 + 1e-12 { break }
            }
            let theta = sqrt(low * high)
            let information = leftWaits.reduce(0) { total, w in
                let e = exp(theta * w), d = expm1(theta * w)
                return total + w * w * e / (d * d)
            }
            let relative = 1.959963984540054 / (theta * sqrt(information))
            mean = IntervalEstimate(value: 1 / theta, low: 1 / (theta * exp(relative)), high: 1 / (theta * exp(-relative)))
            logLikelihood = leftWaits.reduce(0) { $0 + log(-expm1(-theta * $1)) } - theta * rightWaits
        }
        survival = Self.turnbull(data)
    }

    /// F̂ at each distinct wait is the isotonic (non-decreasing) regression of
    /// the left indicators in order of wait; S = 1 − F.
    ///
    /// - Complexity: O(n log n).
    static func turnbull(_ data: [Observation]) -> [(minutes: Double, survival: Double)] {
        let sorted = data.sorted { $0.wait < $1.wait }
        // Blocks of (weight, sum of indicators, last wait), merged while they decrease.
        var blocks: [(weight: Double, sum: Double, wait: Double)] = []
        for observation in sorted {
            blocks.append((1, observation.left ? 1 : 0, observation.wait))
            while blocks.count >= 2 {
                let last = blocks[blocks.count - 1], before = blocks[blocks.count - 2]
                guard before.sum / before.weight >= last.sum / last.weight || before.wait == last.wait else { break }
                blocks.removeLast(2)
                blocks.append((before.weight + last.weight, before.sum + last.sum, last.wait))
            }
        }
        var curve: [(minutes: Double, survival: Double)] = [(0, 1)]
        for block in blocks {
            let survival = 1 - block.sum / block.weight
            if survival != curve.last?.survival { curve.append((block.wait, survival)) }
        }
        return curve
    }

    /// The fitted exponential's survival at `minutes`.
    public func fittedSurvival(_ minutes: Double) -> Double {
        guard let mean else { return 1 }
        return exp(-minutes / mean.value)
    }
}
