import Scenario

/// Balking: a customer about to take a ticket turns away when the waiting
/// zone looks too full, or when the ticket machine announces too long a wait.
extension OutletEngine {
    /// Whether the customer turns away from `line`: by the zone's count or the announced wait, with the segment's probability.
    ///
    /// - Complexity: O(g × w + announcement lines).
    mutating func balks(_ index: Int, line: Int) -> Bool {
        guard let rule = segments.balking[Int(customers[index].segment)] else { return false }
        let triggered: Bool
        switch rule.trigger {
        case .queueLength(let atLeast): triggered = waiting.count >= atLeast
        case .announcedWait(let atLeast): triggered = announcedWait(line: line) >= atLeast
        }
        return triggered && customers[index].choiceBalk < rule.probability
    }

    /// The ticket machine's estimate, minutes: (customers ahead in the lines
    /// of the groups that serve this line + 1) × the type's mean service time
    /// / the windows open in those groups.
    ///
    /// - Complexity: O(g + a) for the g groups that serve the line and the a
    ///   announcement lines with someone waiting.
    mutating func announcedWait(line: Int) -> Double {
        var ahead = 0, open = 0
        for position in routing.groups.range(line) { open += counters.taking[routing.groups.items[position]] }
        // Only the lines with someone waiting add to those ahead.
        for word in 0..<routing.announcementSets.words {
            var lines = routing.announcementSets.word(word, row: line) & waiting.occupiedLines.word(word)
            while lines != 0 {
                ahead += waiting.perLine[word &<< 6 | lines.trailingZeroBitCount]
                lines &= lines &- 1
            }
        }
        guard open > 0 else { return .infinity }
        return Double(ahead + 1) * transactions.meanService[routing.type[line]] / Double(open)
    }
}
