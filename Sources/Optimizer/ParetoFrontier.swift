/// Cost against service level over the plans a search evaluated.
public enum ParetoFrontier {
    /// The entries no other entry beats on both cost (lower) and service
    /// level (higher), cheapest first; only plans judged on the search days.
    /// - Complexity: O(n log n).
    public static func frontier(of trace: [TraceEntry]) -> [TraceEntry] {
        let searched: Set<SearchPhase> = [.upperBounds, .analyticStart, .staffing, .layout]
        var seen: Set<OutletPlan> = []
        let entries = trace.filter { searched.contains($0.phase) && $0.cost.isFinite && $0.serviceLevel.isFinite && seen.insert($0.plan).inserted }
            .sorted { ($0.cost, -$0.serviceLevel) < ($1.cost, -$1.serviceLevel) }
        var frontier: [TraceEntry] = []
        for entry in entries where entry.serviceLevel > (frontier.last?.serviceLevel ?? -.infinity) {
            frontier.append(entry)
        }
        return frontier
    }
}
