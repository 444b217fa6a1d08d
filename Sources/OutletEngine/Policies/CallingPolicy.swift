/// Which ticket a freed window calls (叫号): from the lines it serves first,
/// else from those it helps with; by appointment priority and segment
/// priority, then by ticket time; but a customer already passed over the
/// maximum number of times is called before anyone else.
extension OutletEngine {
    /// Calls the next customer to idle `window`, if any may be called.
    ///
    /// - Complexity: O(l) for the l lines with someone waiting that the
    ///   window's group calls from, plus the customers passed over.
    mutating func callNext(window: Int) {
        let group = Int(counters.windows[window].group)
        if let slot = choose(from: routing.primarySets, group) ?? choose(from: routing.helpSets, group) {
            call(slot, to: window)
        }
    }

    /// The customer to call from `group`'s set in `lineSets`, with
    /// pass-overs counted. Lines are visited in line order, those with
    /// nobody waiting skipped a word of 64 at a time.
    ///
    /// - Complexity: O(*l*) for *l* lines with someone waiting, plus the customers passed over.
    mutating func choose(from lineSets: LineSets, _ group: Int) -> Int32? {
        let policy = scenario.calling
        var best: Int32?, bestKey = (0, 0, 0.0)
        var starving: Int32?, starvingTicket = Double.infinity
        for word in 0..<lineSets.words {
            var lines = lineSets.word(word, row: group) & waiting.occupiedLines.word(word)
            while lines != 0 {
                let line = word &<< 6 | lines.trailingZeroBitCount
                lines &= lines &- 1
                guard let slot = liveHead(of: line) else { continue }
                let ticketTime = customers[Int(slot)].ticket
                if let limit = policy.maxPassOvers, customers[Int(slot)].passedOver >= limit, ticketTime < starvingTicket {
                    (starving, starvingTicket) = (slot, ticketTime)
                }
                let key = (policy.appointmentsFirst && routing.appointment[line] ? 1 : 0,
                           policy.prioritiseSegments ? segments.priority[routing.segment[line]] : 0,
                           -ticketTime)
                if best == nil || key > bestKey { (best, bestKey) = (slot, key) }
            }
        }
        guard let chosen = starving ?? best else { return nil }
        countPassOvers(before: customers[Int(chosen)].ticket, in: lineSets, group, chosen: chosen)
        return chosen
    }

    /// Everyone in the group's candidate lines who took a ticket before the
    /// chosen one has been passed over once more.
    ///
    /// - Complexity: O(l + customers ahead of the chosen one in those lines),
    ///   for the l lines with someone waiting.
    mutating func countPassOvers(before ticketTime: Double, in lineSets: LineSets, _ group: Int, chosen: Int32) {
        for word in 0..<lineSets.words {
            var lines = lineSets.word(word, row: group) & waiting.occupiedLines.word(word)
            while lines != 0 {
                let line = word &<< 6 | lines.trailingZeroBitCount
                lines &= lines &- 1
                countPassOvers(before: ticketTime, inLine: line, chosen: chosen)
            }
        }
    }

    /// The passed-over count of one line's customers ahead of the chosen one.
    ///
    /// - Complexity: O(customers ahead of the chosen one in the line).
    @inline(__always)
    mutating func countPassOvers(before ticketTime: Double, inLine line: Int, chosen: Int32) {
        for offset in 0..<waiting.lines.count(of: line) {
            let ticket = waiting.lines[line, offset]
            guard isLive(ticket) else { continue }
            guard customers[Int(ticket.slot)].ticket < ticketTime else { break }
            if ticket.slot != chosen { customers[Int(ticket.slot)].passedOver += 1 }
        }
    }
}
