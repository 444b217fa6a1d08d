import QueueLog

/// Walk-ins who gave up, by what the log shows of them, and what each
/// walk-in's wait says of their patience (``PatienceFit/Observation``).
///
/// A customer who left without ever being called (cancelled in the app,
/// purged at closing, a no-show with no call time) is not dropped: where
/// the log has their leave time, their patience is that wait; where it has
/// none, they left before their number's turn (``turns(_:)``).
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

    /// - Parameter tickets: the fitted days' tickets; only walk-ins who took a ticket count.
    /// - Complexity: O(n log n) in the tickets.
    public init(tickets walkIns: [TicketRecord], segments: Int) {
        var calledNoShows = Array(repeating: 0, count: segments), withTime = calledNoShows, beforeTurn = calledNoShows
        var unbounded = calledNoShows
        var observations = Array(repeating: [PatienceFit.Observation](), count: segments)
        let turn = Self.turns(walkIns)
        for (index, ticket) in walkIns.enumerated() where !ticket.isAppointment && !ticket.absentBooking {
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

    /// When each walk-in's number would have been called had they stayed,
    /// minutes after midnight (NaN when the log cannot say): once every
    /// earlier ticket of their segment and transaction had been called, the
    /// first moment a window that serves them came free (a service ended)
    /// and then called a later ticket of their own segment, passing over
    /// theirs. A free moment followed by another segment's call may have
    /// gone to a customer with priority, so it does not count. A later
    /// ticket's call alone would overstate the turn: in a quiet hour the
    /// next ticket may come long after the window was free.
    ///
    /// - Complexity: O(n log n) in the walk-ins.
    static func turns(_ walkIns: [TicketRecord]) -> [Double] {
        // (Every ticket at a window counts for when windows came free, bookings too.)
        // Windows that serve each segment and transaction; per day and window, the calls in order.
        var serving: [[Int]: Set<Int>] = [:]
        var calls: [[Int]: [Int]] = [:]
        for (index, ticket) in walkIns.enumerated() where ticket.window >= 0 && !ticket.called.isNaN {
            serving[[ticket.segment, ticket.transaction], default: []].insert(ticket.window)
            calls[[ticket.day, ticket.window], default: []].append(index)
        }
        // (came free, segment and ticket time of the next call there), per day and window.
        var free: [[Int]: [(time: Double, segment: Int, issued: Double)]] = [:]
        for (key, list) in calls {
            let ordered = list.sorted { (walkIns[$0].called, $0) < (walkIns[$1].called, $1) }
            free[key] = zip(ordered, ordered.dropFirst()).map { this, next in
                let ticket = walkIns[this]
                return (ticket.serviceEnd.isFinite ? ticket.serviceEnd : ticket.called, walkIns[next].segment, walkIns[next].issued)
            }
        }
        var turn = Array(repeating: Double.nan, count: walkIns.count)
        let queues = Dictionary(grouping: walkIns.indices.filter { !walkIns[$0].absentBooking },
                                by: { [walkIns[$0].day, walkIns[$0].segment, walkIns[$0].transaction] })
        for key in queues.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let members = (queues[key] ?? []).sorted { (walkIns[$0].issued, $0) < (walkIns[$1].issued, $1) }
            let windows = (serving[[key[1], key[2]]] ?? []).sorted()
            var lastEarlierCall = -Double.infinity
            var position = 0
            while position < members.count {
                // Tickets taken at the same moment share their earlier tickets.
                var end = position
                while end < members.count, walkIns[members[end]].issued == walkIns[members[position]].issued { end += 1 }
                for k in position..<end where walkIns[members[k]].called.isNaN {
                    let leaver = walkIns[members[k]]
                    let from = max(leaver.issued, lastEarlierCall)
                    var earliest = Double.infinity
                    for window in windows {
                        guard let moments = free[[key[0], window]] else { continue }
                        // The first moment strictly after `from`, by bisection, then on to one that passed the leaver over.
                        var low = 0, high = moments.count
                        while low < high {
                            let middle = (low + high) / 2
                            if moments[middle].time <= from { low = middle + 1 } else { high = middle }
                        }
                        while low < moments.count, moments[low].time < earliest {
                            if moments[low].segment == leaver.segment, moments[low].issued > leaver.issued {
                                earliest = moments[low].time
                                break
                            }
                            low += 1
                        }
                    }
                    if earliest.isFinite { turn[members[k]] = earliest }
                }
                for k in position..<end where walkIns[members[k]].called.isFinite {
                    lastEarlierCall = max(lastEarlierCall, walkIns[members[k]].called)
                }
                position = end
            }
        }
        return turn
    }
}
