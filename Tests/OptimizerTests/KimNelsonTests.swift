import Foundation
import Optimizer
import Testing

@Suite("Kim-Nelson ranking and selection")
struct KimNelsonTests {
    /// Normal observations from a fixed generator (Box-Muller on a 64-bit LCG).
    struct Normal {
        var state: UInt64
        mutating func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        mutating func next() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }
    }

    /// One selection among systems with these means (smaller is better) and unit variance.
    func select(means: [Double], indifference: Double, random: inout Normal) -> (chosen: Int, observations: Int) {
        let procedure = KimNelson(systems: means.count, firstStage: 10, confidence: 0.95, indifference: indifference)
        var observations = means.map { mean in (0..<10).map { _ in mean + random.next() } }
        let variances = procedure.differenceVariances(observations)
        let limit = procedure.maximumObservations(variances: variances)
        var contenders = Array(means.indices), count = 10
        while true {
            contenders = procedure.survivors(contenders, observations: observations, variances: variances, count: count)
            if contenders.count <= 1 || count >= limit { break }
            for system in contenders { observations[system].append(means[system] + random.next()) }
            count += 1
        }
        let chosen = contenders.min { observations[$0].prefix(count).reduce(0, +) < observations[$1].prefix(count).reduce(0, +) } ?? 0
        return (chosen, count)
    }

    @Test("with the best one indifference zone ahead, it picks it at least 95% of the time (400 selections)")
    func probabilityOfCorrectSelection() {
        var random = Normal(state: 2026)
        var correct = 0, observations = 0
        for _ in 0..<400 {
            let (chosen, used) = select(means: [0, 0.5, 0.5, 1.0], indifference: 0.5, random: &random)
            if chosen == 0 { correct += 1 }
            observations += used
        }
        print("Kim-Nelson: correct \(correct) of 400, mean observations \(Double(observations) / 400)")
        // The procedure guarantees >= 0.95; 400 binomial trials put a true 0.95 above 0.93 with 97% probability.
        #expect(Double(correct) / 400 >= 0.93)
    }

    @Test("a clearly worse system is eliminated after the first stage")
    func earlyElimination() {
        var random = Normal(state: 7)
        let (chosen, used) = select(means: [0, 20], indifference: 0.5, random: &random)
        #expect(chosen == 0 && used == 10)
    }
}
