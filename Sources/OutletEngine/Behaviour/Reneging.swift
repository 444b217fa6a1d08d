/// Reneging: a customer waiting for a window leaves once their patience,
/// drawn on arrival, runs out.
extension OutletEngine {
    /// The customer's patience ends; still waiting (the event is not stale), they leave.
    ///
    /// - Complexity: O(g), plus the flexible-window reviews.
    mutating func patienceRunsOut(customer index: Int, sequence: UInt64) {
        guard customers[index].stage == .waiting, customers[index].pendingPatience == sequence else { return }
        let slot = Int32(index)
        let line = Int(customers[index].line)
        leaveWaitingZone(slot)
        depart(slot, .reneged)
        for position in routing.groups.range(line) { reviewFlexibleWindows(group: routing.groups.items[position]) }
    }
}
