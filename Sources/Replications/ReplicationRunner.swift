import Dispatch
import Foundation
import Measurement
import OutletEngine
import RandomStreams
import Scenario

/// Runs independent days (replications) of a scenario across threads.
///
/// Day *d* always uses the random streams of replication *d*, and each
/// day's metrics land in its own slot, so the results, and everything
/// computed from them in day order, are identical for any number of jobs.
public enum ReplicationRunner {
    /// Each day's metrics, in day order.
    ///
    /// - Parameters:
    ///   - days: the replications to run, e.g. `0..<100`.
    ///   - jobs: threads to use (at least 1).
    ///   - targets: waits, minutes, whose service levels are measured.
    ///   - keepRecords: days whose customer records to keep (for traces).
    ///   - onDayFinished: called after each day with the number done so far
    ///     (from worker threads); return false to stop early.
    public static func run(_ scenario: Scenario, seed: UInt64, days: Range<Int>, jobs: Int, targets: [Double],
                           keepRecords: Range<Int> = 0..<0,
                           onDayFinished: @escaping @Sendable (Int) -> Bool = { _ in true }) throws -> [DayResult] {
        let slots = ResultSlots(count: days.count)
        let workers = max(1, min(jobs, days.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            do {
                var engine = try OutletEngine(scenario: scenario, seed: seed)
                // One observer per worker, reset each day: its histograms are never copied.
                var sink = TracingSink(observer: DayObserver(scenario: scenario, targets: targets))
                var day = days.lowerBound + worker
                while day < days.upperBound, !slots.isCancelled {
                    sink.startDay(keepingRecords: keepRecords.contains(day))
                    let totals = engine.run(day: day, into: &sink)
                    let metrics = sink.observer.metrics(totals: totals, scenario: scenario)
                    let done = slots.store(DayResult(day: day, metrics: metrics, records: sink.records), at: day - days.lowerBound)
                    if !onDayFinished(done) { slots.cancel() }
                    day += workers
                }
            } catch {
                slots.fail(error)
            }
        }
        if let error = slots.error { throw error }
        return slots.results
    }
}

/// One replication's outcome.
public struct DayResult: Sendable {
    public let day: Int
    /// The day's terms and durations, which every estimate is built from.
    public let metrics: DayMetrics
    /// The day's customer records, when asked for.
    public let records: [CustomerRecord]

    public init(day: Int, metrics: DayMetrics, records: [CustomerRecord] = []) {
        self.day = day
        self.metrics = metrics
        self.records = records
    }
}

/// Passes records to the observer and keeps them when tracing.
struct TracingSink: CustomerRecordSink {
    var observer: DayObserver
    var keep = false
    var records: [CustomerRecord] = []

    mutating func startDay(keepingRecords: Bool) {
        observer.reset()
        keep = keepingRecords
        records = []
    }

    mutating func record(_ record: CustomerRecord) {
        observer.record(record)
        if keep { records.append(record) }
    }
}

/// Day results written by worker threads, each into its own slot.
final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [DayResult?]
    private var finished = 0
    private var cancelled = false
    private(set) var error: Error?

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    /// Stores a result and returns how many days are done.
    func store(_ result: DayResult, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
        finished += 1
        return finished
    }

    func fail(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        if self.error == nil { self.error = error }
        cancelled = true
    }

    func cancel() {
        lock.lock()
        defer { lock.unlock() }
        cancelled = true
    }

    var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// The finished days, in day order (all of them unless cancelled).
    var results: [DayResult] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
