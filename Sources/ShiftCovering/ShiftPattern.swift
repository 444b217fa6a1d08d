import Scenario

/// One way to work a shift: a kind of shift, a start and a break position,
/// with the intervals it covers wholly and what it costs.
public struct ShiftPattern: Sendable, Equatable {
    /// Index into `ShiftMenu.kinds`.
    public let kind: Int
    /// Minutes after midnight.
    public let start: Double
    /// Minutes after midnight; `nil` without a break.
    public let breakStart: Double?
    /// Intervals of the day (indices) the shift works from start to end.
    public let covers: [Int]
    public let cost: Double

    public init(kind: Int, start: Double, breakStart: Double?, covers: [Int], cost: Double) {
        self.kind = kind
        self.start = start
        self.breakStart = breakStart
        self.covers = covers
        self.cost = cost
    }
}

extension ShiftPattern {
    /// Every pattern of a shift menu on a day of `intervalCount` intervals of
    /// `intervalMinutes` from `opening`: each start, and each break position
    /// on the interval grid. An interval counts as covered only when the
    /// shift works all of it; hours past the day's last interval are paid
    /// but cover nothing.
    ///
    /// - Parameter wagePerHour: prices a kind without its own cost, by its paid hours.
    /// - Complexity: O(starts × break positions × intervals).
    public static func all(of menu: ShiftMenu, opening: Double, intervalMinutes: Double, intervalCount: Int,
                           wagePerHour: Double) -> [ShiftPattern] {
        var patterns: [ShiftPattern] = []
        for (index, kind) in menu.kinds.enumerated() {
            let cost = kind.cost(wagePerHour: wagePerHour)
            let breaks: [Double?] = kind.breakRule.map { rule in
                Array(stride(from: rule.earliestStart, through: rule.latestStart + 1e-9, by: intervalMinutes)).map { Optional($0) }
            } ?? [nil]
            for start in kind.starts {
                for breakOffset in breaks {
                    let breakStart = breakOffset.map { start + $0 }
                    let covers = kind.covers(start: start, breakStart: breakStart, opening: opening,
                                             intervalMinutes: intervalMinutes, intervalCount: intervalCount)
                    patterns.append(ShiftPattern(kind: index, start: start, breakStart: breakStart, covers: covers, cost: cost))
                }
            }
        }
        return patterns
    }
}
