/// Which ticket a freed window calls (叫号): from the lines it serves first,
/// else from those it helps with; by appointment priority and segment
/// priority, then by ticket time; but a customer already passed over the
/// maximum number of times is called before anyone else.
extension OutletEngine {
    /// Calls the next customer to idle `window`, if any may be called.
    mutating func callNext(window: Int) {
        let group = Int(windows[window].group)
        if let slot = choose(from: primaryLines[group]) ?? choose(from: helpLines[group]) {
            call(slot, to: window)
        }
    }

    /// The customer to call from `candidateLines`, with pass-overs counted.
    ///
    /// - Complexity: O(*l*) for *l* lines, plus the customers passed over
    ///   when a pass-over limit is set.
    mutating func choose(from candidateLines: [Int]) -> Int32? {
        let policy = scenario.calling
        var best: Int32?, bestKey = (0, 0, 0.0)
        var starving: Int32?, starvingTicket = Double.infinity
        for line in candidateLines {
            guard let slot = liveHead(of: line) else { continue }
            let customer = customers[Int(slot)]
            if let limit = policy.maxPassOvers, customer.passedOver >= limit, customer.ticket < starvingTicket {
                (starving, starvingTicket) = (slot, customer.ticket)
            }
            let key = (policy.appointmentsFirst && lineAppointment[line] ? 1 : 0,
                       policy.prioritiseSegments ? segmentPriority[lineSegment[line]] : 0,
                       -customer.ticket)
            if best == nil || key > bestKey { (best, bestKey) = (slot, key) }
        }
        guard let chosen = starving ?? best else { return nil }
        countPassOvers(before: customers[Int(chosen)].ticket, in: candidateLines, chosen: chosen)
        return chosen
    }

    /// Everyone in `candidateLines` who took a ticket before the chosen one
    /// has been passed over once more.
    mutating func countPassOvers(before ticketTime: Double, in candidateLines: [Int], chosen: Int32) {
        for line in candidateLines {
            for offset in 0..<lines[line].count {
                let ticket = lines[line][offset]
                let customer = customers[Int(ticket.slot)]
                guard customer.stage == .waiting, customer.number == ticket.number else { continue }
                guard customer.ticket < ticketTime else { break }
                if ticket.slot != chosen { customers[Int(ticket.slot)].passedOver += 1 }
            }
        }
    }
}
