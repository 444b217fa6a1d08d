import Testing
import Distributions
import ReferenceModels

@Suite("Multi-server queue mechanics")
struct MultiServerQueueTests {
    func records(servers: Int, discipline: MultiServerQueueModel.Discipline = .fifo,
                 waitingRoom: Int? = nil) throws -> [ReferenceCustomerRecord] {
        let model = try MultiServerQueueModel(arrivalsPerHour: [10, 30], servers: servers,
                                              serviceTime: .gamma(mean: 5, sd: 3), patience: .exponential(mean: 8),
                                              waitingRoom: waitingRoom, discipline: discipline,
                                              warmUpCustomers: 0, measuredCustomers: 2_000)
        var queue = try MultiServerQueue(model: model, seed: 77, replication: 3, recordingCustomers: true)
        _ = queue.run()
        return queue.customerRecords.sorted { $0.number < $1.number }
    }

    /// The attributes that common random numbers must hold fixed.
    struct Attributes: Equatable {
        let number: Int, customerClass: Int, arrival: Double, serviceTime: Double, patience: Double
        init(_ record: ReferenceCustomerRecord) {
            (number, customerClass, arrival, serviceTime, patience) =
                (record.number, record.customerClass, record.arrival, record.serviceTime, record.patience)
        }
    }

    @Test("changing the number of windows, the discipline or the waiting room leaves arrivals and customer attributes identical")
    func commonRandomNumbers() throws {
        let base = try records(servers: 4).prefix(1_500).map(Attributes.init)
        let moreWindows = try records(servers: 5).prefix(1_500).map(Attributes.init)
        let priority = try records(servers: 4, discipline: .priority).prefix(1_500).map(Attributes.init)
        let limited = try records(servers: 4, waitingRoom: 3).prefix(1_500).map(Attributes.init)
        #expect(base.count == 1_500)
        #expect(base == moreWindows)
        #expect(base == priority)
        #expect(base == limited)
        // ... while the waits themselves do change.
        #expect(try records(servers: 4).map(\.wait) != (try records(servers: 5).map(\.wait)))
    }

    @Test("the same seed and replication reproduce the statistics exactly; another replication differs")
    func reproducible() throws {
        let model = try MultiServerQueueModel(arrivalsPerHour: [43.2], servers: 4, serviceTime: .exponential(mean: 5),
                                              warmUpCustomers: 100, measuredCustomers: 5_000)
        let first = try MultiServerQueue.simulate(model, seed: 1, replication: 0)
        #expect(first == (try MultiServerQueue.simulate(model, seed: 1, replication: 0)))
        #expect(first != (try MultiServerQueue.simulate(model, seed: 1, replication: 1)))
    }

    @Test("each customer's record is consistent with the rules it ran under")
    func recordConsistency() throws {
        let all = try records(servers: 3, waitingRoom: 4)
        #expect(all.count >= 2_000)
        for record in all {
            switch record.outcome {
            case .served: #expect(record.wait >= -1e-9 && record.wait <= record.patience + 1e-9)
            case .abandoned: #expect(abs(record.wait - record.patience) < 1e-9)
            case .blocked: #expect(record.wait == 0)
            }
        }
        #expect(all.contains { $0.outcome == .blocked })
        #expect(all.contains { $0.outcome == .abandoned })
        // FIFO with one line: service starts in ticket order.
        let starts = all.filter { $0.outcome == .served }.map { $0.arrival + $0.wait }
        #expect(zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 + 1e-9 })
    }

    @Test("memory depends on the customers present, not on how many pass: slots are reused")
    func boundedMemory() throws {
        let model = try MultiServerQueueModel(arrivalsPerHour: [43.2], servers: 4, serviceTime: .exponential(mean: 5),
                                              patience: .exponential(mean: 20), warmUpCustomers: 0, measuredCustomers: 200_000)
        var queue = try MultiServerQueue(model: model, seed: 3, replication: 0)
        _ = queue.run()
        #expect(queue.slotCount < 300, "slots grew to \(queue.slotCount)")
    }

    @Test("invalid models are typed errors")
    func invalidModels() throws {
        #expect(throws: ReferenceModelError.self) {
            _ = try MultiServerQueueModel(arrivalsPerHour: [10], servers: 0, serviceTime: .exponential(mean: 5))
        }
        #expect(throws: ReferenceModelError.self) {
            _ = try MultiServerQueueModel(arrivalsPerHour: [.nan], servers: 2, serviceTime: .exponential(mean: 5))
        }
        #expect(throws: ReferenceModelError.self) {
            _ = try MultiServerQueueModel(arrivalsPerHour: [], servers: 2, serviceTime: .exponential(mean: 5))
        }
        #expect(throws: ReferenceModelError.self) {
            _ = try MultiServerQueueModel(arrivalsPerHour: [10], servers: 2, serviceTime: .exponential(mean: 5), waitingRoom: -1)
        }
    }
}
