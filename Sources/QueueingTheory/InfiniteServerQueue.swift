import Foundation

/// The Mₜ/M/∞ queue, empty at time `start`, with arrival rates constant
/// between change points: the number present at time t is Poisson with mean
/// m(t) = ∫ λ(u)·e^(−(t−u)/S) du (Eick, Massey and Whitt, 1993), which for a
/// piece of rate λₖ on [bₖ, eₖ) adds λₖ·S·(e^(−(t − min(t, eₖ))/S) − e^(−(t − bₖ)/S)).
public struct InfiniteServerQueue: Sendable {
    /// Rate pieces: start and end (minutes) and arrivals per minute.
    public let pieces: [(start: Double, end: Double, rate: Double)]
    /// Mean service time, minutes.
    public let meanServiceTime: Double

    public init(pieces: [(start: Double, end: Double, rate: Double)], meanServiceTime: Double) {
        self.pieces = pieces
        self.meanServiceTime = meanServiceTime
    }

    /// m(t), customers.
    ///
    /// - Complexity: O(pieces).
    public func meanPresent(at t: Double) -> Double {
        let s = meanServiceTime
        return pieces.reduce(0) { sum, piece in
            guard piece.start < t else { return sum }
            return sum + piece.rate * s * (exp(-(t - min(t, piece.end)) / s) - exp(-(t - piece.start) / s))
        }
    }

    /// The time average of m over [a, b], customers, by Simpson's rule on 600 panels.
    public func averagePresent(from a: Double, to b: Double) -> Double {
        let n = 600, h = (b - a) / Double(n)
        var sum = meanPresent(at: a) + meanPresent(at: b)
        for i in 1..<n { sum += meanPresent(at: a + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
        return sum * h / 3 / (b - a)
    }
}
