import Distributions

/// Customers with a booking (预约): each slot is kept or missed, and a kept
/// one arrives near its time; within the grace period the customer has
/// appointment priority, after it the customer is a walk-in.
extension OutletEngine {
    /// Draws every slot's no-show and lateness at the start of the day (two
    /// draws per slot whatever happens, so the draws stay paired across plans).
    ///
    /// - Complexity: O(slots × log p).
    mutating func scheduleAppointments() {
        guard let appointments = scenario.appointments else { return }
        let stream = streamIndex.appointments
        for (index, slot) in appointments.slots.enumerated() {
            let noShow = streams.uniform(stream) < appointments.noShowProbability
            let arrival = max(slot.time + appointments.lateness.sample(from: streams, stream: stream), scenario.opening)
            if noShow || arrival >= scenario.closing { continue }
            calendar.schedule(.appointmentArrival, for: Int32(index), at: arrival)
        }
    }

    /// A booked customer arrives: with appointment priority within the grace period, after it as a walk-in.
    ///
    /// - Complexity: O(log p), plus admission.
    mutating func appointmentArrives(slot index: Int) {
        guard doors.open, let appointments = scenario.appointments else { return }
        let slot = appointments.slots[index]
        let onTime = calendar.now <= slot.time + appointments.gracePeriod
        admit(segment: slot.segment, transaction: slot.transactionType, appointmentPriority: onTime)
    }
}
