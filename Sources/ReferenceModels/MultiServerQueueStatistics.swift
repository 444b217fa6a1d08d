/// What happened to the measured customers of one class in one replication.
public struct ClassStatistics: Sendable, Equatable {
    public internal(set) var arrivals = 0
    /// Turned away because the waiting room was full.
    public internal(set) var blocked = 0
    /// Gave up waiting.
    public internal(set) var abandoned = 0
    public internal(set) var served = 0
    /// Admitted customers who could not start service on arrival.
    public internal(set) var delayed = 0
    /// Sum of waits of served customers, minutes.
    public internal(set) var totalWaitOfServed = 0.0
    /// Sum of time in queue of admitted customers, abandoning ones included, minutes.
    public internal(set) var totalTimeInQueue = 0.0
    /// Served customers who waited longer than each of the model's `waitThresholds`.
    public internal(set) var servedWaitingLongerThan: [Int]

    init(thresholds: Int) {
        servedWaitingLongerThan = Array(repeating: 0, count: thresholds)
    }

    /// Mean wait of served customers, minutes.
    public var meanWaitOfServed: Double { served > 0 ? totalWaitOfServed / Double(served) : 0 }
    /// Mean time in queue of admitted customers, minutes.
    public var meanTimeInQueue: Double {
        let admitted = arrivals - blocked
        return admitted > 0 ? totalTimeInQueue / Double(admitted) : 0
    }
    /// Share of arrivals blocked.
    public var blockingProbability: Double { arrivals > 0 ? Double(blocked) / Double(arrivals) : 0 }
    /// Share of arrivals who abandoned.
    public var abandonmentProbability: Double { arrivals > 0 ? Double(abandoned) / Double(arrivals) : 0 }
    /// Share of admitted arrivals who had to wait.
    public var probabilityOfWaiting: Double {
        let admitted = arrivals - blocked
        return admitted > 0 ? Double(delayed) / Double(admitted) : 0
    }
    /// Share of served customers who waited longer than threshold `index`.
    public func shareWaitingLongerThan(thresholdAt index: Int) -> Double {
        served > 0 ? Double(servedWaitingLongerThan[index]) / Double(served) : 0
    }

    mutating func merge(_ other: ClassStatistics) {
        arrivals += other.arrivals
        blocked += other.blocked
        abandoned += other.abandoned
        served += other.served
        delayed += other.delayed
        totalWaitOfServed += other.totalWaitOfServed
        totalTimeInQueue += other.totalTimeInQueue
        for index in servedWaitingLongerThan.indices {
            servedWaitingLongerThan[index] += other.servedWaitingLongerThan[index]
        }
    }
}

/// The measured customers of one replication, per class and pooled.
public struct MultiServerQueueStatistics: Sendable, Equatable {
    public internal(set) var perClass: [ClassStatistics]

    /// All classes together.
    public var pooled: ClassStatistics {
        var total = ClassStatistics(thresholds: perClass.first?.servedWaitingLongerThan.count ?? 0)
        for statistics in perClass { total.merge(statistics) }
        return total
    }
}

/// One customer's passage, recorded when the model is run with recording on.
public struct ReferenceCustomerRecord: Sendable, Equatable {
    public enum Outcome: String, Sendable { case served, blocked, abandoned }
    /// Order of arrival, from 1.
    public let number: Int
    public let customerClass: Int
    /// Minutes on the simulation clock.
    public let arrival: Double
    /// The service time drawn for the customer, minutes, whether or not served.
    public let serviceTime: Double
    /// The patience drawn for the customer, minutes; infinite without patience.
    public let patience: Double
    public let outcome: Outcome
    /// Minutes waited before service or before leaving; 0 when blocked.
    public let wait: Double
}
