/// Where a customer is in the outlet.
enum Stage: UInt8 {
    case walking, atReception, inTriage, inKioskQueue, atKiosk, waiting, walkingToWindow, inService, gone
    /// Waiting for a free guide, or being helped by one.
    case waitingForGuide, withGuide
}

/// Where a walking customer is going.
enum Zone: UInt8 {
    case reception, selfService, waiting, window
}

/// One customer present in the outlet, stored inline in the engine's slot
/// array and reused once the customer leaves. Every random attribute is
/// drawn on arrival, so two plans run with the same seed give each customer
/// the same service time, patience and choices (common random numbers).
struct Customer {
    /// Order of admission in the day, from 1; also the ticket identity.
    var number = 0
    var segment: Int16 = 0
    var transaction: Int16 = 0
    var stage = Stage.gone
    var destination = Zone.reception
    var isAppointment = false
    /// Arrived within the grace period of the booking.
    var appointmentPriority = false
    var seated = false
    var fallback = FallbackReason.none
    var kioskType: Int16 = -1
    var windowGroup: Int16 = -1
    var window: Int32 = -1
    /// The waiting line holding the ticket.
    var line: Int32 = -1
    var passedOver: Int32 = 0
    /// Sequence of the patience expiry still wanted, or `UInt64.max`.
    var pendingPatience = UInt64.max

    // Drawn on arrival, minutes.
    var counterService = 0.0
    var kioskTime = 0.0
    var patience = Double.infinity
    var triageTime = 0.0
    var walkToReception = 0.0
    var walkToSelfService = 0.0
    var walkToWaiting = 0.0
    var walkFromKioskToWaiting = 0.0
    var walkToWindow = 0.0
    // Drawn on arrival, uniform on (0, 1).
    var choiceSelfService = 0.0
    var choiceKioskSuccess = 0.0
    var choiceGreeterResolves = 0.0
    var choiceBalk = 0.0
    // Drawn on arrival when guides help one customer at a time (from the guides' own stream).
    var choiceAsksGuide = 1.0
    var assistTime = 0.0
    var guidePatience = Double.infinity
    /// A guide helped this customer: the guide effect applies.
    var helped = false

    // Touchpoints, minutes after midnight; NaN until reached.
    var arrival = Double.nan
    /// Reached the greeters' desk, and a greeter began triage.
    var atReception = Double.nan
    var triageStart = Double.nan
    var triageEnd = Double.nan
    var kioskStart = Double.nan
    var kioskEnd = Double.nan
    var ticket = Double.nan
    var call = Double.nan
    var serviceStart = Double.nan
    var serviceEnd = Double.nan
    var guideAsked = Double.nan
    /// When a guide came, or the customer stopped waiting for one.
    var guideWaitEnd = Double.nan
    var assistEnd = Double.nan
}
