import Evaluation
import Measurement

/// What ranking and selection did.
public struct SelectionReport: Sendable {
    /// Finalists' plans with their costs over the observations each received.
    public let finalists: [(plan: OutletPlan, cost: Double, days: Int)]
    /// Index of the chosen finalist.
    public let chosen: Int
    public let confidence: Double
    /// The indifference zone, yuan a day.
    public let indifference: Double
    /// Observations the selection needed (days per surviving finalist).
    public let days: Int
}

extension Optimization {
    /// Kim–Nelson selection of the cheapest among feasible finalists, on
    /// their daily costs: the search days (common to all) form the first
    /// stage, and further days are simulated for those still in contention.
    mutating func select(_ finalists: [Candidate]) throws -> (Candidate, SelectionReport) {
        let cheapest = finalists.map(\.cost).min() ?? 0
        let procedure = KimNelson(systems: finalists.count, firstStage: settings.searchDays,
                                  confidence: settings.selectionConfidence, indifference: max(settings.indifference * cheapest, 1e-6))
        var observations = finalists.map(\.evaluation.dailyCosts)
        guard finalists.count > 1 else {
            let report = SelectionReport(finalists: finalists.map { ($0.plan, $0.cost, settings.searchDays) }, chosen: 0,
                                         confidence: settings.selectionConfidence, indifference: procedure.indifference,
                                         days: settings.searchDays)
            return (finalists[0], report)
        }
        let variances = procedure.differenceVariances(observations)
        // Kim-Nelson's own bound on the observations, capped at four times the
        // first stage so that near-identical finalists cannot run on and on.
        let limit = min(procedure.maximumObservations(variances: variances), 4 * procedure.firstStage)
        var contenders = Array(finalists.indices)
        var count = procedure.firstStage
        while true {
            contenders = procedure.survivors(contenders, observations: observations, variances: variances, count: count)
            if contenders.count <= 1 || count >= limit { break }
            // One more day for every contender, the same day for all.
            var complete = true
            for system in contenders {
                guard let day = try evaluate(finalists[system].plan, .selection, days: count..<(count + 1)) else { complete = false; break }
                observations[system].append(day.evaluation.dailyCosts.first ?? 0)
            }
            if !complete { break }
            count += 1
        }
        func mean(_ system: Int) -> Double {
            let n = min(count, observations[system].count)
            return observations[system].prefix(n).reduce(0, +) / Double(n)
        }
        let chosen = contenders.min { mean($0) < mean($1) } ?? 0
        let report = SelectionReport(
            finalists: finalists.indices.map { (finalists[$0].plan, mean($0), min(count, observations[$0].count)) },
            chosen: chosen, confidence: settings.selectionConfidence, indifference: procedure.indifference, days: count)
        return (finalists[chosen], report)
    }
}
