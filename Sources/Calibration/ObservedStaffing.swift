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

    /// A transaction or segment belongs to a window's skills when it makes up
    /// at least this share of its services (or 5 of them): a one-off favour is not a skill.
    public static let skillShare = 0.01

    /// Reads whether each window was open, idle or closed, moment by
    /// moment. A window is open while it serves (from the call to the end
    /// of service). Between services (and from opening to its first call,
    /// and from its last service to closing), a window that called nobody
    /// while a customer it serves was waiting was closed: an open window
    /// would have called them. A break is one stretch, so the window was
    /// closed from the first such moment of the gap to the last (from
    /// opening, for a window that started late; until closing, for one
    /// that left early); before and after them, with nobody it serves
    /// waiting, it was open and idle. A window that called nobody all day
    /// was closed that day.
    ///
    /// Where the branch's sign-in log (`sessions`) has a window's day, its
    /// signed-in time less its pauses is taken instead, calls or none.
    ///
    /// - Parameters:
    ///   - tickets: the fitted days' tickets.
    ///   - days: the fitted days' dates (indices into `dates`).
    /// - Complexity: O(n log n) in the tickets, plus O(windows × days × intervals).
    public init(tickets: [TicketRecord], days: [Int], dates: [LogDate], windowNames: [String], opening: Double, intervalMinutes: Double,
                intervalCount: Int, sessions: WindowSessions? = nil) {
        // Unmaterialised: a log of millions of tickets is not copied.
        let atWindows = tickets.lazy.filter { $0.window >= 0 && !($0.called.isNaN && $0.serviceStart.isNaN) }
        let served = atWindows.filter { !$0.serviceEnd.isNaN }
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
        let closing = opening + Double(intervalCount) * intervalMinutes
        var groups: [Group] = []
        for (signature, windows) in bySignature.sorted(by: { $0.value.first ?? 0 < $1.value.first ?? 0 }) {
            let transactions = Set(signature[0]), segments = Set(signature[1])
            // When somebody the group serves was waiting, per day: the union of their waits.
            var waits: [Int: [Span]] = [:]
            for ticket in tickets where !ticket.absentBooking && transactions.contains(ticket.transaction) && segments.contains(ticket.segment) {
                let until = !ticket.called.isNaN ? ticket.called : !ticket.serviceStart.isNaN ? ticket.serviceStart : ticket.left
                guard until.isFinite, until > ticket.issued else { continue }
                waits[ticket.day, default: []].append(Span(from: ticket.issued, until: until))
            }
            let waiting = waits.mapValues(Span.union)
            // Each window's service spans per day.
            let members = Set(windows)
            var busy: [[Int]: [Span]] = [:]
            for ticket in atWindows where members.contains(ticket.window) {
                let from = ticket.called.isNaN ? ticket.serviceStart : ticket.called
                let until = ticket.serviceEnd.isNaN ? from : ticket.serviceEnd
                busy[[ticket.day, ticket.window], default: []].append(Span(from: from, until: until))
            }
            var open = Array(repeating: 0.0, count: intervalCount)
            func add(_ closed: [Span]) {
                for interval in 0..<intervalCount {
                    let start = opening + Double(interval) * intervalMinutes
                    let span = Span(from: start, until: min(start + intervalMinutes, closing))
                    open[interval] += (span.length - Span.overlap(closed, span)) / intervalMinutes
                }
            }
            // Window days the sign-in log knows: open while signed in and not paused.
            var signed = Set<[Int]>()
            if let sessions {
                for day in days {
                    for window in windows {
                        guard let spans = sessions.open[dates[day]]?[windowNames[window]] else { continue }
                        signed.insert([day, window])
                        let signedIn = Span.union(spans.map { Span(from: $0.from, until: $0.until) })
                        add(Span.subtract([Span(from: opening, until: closing)], signedIn))
                    }
                }
            }
            // In order of day and window, so the sums are the same every run.
            for key in busy.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !signed.contains(key) {
                let serving = Span.union(busy[key] ?? [])
                // Unanswered: somebody it serves waits and it serves nobody.
                let unanswered = Span.subtract(waiting[key[0]] ?? [], serving)
                var closed: [Span] = []
                var edges = [opening] + serving.flatMap { [$0.from, $0.until] } + [closing]
                if let last = edges.last, let before = edges.dropLast().last, before > last { edges[edges.count - 1] = before }
                var next = 0
                for gap in stride(from: 0, to: edges.count - 1, by: 2) {
                    let from = edges[gap], until = edges[gap + 1]
                    while next < unanswered.count, unanswered[next].until <= from { next += 1 }
                    var first: Double?, last: Double?
                    var k = next
                    while k < unanswered.count, unanswered[k].from < until {
                        first = first ?? max(unanswered[k].from, from)
                        last = min(unanswered[k].until, until)
                        k += 1
                    }
                    // A window that started late was closed from opening; one that left early, until closing.
                    if gap == 0, first != nil { first = from }
                    if gap + 2 >= edges.count - 1, last != nil { last = until }
                    if let first, let last, last > first { closed.append(Span(from: first, until: last)) }
                }
                add(closed)
            }
            groups.append(Group(windows: windows, transactions: signature[0], segments: signature[1],
                                open: open.map { $0 / Double(max(days.count, 1)) }))
        }
        self.groups = groups
    }
}

/// A stretch of a day, minutes after midnight.
struct Span: Sendable, Equatable {
    var from: Double
    var until: Double
    var length: Double { max(until - from, 0) }

    /// The union of `spans` as disjoint spans in order.
    ///
    /// - Complexity: O(n log n).
    static func union(_ spans: [Span]) -> [Span] {
        var merged: [Span] = []
        for span in spans.sorted(by: { $0.from < $1.from }) {
            if let last = merged.last, span.from <= last.until {
                merged[merged.count - 1].until = max(last.until, span.until)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// The parts of disjoint ordered `spans` outside disjoint ordered `removed`.
    ///
    /// - Complexity: O(n + m).
    static func subtract(_ spans: [Span], _ removed: [Span]) -> [Span] {
        var result: [Span] = []
        var j = 0
        for span in spans {
            var from = span.from
            while j < removed.count, removed[j].until <= from { j += 1 }
            var k = j
            while k < removed.count, removed[k].from < span.until {
                if removed[k].from > from { result.append(Span(from: from, until: removed[k].from)) }
                from = max(from, removed[k].until)
                k += 1
            }
            if from < span.until { result.append(Span(from: from, until: span.until)) }
        }
        return result
    }

    /// Minutes of disjoint ordered `spans` inside `window`.
    ///
    /// - Complexity: O(n).
    static func overlap(_ spans: [Span], _ window: Span) -> Double {
        spans.reduce(0) { $0 + max(min($1.until, window.until) - max($1.from, window.from), 0) }
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
        let groups = Dictionary(grouping: tickets.indices.lazy.filter { !tickets[$0].called.isNaN },
                                by: { [tickets[$0].day, tickets[$0].transaction] })
        for key in groups.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let members = (groups[key] ?? []).sorted { (tickets[$0].issued, $0) < (tickets[$1].issued, $1) }
            let callOrder = members.sorted { (tickets[$0].called, $0) < (tickets[$1].called, $1) }
            var rank: [Int: Int] = [:]
            for (position, index) in callOrder.enumerated() { rank[index] = position + 1 }
            var trees = Array(repeating: FenwickTree(size: members.count), count: segments)
            for index in members {
                let ticket = tickets[index], own = rank[index] ?? 1
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
