/// What can happen in an outlet's day; the event's `entity` says to whom.
enum OutletEvent: UInt8, Sendable {
    /// The next walk-in arrival of segment `entity`.
    case walkInArrival
    /// The customer booked in appointment slot `entity` arrives.
    case appointmentArrival
    /// Row `entity` of the arrival trace arrives.
    case traceArrival
    /// Customer `entity` finishes walking and reaches its destination zone.
    case reachZone
    /// Customer `entity` finishes triage with a greeter.
    case triageEnd
    /// The customer at kiosk `entity` finishes (checked against the kiosk's sequence).
    case kioskEnd
    /// Kiosk `entity` breaks down.
    case kioskFailure
    /// Kiosk `entity` is repaired.
    case kioskRepair
    /// The customer at window `entity` finishes service.
    case serviceEnd
    /// Customer `entity` runs out of patience (checked against its sequence).
    case patienceExpiry
    /// Staffing may change: windows, greeters or guides.
    case staffingChange
    /// A flexible window of group `entity` opens after its activation delay.
    case flexibleWindowOpens
    /// The queue system's one-minute check of the longest wait.
    case oldestWaitCheck
    /// Doors close: nobody else is admitted.
    case doorsClose
    /// The overtime limit: those still waiting are sent away unserved.
    case overtimeLimit
    /// A guide finishes helping customer `entity`.
    case assistEnd
    /// Customer `entity` stops waiting for a guide (checked against its sequence).
    case guidePatienceExpiry
}
