/// The shifts staff can work (the scenario's `shifts:` block): the optimizer
/// covers the staffing it finds per interval with the cheapest set of them,
/// and a ``Roster`` names the shifts a plan's staff work.
public struct ShiftMenu: Sendable, Equatable {
    /// One kind of shift, e.g. "full day" or "lunch part-time".
    public struct Kind: Sendable, Equatable {
        public var name: String
        /// Start times, minutes after midnight.
        public var starts: [Double]
        /// Length including the break, minutes.
        public var length: Double
        public var breakRule: BreakRule?
        /// What one shift costs; `nil` for its paid hours times the role's wage.
        public var cost: Double?

        public init(name: String, starts: [Double], length: Double, breakRule: BreakRule? = nil, cost: Double? = nil) {
            self.name = name
            self.starts = starts
            self.length = length
            self.breakRule = breakRule
            self.cost = cost
        }
    }

    /// An unpaid break taken somewhere inside a window of the shift.
    public struct BreakRule: Sendable, Equatable {
        /// Length of the break, minutes.
        public var length: Double
        /// The break starts at least this many minutes into the shift...
        public var earliestStart: Double
        /// ...and at most this many.
        public var latestStart: Double

        public init(length: Double, earliestStart: Double, latestStart: Double) {
            self.length = length
            self.earliestStart = earliestStart
            self.latestStart = latestStart
        }
    }

    /// The kinds of shift window staff work; every window group's staffing
    /// is covered separately (its tellers have its skills).
    public var kinds: [Kind]

    public init(kinds: [Kind]) {
        self.kinds = kinds
    }
}

extension ShiftMenu.Kind {
    /// Paid hours: the length less the unpaid break.
    public var paidHours: Double { (length - (breakRule?.length ?? 0)) / 60 }

    /// What one shift of this kind costs (yuan): its own cost, or its paid
    /// hours at `wagePerHour`.
    public func cost(wagePerHour: Double) -> Double { cost ?? paidHours * wagePerHour }

    /// The intervals of the day (indices) a shift starting at `start` with a
    /// break at `breakStart` (minutes after midnight) works wholly: an
    /// interval in the break, or partly outside the shift, is not covered.
    ///
    /// - Complexity: O(intervals).
    public func covers(start: Double, breakStart: Double?, opening: Double, intervalMinutes: Double, intervalCount: Int) -> [Int] {
        (0..<intervalCount).filter { interval in
            let from = opening + Double(interval) * intervalMinutes, until = from + intervalMinutes
            guard from >= start - 1e-9, until <= start + length + 1e-9 else { return false }
            guard let breakStart, let rule = breakRule else { return true }
            return until <= breakStart + 1e-9 || from >= breakStart + rule.length - 1e-9
        }
    }
}
