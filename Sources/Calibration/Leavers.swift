import QueueLog

/// Walk-ins who gave up, by what the log shows of them, and what each
/// walk-in's wait says of their patience (``PatienceFit/Observation``).
///
/// A customer who left without ever being called (cancelled in the app,
/// purged at closing, a no-show with no call time) is not dropped: where
/// the log has their leave time, their patience is that wait; where it has
/// none, they left before their number's turn, the first call of a later
/// ticket of the same segment and transaction on that day.
public struct Leavers: Sendable {
    /// Per segment: no-shows called after they had left.
    public let calledNoShows: [Int]
    /// Per segment: left uncalled, with a leave time in the log (observed).
    public let uncalledWithTime: [Int]
    /// Per segment: left uncalled, bounded by their number's turn.
    public let uncalledBeforeTurn: [Int]
    /// Per segment: left uncalled with no later call to bound them (not used).
    public let uncalledUnbounded: [Int]
    /// Per segment: the patience evidence of every walk-in.
    public let observations: [[PatienceFit.Observation]]

    /// - Complexity: O(n log n) in the walk-ins.
    public init(walkIns: [TicketRecord], segments: Int) {
        var calledNoShows = Array(repeating: 0, count: segments), withTime = calledNoShows, beforeTurn = calledNoShows
        var unbounded = calledNoShows
        var observations = Array(repeating: [PatienceFit.Observation](), count: segments)
        // Each queue's calls in ticket order, for the turn of an uncalled leaver.
        let queues = Dictionary(grouping: walkIns.indices, by: { [walkIns[$0].day, walkIns[$0].segment, walkIns[$0].transaction] })
        var turn = Array(repeating: Double.nan, count: walkIns.count)
        for key in queues.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let members = (queues[key] ?? []).sorted { (walkIns[$0].issued, $0) < (walkIns[$1].issued, $1) }
            // The earliest call among tickets issued strictly later.
            var earliest = Double.infinity
            var index = members.count - 1
            while index >= 0 {
                var group = index
                while group > 0, walkIns[members[group - 1]].issued == walkIns[members[index]].issued { group -= 1 }
                for k in group...index { turn[members[k]] = earliest }
                for k in group...index {
                    let called = walkIns[members[k]].called
                    if called.isFinite { earliest = min(earliest, called) }
                }
                index = group - 1
            }
        }
        for (index, ticket) in walkIns.enumerated() {
            let segment = ticket.segment
            if !ticket.called.isNaN {
                guard ticket.outcome != .cancelled else { continue }
                let gone = ticket.outcome == .noShow
                if gone { calledNoShows[segment] += 1 }
                observations[segment].append(.init(wait: ticket.waitToCall, evidence: gone ? .goneBefore : .stayed))
            } else if ticket.outcome == .noShow || ticket.outcome == .cancelled {
                let untilTurn = turn[index] - ticket.issued
                if ticket.left.isFinite {
                    withTime[segment] += 1
                    observations[segment].append(.init(wait: ticket.left - ticket.issued, evidence: .leftAt,
                                                       turn: untilTurn > 0 ? untilTurn : .nan))
                } else if untilTurn.isFinite, untilTurn > 0 {
                    beforeTurn[segment] += 1
                    observations[segment].append(.init(wait: untilTurn, evidence: .goneBefore))
                } else {
                    unbounded[segment] += 1
                }
            }
        }
        self.calledNoShows = calledNoShows
        uncalledWithTime = withTime
        uncalledBeforeTurn = beforeTurn
        uncalledUnbounded = unbounded
        self.observations = observations
    }
}
