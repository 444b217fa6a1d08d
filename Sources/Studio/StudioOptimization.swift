import Foundation
import Measurement
import OutletEngine
import Optimizer
import OutputKit
import Replications
import Results
import Scenario

/// `outletsim optimize` run from the studio on the plan on screen, its
/// progress streamed, its result given back as a plan the page can open.
public struct StudioOptimization: Sendable {
    /// How long and on how many days the search may run, as the page asks.
    public struct Limits: Decodable, Sendable {
        public let searchDays: Int
        public let validationDays: Int
        public let budgetSeconds: Double

        enum CodingKeys: String, CodingKey {
            case searchDays = "search_days", validationDays = "validation_days", budgetSeconds = "budget_seconds"
        }

        public static let searchDaysAllowed = 2...1_000
        public static let validationDaysAllowed = 2...10_000
        public static let budgetAllowed = 1.0...3_600.0

        public init(searchDays: Int, validationDays: Int, budgetSeconds: Double) {
            self.searchDays = searchDays
            self.validationDays = validationDays
            self.budgetSeconds = budgetSeconds
        }

        /// - Throws: ``StudioRefusal`` naming the first value out of range.
        func checked() throws(StudioRefusal) -> Limits {
            guard Self.searchDaysAllowed.contains(searchDays) else {
                throw StudioRefusal(.badRequest, "limits.search_days", found: "\(searchDays)", allowed: "2 to 1000 days")
            }
            guard Self.validationDaysAllowed.contains(validationDays) else {
                throw StudioRefusal(.badRequest, "limits.validation_days", found: "\(validationDays)", allowed: "2 to 10000 days")
            }
            guard budgetSeconds.isFinite, Self.budgetAllowed.contains(budgetSeconds) else {
                throw StudioRefusal(.badRequest, "limits.budget_seconds", found: "\(budgetSeconds)", allowed: "1 to 3600 seconds")
            }
            return self
        }
    }

    /// One progress report as the page reads it.
    static func progressJSON(_ progress: SearchProgress) -> JSONValue {
        .object([("event", .string("progress")), ("evaluation", .integer(progress.evaluation)), ("phase", .string(progress.phase.rawValue)),
                 ("best_cost", progress.bestCost.map(JSONValue.finite) ?? .null), ("targets_met", .integer(progress.targetsMet)),
                 ("targets", .integer(progress.targets))])
    }

    /// The result: the plan found as a draft on duty per interval (with a
    /// shift menu, the staff its shifts put on duty), validated on fresh days.
    static func resultJSON(_ result: OptimizationResult, seconds: Double) -> JSONValue {
        guard let validation = result.validation else {
            return .object([("event", .string("done")), ("found", .bool(false)), ("seconds", .number(seconds.rounded())),
                            ("message", .string(result.unreachable.isEmpty ? "no plan was found within the limits"
                                : "some targets are missed even with every decision at its upper bound"))])
        }
        let scenario = validation.scenario
        // The plan as summary.json gives it, which is the shape of a draft.
        guard case .object(var plan) = ResultsDocument.plan(scenario) else { return .null }
        // With a shift menu, the shifts that price the plan as the optimizer priced it.
        if let roster = ScenarioOutline.rosterJSON(scenario) { plan.append(("roster", roster)) }
        func estimate(_ mean: Double, _ low: Double, _ high: Double) -> JSONValue {
            .object([("mean", .finite(mean)), ("ci_low", .finite(low)), ("ci_high", .finite(high))])
        }
        return .object([
            ("event", .string("done")), ("found", .bool(true)), ("meets_targets", .bool(validation.count(.fail) == 0)),
            ("seconds", .number(seconds.rounded())),
            ("validation_days", .integer(validation.statistics.days)),
            ("verdicts", .object([("pass", .integer(validation.count(.pass))), ("inconclusive", .integer(validation.count(.inconclusive))),
                                  ("fail", .integer(validation.count(.fail)))])),
            ("cost", validation.statistics.estimate(MetricKey(.day, .cost(nil))).map { estimate($0.mean, $0.low, $0.high) } ?? .null),
            ("saving", result.saving.map { estimate(-$0.difference, -$0.high, -$0.low) } ?? .null),
            ("plan", .object(plan)),
        ])
    }
}

extension Studio {
    /// The plan on screen, read as a variant, and the limits checked: a
    /// problem is answered before any search starts.
    public func optimizationStart(_ relative: String, _ draft: PlanDraft, limits: StudioOptimization.Limits) throws -> (Scenario, StudioOptimization.Limits) {
        (try variant(of: relative, draft).scenario, try limits.checked())
    }

    /// Optimizes `scenario`: the search reports each step to `report` and
    /// returns its result. It runs on the optimizations' own desk, so edits
    /// keep being answered; the same page's next optimization or a cancel stops it.
    public func optimize(_ scenario: Scenario, limits: StudioOptimization.Limits, client: String?,
                         report: @escaping @Sendable (JSONValue) -> Void) async throws -> JSONValue {
        let evaluator = self.evaluator
        return try await optimizations.run(client: client) { stop in
            let started = Date()
            let settings = OptimizerSettings(seed: evaluator.seed, jobs: evaluator.jobs, searchDays: limits.searchDays,
                                             validationDays: limits.validationDays, budgetSeconds: limits.budgetSeconds,
                                             maxEvaluations: nil, stop: stop)
            var optimization = Optimization(scenario: scenario, settings: settings) { report(StudioOptimization.progressJSON($0)) }
            let result = try optimization.run()
            if stop.isRequested { throw SimulationStopped(signal: stop.signal) }
            return StudioOptimization.resultJSON(result, seconds: Date().timeIntervalSince(started))
        }
    }
}
