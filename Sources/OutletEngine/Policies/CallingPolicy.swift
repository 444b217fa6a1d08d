/// Which ticket a freed window calls (叫号): from the lines it serves first,
/// else from those it helps with; by appointment priority and segment
/// priority, then by ticket time; but a customer already passed over the
/// maximum number of times is called before anyone else.
extension OutletEngine {
    /// Calls the next customer to idle `window`, if any may be called.
    ///
    /// - Complexity: O(l) for the l lines the window's group calls from, plus the customers passed over.
    mutating func callNext(window: Int) {
        let group = Int(counters.windows[window].group)
        if let slot = choose(from: routing.primary, group) ?? choose(from: routing.help, group) {
            call(slot, to: window)
        }
    }

    /// The customer to call from `group`'s list in `lineLists`, with
    /// pass-overs counted.
    ///
    /// - Complexity: O(*l*) for *l* lines, plus the customers passed over.
    mutating func choose(from lineLists: IndexLists, _ group: Int) -> Int32? {
        let candidateLines = lineLists.range(group)
        let policy = scenario.calling
        var best: Int32?, bestKey = (0, 0, 0.0)
        var starving: Int32?, starvingTicket = Double.infinity
        for position in candidateLines {
            let line = lineLists.items[position]
            guard waiting.perLine[line] > 0, let slot = liveHead(of: line) else { continue }
            let ticketTime = customers[Int(slot)].ticket
            if let limit = policy.maxPassOvers, customers[Int(slot)].passedOver >= limit, ticketTime < starvingTicket {
                (starving, starvingTicket) = (slot, ticketTime)
            }
            let key = (policy.appointmentsFirst && routing.appointment[line] ? 1 : 0,
                       policy.prioritiseSegments ? segments.priority[routing.segment[line]] : 0,
                       -ticketTime)
            if best == nil || key > bestKey { (best, bestKey) = (slot, key) }
        }
        guard let chosen = starving ?? best else { return nil }
        countPassOvers(before: customers[Int(chosen)].ticket, in: lineLists, group, chosen: chosen)
        return chosen
    }

    /// Everyone in the group's candidate lines who took a ticket before the
    /// chosen one has been passed over once more.
    ///
    /// - Complexity: O(l + customers ahead of the chosen one in those lines).
    mutating func countPassOvers(before ticketTime: Double, in lineLists: IndexLists, _ group: Int, chosen: Int32) {
        for position in lineLists.range(group) {
            let line = lineLists.items[position]
            guard waiting.perLine[line] > 0 else { continue }
            for offset in 0..<waiting.lines.count(of: line) {
                let ticket = waiting.lines[line, offset]
                guard isLive(ticket) else { continue }
                guard customers[Int(ticket.slot)].ticket < ticketTime else { break }
                if ticket.slot != chosen { customers[Int(ticket.slot)].passedOver += 1 }
            }
        }
    }
}
