import Distributions
import EventKernel
import RandomStreams

/// The events of a multi-server queue.
enum QueueEvent: UInt8, Sendable {
    /// The next arrival of the class in `entity`.
    case arrival
    /// The customer in slot `entity` finishes service.
    case departure
    /// The customer in slot `entity` runs out of patience.
    case abandonment
}

/// One customer present in the queue, stored inline in the slot array.
struct CustomerSlot {
    /// Minutes on the clock.
    var arrivalTime = 0.0
    /// Minutes, drawn on arrival.
    var serviceTime = 0.0
    /// Minutes, drawn on arrival; infinite without patience.
    var patience = 0.0
    /// Order of arrival, from 1; doubles as the ticket number.
    var number = 0
    /// Sequence of the patience expiry still wanted, or `UInt64.max`.
    var pendingAbandonment = UInt64.max
    var customerClass: UInt8 = 0
    var isWaiting = false
}

/// One replication of a ``MultiServerQueueModel`` on the event kernel.
///
/// Customers live in slots of parallel arrays, reused once a customer
/// leaves, so memory depends on how many are present, not on how many pass.
/// Each customer's service time and patience are drawn on arrival from
/// per-class streams, so that two models differing only in windows, waiting
/// room or discipline give each customer the same arrival time and the same
/// attributes (common random numbers).
public struct MultiServerQueue: ~Copyable {
    let model: MultiServerQueueModel
    var calendar = EventCalendar<QueueEvent>(capacity: 256)
    let streams: RandomStreamBank
    let arrivalStreams: [StreamIndex]
    let serviceStreams: [StreamIndex]
    let patienceStreams: [StreamIndex]
    let interarrivalTime: [Distribution]

    /// Customers present, by slot.
    var customers: [CustomerSlot] = []
    var freeSlots: [Int32] = []

    /// One line for FIFO, one per class for priority.
    var lines: [TicketLine]
    var waitingCount = 0
    var idleServers: Int
    var arrivalsSoFar = 0
    var measuredResolved = 0
    var statistics: MultiServerQueueStatistics
    let recordsCustomers: Bool
    var records: [ReferenceCustomerRecord] = []

    /// Sets up replication `replication` of a run seeded with `seed`.
    public init(model: MultiServerQueueModel, seed: UInt64, replication: Int,
                recordingCustomers: Bool = false) throws(ReferenceModelError) {
        let interarrival: [Distribution]
        do {
            interarrival = try model.arrivalsPerHour.map { rate throws(DistributionError) in
                try Distribution.exponential(mean: 60 / rate)
            }
        } catch {
            throw .invalid(parameter: "arrivalsPerHour", found: "\(model.arrivalsPerHour)", allowed: error.description)
        }
        var purposes: [StreamPurpose] = []
        for index in 0..<model.classCount {
            let name = "class \(index)"
            purposes += [.arrivals.refined(by: name), .service(of: name), .patience.refined(by: name)]
        }
        let bank = try Self.makeStreams(seed: seed, replication: replication, purposes: purposes)
        self.interarrivalTime = interarrival
        self.model = model
        streams = bank
        arrivalStreams = (0..<model.classCount).map { StreamIndex(3 * $0) }
        serviceStreams = (0..<model.classCount).map { StreamIndex(3 * $0 + 1) }
        patienceStreams = (0..<model.classCount).map { StreamIndex(3 * $0 + 2) }
        lines = Array(repeating: TicketLine(capacity: 64), count: model.discipline == .fifo ? 1 : model.classCount)
        idleServers = model.servers
        statistics = MultiServerQueueStatistics(
            perClass: Array(repeating: ClassStatistics(thresholds: model.waitThresholds.count), count: model.classCount))
        recordsCustomers = recordingCustomers
    }

    /// Runs until every measured customer has been served, blocked or has
    /// abandoned, and returns their statistics.
    ///
    /// - Complexity: O(*n* log *m*) for *n* arrivals with at most *m* pending events.
    public mutating func run() -> MultiServerQueueStatistics {
        for customerClass in 0..<model.classCount {
            scheduleArrival(ofClass: customerClass)
        }
        while measuredResolved < model.measuredCustomers, let event = calendar.next() {
            switch event.kind {
            case .arrival: arrive(ofClass: Int(event.entity))
            case .departure: depart(slot: event.entity)
            case .abandonment: abandon(slot: event.entity, sequence: event.sequence)
            }
        }
        return statistics
    }

    /// Customer slots allocated so far: the most customers ever present at
    /// once. It stays small however many customers pass.
    public var slotCount: Int { customers.count }

    /// The customers recorded by `run()`, in order of leaving, when recording.
    public var customerRecords: [ReferenceCustomerRecord] { records }

    // MARK: - Event handlers

    mutating func scheduleArrival(ofClass customerClass: Int) {
        let gap = interarrivalTime[customerClass].sample(from: streams, stream: arrivalStreams[customerClass])
        calendar.schedule(.arrival, for: Int32(customerClass), after: gap)
    }

