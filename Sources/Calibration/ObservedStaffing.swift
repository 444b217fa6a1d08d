import QueueLog

/// The windows as the log shows them: grouped by what they served, and how
/// many of each group were open per interval (the staffing as observed).
public struct ObservedStaffing: Sendable {
    /// Windows serving the same transactions for the same segments.
    public struct Group: Sendable {
        /// Indices into ``QueueLog/windows``.
        public var windows: [Int]
        /// Indices into ``QueueLog/transactions``.
        public var transactions: [Int]
        /// Indices into ``QueueLog/segments``.
        public var segments: [Int]
        /// Mean windows open per interval over the days (fractional).
        public var open: [Double]
    }

    public let groups: [Group]

    /// A gap between services longer than this is a break: the window was
    /// closed then, not idle (minutes).
    public static let longestIdleGap = 30.0
    /// A transaction or segment belongs to a window's skills when it makes up
    /// at least this share of its services (or 5 of them): a one-off favour is not a skill.
    public static let skillShare = 0.01

    /// - Parameters:
    ///   - tickets: the fitted days' tickets.
    ///   - days: how many days they span.
    public init(tickets: [TicketRecord], days: Int, opening: Double, intervalMinutes: Double, intervalCount: Int) {
        let served = tickets.filter { $0.window >= 0 && !$0.serviceEnd.isNaN }
        // Skills of each window.
        var transactionCounts: [Int: [Int: Int]] = [:], segmentCounts: [Int: [Int: Int]] = [:]
        for ticket in served {
            transactionCounts[ticket.window, default: [:]][ticket.transaction, default: 0] += 1
            segmentCounts[ticket.window, default: [:]][ticket.segment, default: 0] += 1
        }
        func skills(_ counts: [Int: Int]) -> [Int] {
            let total = counts.values.reduce(0, +)
            return counts.filter { Double($0.value) >= Self.skillShare * Double(total) || $0.value >= 5 }.keys.sorted()
        }
        var bySignature: [[[Int]]: [Int]] = [:]
        for window in transactionCounts.keys.sorted() {
            let signature = [skills(transactionCounts[window] ?? [:]), skills(segmentCounts[window] ?? [:])]
            bySignature[signature, default: []].append(window)
        }
        // Open time per window, day and interval: spans of service joined across short gaps.
        var groups: [Group] = []
        for (signature, windows) in bySignature.sorted(by: { $0.value.first ?? 0 < $1.value.first ?? 0 }) {
            var open = Array(repeating: 0.0, count: intervalCount)
            let members = Set(windows)
            var spans: [[Int]: [(Double, Double)]] = [:]
            for ticket in served where members.contains(ticket.window) {
                let start = ticket.called.isNaN ? ticket.serviceStart : ticket.called
                spans[[ticket.day, ticket.window], default: []].append((start, ticket.serviceEnd))
            }
            for key in spans.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                let list = spans[key] ?? []
                var merged: [(Double, Double)] = []
                for span in list.sorted(by: { $0.0 < $1.0 }) {
                    if let last = merged.last, span.0 - last.1 <= Self.longestIdleGap {
                        merged[merged.count - 1].1 = max(last.1, span.1)
                    } else {
                        merged.append(span)
                    }
                }
                // A window idle from opening to its first customer was open
                // all along: the outlet opens with it.
                if let first = merged.first, first.0 > opening, first.0 - opening <= Self.longestIdleGap { merged[0].0 = opening }
                for (from, until) in merged {
                    for interval in 0..<intervalCount {
                        let start = opening + Double(interval) * intervalMinutes, end = start + intervalMinutes
                        let overlap = min(until, end) - max(from, start)
                        if overlap > 0 { open[interval] += overlap / intervalMinutes }
                    }
                }
            }
            groups.append(Group(windows: windows, transactions: signature[0], segments: signature[1],
                                open: open.map { $0 / Double(max(days, 1)) }))
        }
        self.groups = groups
    }
}

/// Which segments are called ahead of others: for each pair, how often a
/// call of one passed over an earlier ticket of the other that the same
/// window then served later, in either direction.
public struct CallingOrder: Sendable {
    /// `overtakes[a][b]`: calls of segment a that passed over a waiting,
    /// earlier ticket of segment b with the same transaction.
    public let overtakes: [[Int]]
    /// Priority per segment (0 lowest): the number of segments it is
    /// called ahead of, clearly (five times as often as the reverse, at least 20 times).
    public let priorities: [Int]

    public init(tickets: [TicketRecord], segments: Int) {
        var overtakes = Array(repeating: Array(repeating: 0, count: segments), count: segments)
        // A window that never serves a segment (a VIP-only window) calls
        // past its tickets without any priority: only windows that serve
        // both segments can show an order between them.
        var serves: [Int: Set<Int>] = [:]
        for ticket in tickets where ticket.window >= 0 { serves[ticket.window, default: []].insert(ticket.segment) }
        // Per day and transaction, tickets in issue order: a call passes
        // over every earlier ticket called later. Counted with one Fenwick
        // tree per segment over the ranks of the call times, so a day of a
        // hundred thousand tickets takes O(n log n), not O(n²).
        let called = tickets.filter { !$0.called.isNaN }
        let groups = Dictionary(grouping: called.indices, by: { [called[$0].day, called[$0].transaction] })
        for key in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let members = (groups[key] ?? []).sorted { (called[$0].issued, $0) < (called[$1].issued, $1) }
            let callOrder = members.sorted { (called[$0].called, $0) < (called[$1].called, $1) }
            var rank: [Int: Int] = [:]
            for (position, index) in callOrder.enumerated() { rank[index] = position + 1 }
            var trees = Array(repeating: FenwickTree(size: members.count), count: segments)
            for index in members {
                let ticket = called[index], own = rank[index] ?? 1
                if ticket.window >= 0 {
                    for other in serves[ticket.window] ?? [] where other != ticket.segment {
                        // Earlier tickets of `other` not yet called: ranks above this call's.
                        let earlier = trees[other].count
                        overtakes[ticket.segment][other] += earlier - trees[other].prefix(own)
                    }
                }
                trees[ticket.segment].add(own)
            }
        }
        self.overtakes = overtakes
        priorities = (0..<segments).map { a in
            (0..<segments).filter { b in b != a && overtakes[a][b] >= 20 && overtakes[a][b] >= 5 * overtakes[b][a] }.count
        }
    }
}

/// Counts of ranks 1...size, with prefix counts in O(log size).
struct FenwickTree {
    private var tree: [Int]
    private(set) var count = 0

    init(size: Int) { tree = Array(repeating: 0, count: size + 1) }

    mutating func add(_ rank: Int) {
        count += 1
        var i = rank
        while i < tree.count {
            tree[i] += 1
            i += i & -i
        }
    }

    /// How many ranks ≤ `rank` were added.
    func prefix(_ rank: Int) -> Int {
        var total = 0, i = min(rank, tree.count - 1)
        while i > 0 {
            total += tree[i]
            i -= i & -i
        }
        return total
    }
}
