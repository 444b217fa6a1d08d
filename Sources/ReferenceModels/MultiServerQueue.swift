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
    /// Sequence of the patience expiry still pending (a deadline, withdrawn
    /// when service starts), or `UInt64.max`.
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
    let interarrivalTime: [Distribution]
    /// The model's service time, held here so that a draw does not copy it out of the model.
    let serviceTime: Distribution
    /// The model's patience, or the service time standing in when
    /// customers have none (`drawsPatience` false; never drawn then).
    let patienceTime: Distribution
    let drawsPatience: Bool

    /// Customers present, by slot.
    var customers = SlotStore<CustomerSlot>(capacity: 256)

    /// One line for FIFO, one per class for priority.
    var lines: TicketLines
    var waitingCount = 0
    var idleServers: Int
    var arrivalsSoFar = 0
    var measuredResolved = 0
    /// The measured customers' counts and sums, per class, tallied here
    /// and turned into statistics when the run ends.
    var tallies: ClassTallies
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
        serviceTime = model.serviceTime
        patienceTime = model.patience ?? model.serviceTime
        drawsPatience = model.patience != nil
        self.model = model
        streams = bank
        lines = TicketLines(lineCount: model.discipline == .fifo ? 1 : model.classCount, capacity: 64)
        idleServers = model.servers
        tallies = ClassTallies(classes: model.classCount, thresholds: model.waitThresholds)
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
        return tallies.statistics
    }

    /// Customer slots allocated so far: the most customers ever present at
    /// once. It stays small however many customers pass.
    public var slotCount: Int { customers.slotCount }

    /// The customers recorded by `run()`, in order of leaving, when recording.
    public var customerRecords: [ReferenceCustomerRecord] { records }

    // MARK: - Event handlers

    mutating func scheduleArrival(ofClass customerClass: Int) {
        let gap = interarrivalTime[customerClass].sample(from: streams, stream: Self.stream(.arrivals, ofClass: customerClass))
        calendar.schedule(.arrival, for: Int32(customerClass), after: gap)
    }

    mutating func arrive(ofClass classIndex: Int) {
        scheduleArrival(ofClass: classIndex)
        arrivalsSoFar += 1
        let service = serviceTime.sample(from: streams, stream: Self.stream(.service, ofClass: classIndex))
        let patienceDrawn = drawsPatience ? patienceTime.sample(from: streams, stream: Self.stream(.patience, ofClass: classIndex)) : .infinity
        let measured = isMeasured(arrivalsSoFar)
        if measured { tallies[classIndex].arrivals += 1 }

        if idleServers == 0, let room = model.waitingRoom, waitingCount >= room {
            if measured {
                tallies[classIndex].blocked += 1
                measuredResolved += 1
            }
            record(CustomerSlot(arrivalTime: calendar.now, serviceTime: service, patience: patienceDrawn,
                                number: arrivalsSoFar, customerClass: UInt8(classIndex)), outcome: .blocked, wait: 0)
            return
        }
        let slot = customers.take(CustomerSlot(arrivalTime: calendar.now, serviceTime: service, patience: patienceDrawn,
                                               number: arrivalsSoFar, customerClass: UInt8(classIndex)))
        if idleServers > 0 {
            idleServers -= 1
            startService(slot: slot)
            return
        }
        if measured { tallies[classIndex].delayed += 1 }
        customers[slot].isWaiting = true
        waitingCount += 1
        lines.append(Ticket(slot: slot, number: arrivalsSoFar), to: model.discipline == .fifo ? 0 : classIndex)
        if patienceDrawn.isFinite {
            customers[slot].pendingAbandonment = calendar.scheduleDeadline(.abandonment, for: slot, after: patienceDrawn)
        }
    }

    mutating func startService(slot: Int32) {
        customers[slot].isWaiting = false
        if customers[slot].pendingAbandonment != UInt64.max { calendar.withdrawDeadline(of: slot) }
        customers[slot].pendingAbandonment = UInt64.max
        let customer = customers[slot]
        let wait = calendar.now - customer.arrivalTime
        if isMeasured(customer.number) {
            tallies.countServedWait(wait, ofClass: Int(customer.customerClass))
        }
        calendar.schedule(.departure, for: slot, after: customer.serviceTime)
    }

    mutating func depart(slot: Int32) {
        let customer = customers[slot]
        if isMeasured(customer.number) {
            tallies[Int(customer.customerClass)].served += 1
            measuredResolved += 1
        }
        if recordsCustomers {
            let wait = calendar.now - customer.serviceTime - customer.arrivalTime
            record(customer, outcome: .served, wait: wait)
        }
        customers.free(slot)
        if let next = nextWaitingCustomer() {
            waitingCount -= 1
            startService(slot: next)
        } else {
            idleServers += 1
        }
    }

    mutating func abandon(slot: Int32, sequence: UInt64) {
        guard customers[slot].isWaiting, customers[slot].pendingAbandonment == sequence else { return }
        customers[slot].isWaiting = false
        waitingCount -= 1
        let customer = customers[slot]
        let wait = calendar.now - customer.arrivalTime
        if isMeasured(customer.number) {
            let classIndex = Int(customer.customerClass)
            tallies[classIndex].abandoned += 1
            tallies[classIndex].totalTimeInQueue += wait
            measuredResolved += 1
        }
        record(customer, outcome: .abandoned, wait: wait)
        // The ticket stays in its line; a new number marks it stale once the slot is reused.
        customers.free(slot)
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
        for line in 0..<lines.lineCount {
            while let ticket = lines.popFirst(from: line) {
                let customer = customers[ticket.slot]
                if customer.isWaiting && customer.number == ticket.number { return ticket.slot }
            }
        }
        return nil
    }

    /// The three streams of each class, in the order `init` lists their purposes.
    enum ClassStream: Int { case arrivals, service, patience }

    /// Class `index`'s stream for `purpose`: computed, not looked up.
    @inline(__always)
    static func stream(_ purpose: ClassStream, ofClass index: Int) -> StreamIndex {
        StreamIndex(3 &* index &+ purpose.rawValue)
    }

    @inline(__always)
    func isMeasured(_ number: Int) -> Bool {
        number > model.warmUpCustomers && number <= model.warmUpCustomers + model.measuredCustomers
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
