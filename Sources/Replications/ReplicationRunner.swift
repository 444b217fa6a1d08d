import Dispatch
import Foundation
import Measurement
import OutletEngine
import RandomStreams
import Scenario

/// Runs independent days (replications) of a scenario across threads.
///
/// Day *d* always uses the random streams of replication *d*, and each
/// day's result is handed on in day order, so the results, and everything
/// computed from them in day order, are identical for any number of jobs.
/// Workers run at most ``window(jobs:)`` days ahead of the oldest day not
/// yet handed on: memory holds that window, not the run, so it does not
/// grow with the number of days.
public enum ReplicationRunner {
    /// Runs `days` and hands each day's result to `consume`, in day order, on
    /// the calling thread, while worker threads simulate the days ahead.
    ///
    /// - Parameters:
    ///   - days: the replications to run, e.g. `0..<100`.
    ///   - jobs: threads to use (at least 1).
    ///   - targets: waits, minutes, whose service levels are measured.
    ///   - keepRecords: days whose customer records to keep (for traces).
    ///   - stop: looked at between days and inside each day; when requested,
    ///     the run throws ``SimulationStopped``.
    ///   - onDayFinished: called after each day with the number done so far
    ///     (from worker threads), e.g. for a progress bar.
    ///   - consume: receives each day's result in day order; if it throws,
    ///     the workers stop and the error is rethrown.
    /// - Complexity: O(days × customers per day) over `jobs` threads;
    ///   memory O(window × metrics per day).
    public static func run(_ scenario: Scenario, seed: UInt64, days: Range<Int>, jobs: Int, targets: [Double],
                           keepRecords: Range<Int> = 0..<0, stop: StopRequest? = nil,
                           onDayFinished: @escaping @Sendable (Int) -> Void = { _ in },
                           consume: (DayResult) throws -> Void) throws {
        guard !days.isEmpty else { return }
        let workers = max(1, min(jobs, days.count))
        let queue = OrderedDays(count: days.count, window: window(jobs: workers))
        let finished = DispatchGroup()
        finished.enter()
        DispatchQueue.global().async {
            defer { finished.leave() }
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                do {
                    var engine = try OutletEngine(scenario: scenario, seed: seed)
                    // One observer per worker, reset each day: its sketches are never copied.
                    var sink = TracingSink(observer: DayObserver(scenario: scenario, targets: targets))
                    while let index = queue.claim() {
                        let day = days.lowerBound + index
                        sink.startDay(keepingRecords: keepRecords.contains(day))
                        guard let totals = engine.run(day: day, into: &sink, stoppingAt: stop) else {
                            queue.cancel()
                            return
                        }
                        let metrics = sink.observer.metrics(totals: totals, scenario: scenario)
                        let done = queue.store(DayResult(day: day, metrics: metrics, records: sink.records), at: index)
                        onDayFinished(done)
                        if let stop, stop.isRequested { queue.cancel() }
                    }
                } catch {
                    queue.fail(error)
                }
            }
        }
        defer { finished.wait() }
        do {
            while let result = try queue.next() {
                try consume(result)
            }
        } catch {
            queue.cancel()
            throw error
        }
        if let stop, stop.isRequested { throw SimulationStopped(signal: stop.signal) }
    }

    /// Each day's result, in day order, kept in memory: for a bounded
    /// number of days (the optimizer's search days, a comparison).
    public static func results(_ scenario: Scenario, seed: UInt64, days: Range<Int>, jobs: Int, targets: [Double],
                               keepRecords: Range<Int> = 0..<0, stop: StopRequest? = nil) throws -> [DayResult] {
        var results: [DayResult] = []
        results.reserveCapacity(days.count)
        try run(scenario, seed: seed, days: days, jobs: jobs, targets: targets, keepRecords: keepRecords, stop: stop) {
            results.append($0)
        }
        return results
    }

    /// How far ahead of the oldest unconsumed day the workers may run:
    /// enough that a slow day rarely holds the others up, few enough that
    /// the finished days waiting take little memory.
    public static func window(jobs: Int) -> Int { max(64, 32 * jobs) }
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

/// Days claimed by worker threads and handed back in day order: a worker
/// may claim a day only within the window ahead of the oldest day not yet
/// consumed, so finished days never pile up.
final class OrderedDays: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var finished: [Int: DayResult] = [:]
    private var nextClaim = 0
    private var nextConsumed = 0
    private var done = 0
    private var cancelled = false
    private var error: Error?

    init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// The next day (an index into the run's days) to simulate; nil when
    /// every day is claimed or the run is cancelled. Waits while the window is full.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && nextClaim < count && nextClaim - nextConsumed >= window { condition.wait() }
        guard !cancelled, nextClaim < count else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    /// Stores a finished day and returns how many days are done.
    func store(_ result: DayResult, at index: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        finished[index] = result
        done += 1
        condition.broadcast()
        return done
    }

    /// The next day in day order, waiting for it; nil after the last day or
    /// when cancelled; rethrows a worker's error.
    func next() throws -> DayResult? {
        condition.lock()
        defer { condition.unlock() }
        while !cancelled && nextConsumed < count && finished[nextConsumed] == nil { condition.wait() }
        if let error { throw error }
        guard !cancelled, nextConsumed < count, let result = finished.removeValue(forKey: nextConsumed) else { return nil }
        nextConsumed += 1
        condition.broadcast()
        return result
    }

    func fail(_ error: Error) {
        condition.lock()
        defer { condition.unlock() }
        if self.error == nil { self.error = error }
        cancelled = true
        condition.broadcast()
    }

    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
    }
}
