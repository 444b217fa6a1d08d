/// The range each kind of number in a scenario file must lie in. Every
/// number is checked against its limits before it is converted or used, so
/// that no file can overflow a conversion, make a day endless or exhaust
/// memory; the grammar gives the same limits to the JSON Schema
/// (`minimum`, `maximum`) and to docs/scenario-format.md.
struct NumberLimits: Sendable, Equatable {
    let minimum: Double
    let maximum: Double

    init(_ minimum: Double, _ maximum: Double) {
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The same range with another lower bound.
    func from(_ minimum: Double) -> NumberLimits { NumberLimits(minimum, maximum) }

    /// Durations and waits: up to a million minutes (about two years).
    static let minutes = NumberLimits(0, 1_000_000)
    /// Floor areas, m²: up to a million (a square kilometre).
    static let area = NumberLimits(0, 1_000_000)
    /// Crowding, persons per m².
    static let density = NumberLimits(0, 100)
    /// Places and distances on a floor plan, metres.
    static let metres = NumberLimits(0, 100_000)
    /// Hours of a shift or into one.
    static let hours = NumberLimits(0, 10_000)
    /// Multipliers of demand (peaks, scale).
    static let factor = NumberLimits(0, 100)
    /// Arrivals per hour, given and after peaks and scale are applied.
    static let arrivalsPerHour = NumberLimits(0, 100_000)
    /// Staff and machines on duty: windows, greeters, guides, kiosks.
    static let staff = NumberLimits(0, 10_000)
    /// Places and customer counts: seats, standing, queue thresholds, pass-overs.
    static let customers = NumberLimits(0, 1_000_000)
    /// Priorities of segments.
    static let priority = NumberLimits(0, 1_000)
    /// Money: wages, costs per day, per shift or per lost customer.
    static let money = NumberLimits(0, 1_000_000_000)
    /// A share of a wage (overtime premium).
    static let wageShare = NumberLimits(0, 100)
    /// Probabilities and shares.
    static let share = NumberLimits(0, 1)

    var text: String { "from \(NodeReader.limitText(minimum)) to \(NodeReader.limitText(maximum))" }
}
