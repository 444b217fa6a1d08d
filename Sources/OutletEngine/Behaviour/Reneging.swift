/// Reneging: a customer waiting for a window leaves once their patience,
/// drawn on arrival, runs out.
extension OutletEngine {
    mutating func patienceRunsOut(customer index: Int, sequence: UInt64) {
        guard customers[index].stage == .waiting, customers[index].pendingPatience == sequence else { return }
        let slot = Int32(index)
        let line = Int(customers[index].line)
        leaveWaitingZone(slot)
        depart(slot, .reneged)
        for position in routing.groups.range(line) { reviewFlexibleWindows(group: routing.groups.items[position]) }
    }
}
