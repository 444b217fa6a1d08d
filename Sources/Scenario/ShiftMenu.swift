/// The shifts staff can work (the scenario's `shifts:` block): the optimizer
/// covers the staffing it finds per interval with the cheapest set of them.
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
