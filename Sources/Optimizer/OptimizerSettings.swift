import OutletEngine
/// How hard and how carefully the optimizer searches.
public struct OptimizerSettings: Sendable {
    /// Seed of the search days; validation uses a seed derived from it
    /// (``Optimization/validationSeed``) that the search never saw.
    public var seed: UInt64
    /// Threads for each evaluation.
    public var jobs: Int
    /// Days every candidate is simulated on during the search (the same days
    /// for all: common random numbers).
    public var searchDays: Int
    /// Fresh days for the final validation of the chosen plan; more are
    /// added, up to ``mostValidationDays``, while a target is inconclusive.
    public var validationDays: Int
    /// The most validation days spent settling the chosen plan's targets.
    public var mostValidationDays: Int
    /// Half-widths of its 95% interval by which each target's mean must clear
    /// its bound during the search (0 judges the mean alone).
    public var margin: Double
    /// Most wall-clock seconds for the search; the best plan so far is then validated.
    public var budgetSeconds: Double?
    /// Most plan evaluations for the search.
    public var maxEvaluations: Int?
    /// Probability that the ranking and selection picks the cheapest finalist
    /// (within the indifference zone).
    public var selectionConfidence: Double
    /// Cost differences below this share of the incumbent's cost do not matter
    /// to the selection (the indifference zone, relative).
    public var indifference: Double
    /// Finalists passed to ranking and selection, at most.
    public var finalists: Int
    /// Stops the search part-way (SIGINT, SIGTERM): it then throws ``SimulationStopped``.
    public var stop: StopRequest?

    public init(seed: UInt64 = 1, jobs: Int = 1, searchDays: Int = 100, validationDays: Int = 100, margin: Double = 0.5,
                budgetSeconds: Double? = nil, maxEvaluations: Int? = nil, selectionConfidence: Double = 0.95,
                indifference: Double = 0.005, finalists: Int = 4, stop: StopRequest? = nil) {
        self.stop = stop
        self.seed = seed
        self.jobs = jobs
        self.searchDays = searchDays
        self.validationDays = validationDays
        mostValidationDays = max(validationDays, min(validationDays * 32, 100_000))
        self.margin = margin
        self.budgetSeconds = budgetSeconds
        self.maxEvaluations = maxEvaluations
        self.selectionConfidence = selectionConfidence
        self.indifference = indifference
        self.finalists = finalists
    }
}