    mutating func arrive(ofClass classIndex: Int) {
        scheduleArrival(ofClass: classIndex)
        arrivalsSoFar += 1
        let service = model.serviceTime.sample(from: streams, stream: serviceStreams[classIndex])
        let patienceDrawn = model.patience?.sample(from: streams, stream: patienceStreams[classIndex]) ?? .infinity
        let measured = isMeasured(arrivalsSoFar)
        if measured { statistics.perClass[classIndex].arrivals += 1 }

        if idleServers == 0, let room = model.waitingRoom, waitingCount >= room {
            if measured {
                statistics.perClass[classIndex].blocked += 1
                measuredResolved += 1
            }
            record(CustomerSlot(arrivalTime: calendar.now, serviceTime: service, patience: patienceDrawn,
                                number: arrivalsSoFar, customerClass: UInt8(classIndex)), outcome: .blocked, wait: 0)
            return
        }
        let slot = takeSlot()
        let index = Int(slot)
        customers[index] = CustomerSlot(arrivalTime: calendar.now, serviceTime: service, patience: patienceDrawn,
                                        number: arrivalsSoFar, customerClass: UInt8(classIndex))
        if idleServers > 0 {
            idleServers -= 1
            startService(slot: slot)
            return
        }
        if measured { statistics.perClass[classIndex].delayed += 1 }
        customers[index].isWaiting = true
        waitingCount += 1
        lines[model.discipline == .fifo ? 0 : classIndex].append(Ticket(slot: slot, number: arrivalsSoFar))
        if patienceDrawn.isFinite {
            customers[index].pendingAbandonment = calendar.schedule(.abandonment, for: slot, after: patienceDrawn)
        }
    }

    mutating func startService(slot: Int32) {
        let index = Int(slot)
        customers[index].isWaiting = false
        customers[index].pendingAbandonment = UInt64.max
        let customer = customers[index]
        let wait = calendar.now - customer.arrivalTime
        if isMeasured(customer.number) {
            let classIndex = Int(customer.customerClass)
            statistics.perClass[classIndex].totalWaitOfServed += wait
            statistics.perClass[classIndex].totalTimeInQueue += wait
            for (position, threshold) in model.waitThresholds.enumerated() where wait > threshold {
                statistics.perClass[classIndex].servedWaitingLongerThan[position] += 1
            }
        }
        calendar.schedule(.departure, for: slot, after: customer.serviceTime)
    }

    mutating func depart(slot: Int32) {
        let customer = customers[Int(slot)]
        if isMeasured(customer.number) {
            statistics.perClass[Int(customer.customerClass)].served += 1
            measuredResolved += 1
        }
        if recordsCustomers {
            let wait = calendar.now - customer.serviceTime - customer.arrivalTime
            record(customer, outcome: .served, wait: wait)
        }
        freeSlots.append(slot)
        if let next = nextWaitingCustomer() {
            waitingCount -= 1
            startService(slot: next)
        } else {
            idleServers += 1
        }
    }

    mutating func abandon(slot: Int32, sequence: UInt64) {
        let index = Int(slot)
        guard customers[index].isWaiting, customers[index].pendingAbandonment == sequence else { return }
        customers[index].isWaiting = false
        waitingCount -= 1
        let customer = customers[index]
        let wait = calendar.now - customer.arrivalTime
        if isMeasured(customer.number) {
            let classIndex = Int(customer.customerClass)
            statistics.perClass[classIndex].abandoned += 1
            statistics.perClass[classIndex].totalTimeInQueue += wait
            measuredResolved += 1
        }
        record(customer, outcome: .abandoned, wait: wait)
        // The ticket stays in its line; a new number marks it stale once the slot is reused.
        freeSlots.append(slot)
    }

    // MARK: - Helpers

    static func makeStreams(seed: UInt64, replication: Int,
                            purposes: [StreamPurpose]) throws(ReferenceModelError) -> RandomStreamBank {
        do {
            return try RandomStreamBank(seed: seed, replication: replication, purposes: purposes)
        } catch {
            throw .randomStreams(error.description)
        }
    }

    /// The first live ticket: from the single line (FIFO) or from the
    /// highest-priority line that has one.
    mutating func nextWaitingCustomer() -> Int32? {
        for line in lines.indices {
            while let ticket = lines[line].popFirst() {
                let customer = customers[Int(ticket.slot)]
                if customer.isWaiting && customer.number == ticket.number { return ticket.slot }
            }
        }
        return nil
    }

    @inline(__always)
    func isMeasured(_ number: Int) -> Bool {
        number > model.warmUpCustomers && number <= model.warmUpCustomers + model.measuredCustomers
    }

    mutating func takeSlot() -> Int32 {
        if let slot = freeSlots.popLast() { return slot }
        customers.append(CustomerSlot())
        return Int32(customers.count - 1)
    }

    mutating func record(_ customer: CustomerSlot, outcome: ReferenceCustomerRecord.Outcome, wait: Double) {
        guard recordsCustomers else { return }
        records.append(ReferenceCustomerRecord(number: customer.number, customerClass: Int(customer.customerClass),
                                               arrival: customer.arrivalTime, serviceTime: customer.serviceTime,
                                               patience: customer.patience, outcome: outcome, wait: wait))
    }
}

extension MultiServerQueue {
    /// Simulates replication `replication` of `model` with `seed`.
    public static func simulate(_ model: MultiServerQueueModel, seed: UInt64,
                                replication: Int) throws(ReferenceModelError) -> MultiServerQueueStatistics {
        var queue = try MultiServerQueue(model: model, seed: seed, replication: replication)
        return queue.run()
    }
}
