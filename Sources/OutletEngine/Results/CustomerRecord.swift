/// How a customer's visit ended.
public enum Outcome: Int, Sendable, BitwiseCopyable, CaseIterable, CustomStringConvertible {
    case servedAtCounter, servedAtKiosk, resolvedAtReception, balked, blocked, reneged, unserved

    public var description: String {
        switch self {
        case .servedAtCounter: "served_at_counter"
        case .servedAtKiosk: "served_at_kiosk"
        case .resolvedAtReception: "resolved_at_reception"
        case .balked: "balked"
        case .blocked: "blocked"
        case .reneged: "reneged"
        case .unserved: "unserved"
        }
    }
}

/// Why a customer who tried self-service ended up at the counter.
public enum FallbackReason: Int, Sendable, BitwiseCopyable, CustomStringConvertible {
    case none
    /// The kiosk attempt failed.
    case failedAttempt
    /// The kiosk broke down during use.
    case breakdown
    /// Every kiosk that could do it was broken.
    case noWorkingKiosk
    /// The kiosk queue was too long.
    case kioskQueueTooLong

    public var description: String {
        switch self {
        case .none: ""
        case .failedAttempt: "failed_attempt"
        case .breakdown: "breakdown"
        case .noWorkingKiosk: "no_working_kiosk"
        case .kioskQueueTooLong: "kiosk_queue_too_long"
        }
    }
}

/// One customer's passage through the outlet: a flat record that maps
/// straight to a CSV row. Times are minutes after midnight, NaN for
/// touchpoints the customer never reached; indices refer to the scenario's
/// segments, transaction types, window groups and kiosk types (-1 for none).
public struct CustomerRecord: Sendable, Equatable, BitwiseCopyable {
    /// The simulated day (replication).
    public var day: Int
    /// Order of admission in the day, from 1.
    public var customer: Int
    public var segment: Int
    public var transactionType: Int
    public var hasAppointment: Bool
    public var arrival: Double
    public var triageEnd: Double
    public var kioskStart: Double
    public var kioskEnd: Double
    public var ticket: Double
    public var call: Double
    public var serviceStart: Double
    public var serviceEnd: Double
    public var exit: Double
    public var windowGroup: Int
    public var window: Int
    public var kioskType: Int
    public var outcome: Outcome
    public var fallback: FallbackReason
    /// Times a window that could serve the customer called someone who came later.
    public var passedOver: Int
    /// Whether the customer found a seat in the waiting zone.
    public var seated: Bool
    /// Minutes from reaching the greeters' desk to a greeter starting triage; NaN for a customer never triaged.
    public var greeterWait = Double.nan
    /// When the customer asked a guide for help (guides who help one at a time).
    public var guideAsked = Double.nan
    /// When a guide came to the customer, or the customer stopped waiting for one.
    public var guideWaitEnd = Double.nan
    /// When the guide finished helping; NaN for a customer no guide helped.
    public var assistEnd = Double.nan

    /// Minutes from asking a guide to a guide coming or giving up; NaN for one who never asked.
    public var guideWait: Double { guideWaitEnd - guideAsked }
    /// Whether a guide helped the customer.
    public var wasHelped: Bool { !assistEnd.isNaN }

    /// Equal when every field is; touchpoints never reached (NaN) match each other.
    public static func == (lhs: CustomerRecord, rhs: CustomerRecord) -> Bool {
        func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || a == b }
        return lhs.day == rhs.day && lhs.customer == rhs.customer && lhs.segment == rhs.segment
            && lhs.transactionType == rhs.transactionType && lhs.hasAppointment == rhs.hasAppointment
            && same(lhs.arrival, rhs.arrival) && same(lhs.triageEnd, rhs.triageEnd)
            && same(lhs.kioskStart, rhs.kioskStart) && same(lhs.kioskEnd, rhs.kioskEnd)
            && same(lhs.ticket, rhs.ticket) && same(lhs.call, rhs.call)
            && same(lhs.serviceStart, rhs.serviceStart) && same(lhs.serviceEnd, rhs.serviceEnd)
            && same(lhs.exit, rhs.exit) && lhs.windowGroup == rhs.windowGroup && lhs.window == rhs.window
            && lhs.kioskType == rhs.kioskType && lhs.outcome == rhs.outcome && lhs.fallback == rhs.fallback
            && lhs.passedOver == rhs.passedOver && lhs.seated == rhs.seated
            && same(lhs.greeterWait, rhs.greeterWait) && same(lhs.guideAsked, rhs.guideAsked) && same(lhs.guideWaitEnd, rhs.guideWaitEnd) && same(lhs.assistEnd, rhs.assistEnd)
    }

    /// Minutes from ticket to call, or to leaving for those never called;
    /// NaN without a ticket.
    public var waitForCounter: Double {
        guard !ticket.isNaN else { return .nan }
        return (call.isNaN ? exit : call) - ticket
    }
}

/// Receives customer records one by one as customers leave. A sink decides
/// what to keep, so memory does not grow with the days simulated.
public protocol CustomerRecordSink {
    mutating func record(_ record: CustomerRecord)
}

/// A sink that keeps nothing.
public struct DiscardingSink: CustomerRecordSink {
    public init() {}
    public mutating func record(_ record: CustomerRecord) {}
}

/// A sink that keeps every record, for tests and traces of a few days.
public struct CollectingSink: CustomerRecordSink {
    public private(set) var records: [CustomerRecord] = []
    public init() {}
    public mutating func record(_ record: CustomerRecord) { records.append(record) }
}
