/// The optimizer's frontier of cost against service level: each point a
/// plan that no other plan beats on both, cheapest first.
public struct ParetoChart {
    /// (cost of the day in yuan, share served within the wait) per frontier plan.
    public let points: [(cost: Double, serviceLevel: Double)]
    /// The wait that defines the service level, minutes.
    public let wait: Double

    public init(points: [(cost: Double, serviceLevel: Double)], wait: Double) {
        self.points = points.sorted { $0.cost < $1.cost }
        self.wait = wait
    }

    public func render() -> String {
        LineChart(title: "Cost against service level (Pareto frontier)",
                  description: "Plans the search evaluated that no other plan beats on both cost and the share called within \(SVG.label(wait)) minutes.",
                  categories: points.map { String(format: "%.0f", $0.cost) }, categoryLabel: "cost of the day (yuan)",
                  valueLabel: "% called within \(SVG.label(wait)) min",
                  series: [Series(name: "frontier", values: points.map { $0.serviceLevel * 100 })]).render()
    }
}
