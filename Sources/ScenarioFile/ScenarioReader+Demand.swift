import Distributions
import Foundation
import Scenario
import Yams

/// A segment as read, with how its arrivals were given and where.
struct ReadSegment {
    var segment: Segment
    var share: Double?
    /// Whether the file gives a share at all (a bad one is reported where it is).
    var shareWritten: Bool
    var perHour: StepSchedule<Double>?
    let node: Node
    let mixNode: Node?
}

/// Demand: segments, walk-in arrivals, peaks and traces.
extension ScenarioReader {
    mutating func readSegments(_ node: Node) -> [ReadSegment] {
        var segments: [ReadSegment] = []
        for (name, _, value) in nodes.namedEntries(node, "segments", what: "segment") {
            let path = "segments.\(name)"
            guard let entries = nodes.object(value, path, Grammar.segment) else { continue }
            let priority = entries["priority"].map { nodes.integer($0, "\(path).priority", .priority) } ?? 0
            let mix = entries["mix"].flatMap {
                nodes.weights($0, "\(path).mix", names: transactionNames, what: "transaction type")
            }
            let patience = entries["patience"].flatMap { nodes.distribution($0, "\(path).patience", signed: false) }
            let balking = entries["balking"].flatMap { readBalking($0, "\(path).balking") }
            let propensity = entries["self_service"].map { nodes.probability($0, "\(path).self_service") } ?? 0
            var groupSize = entries["group_size"].flatMap { nodes.distribution($0, "\(path).group_size", signed: false) }
            if let size = groupSize, !(size.mean <= Self.largestMeanGroup) {
                nodes.report(entries["group_size"], "\(path).group_size", found: "a mean group of \(NodeReader.format(size.mean)) customers",
                             allowed: "a mean of at most \(NodeReader.format(Self.largestMeanGroup)) customers per arrival (each group is at most \(Segment.largestGroup))")
                groupSize = nil
            }
            let share = entries["share"].flatMap { nodes.probability($0, "\(path).share") }
            let perHour = entries["arrivals_per_hour"].flatMap {
                nodes.schedule($0, "\(path).arrivals_per_hour", integer: false, hours: hours)
            }
            let segment = Segment(name: name, priority: priority ?? 0,
                                  mix: mix ?? Array(repeating: 0, count: transactionNames.count),
                                  patience: patience, balking: balking, selfServicePropensity: propensity ?? 0,
                                  groupSize: groupSize)
            segments.append(ReadSegment(segment: segment, share: share, shareWritten: entries["share"] != nil, perHour: perHour, node: value, mixNode: entries["mix"]))
        }
        if segments.isEmpty {
            nodes.report(node, "segments", found: "no segments", allowed: "at least one segment")
        }
        return segments
    }

    mutating func readBalking(_ node: Node, _ path: String) -> BalkingRule? {
        guard let entries = nodes.object(node, path, Grammar.balking) else { return nil }
        let probability = entries["probability"].map { nodes.probability($0, "\(path).probability") } ?? 1
        switch (entries["when_waiting_at_least"], entries["when_announced_wait_at_least"]) {
        case let (count?, nil):
            guard let atLeast = nodes.integer(count, "\(path).when_waiting_at_least", .customers), let probability else { return nil }
            return BalkingRule(trigger: .queueLength(atLeast: atLeast), probability: probability)
        case let (nil, wait?):
            guard let atLeast = nodes.number(wait, "\(path).when_announced_wait_at_least", .minutes), let probability else { return nil }
            return BalkingRule(trigger: .announcedWait(atLeast: atLeast), probability: probability)
        default:
            nodes.report(node, path, found: "\(entries["when_waiting_at_least"] == nil ? "neither" : "both") trigger(s)",
                         allowed: "exactly one of when_waiting_at_least and when_announced_wait_at_least")
            return nil
        }
    }

    /// The largest mean group size a segment may have.
    static let largestMeanGroup = 100.0

    /// Arrivals either in total (`arrivals.per_hour` with segment shares) or
    /// per segment (`segments.*.arrivals_per_hour`), or from a trace.
    mutating func readArrivals(_ node: Node?, segments: [ReadSegment], rootNode: Node) -> ArrivalPlan? {
        let entries = node.flatMap { nodes.object($0, "arrivals", Grammar.arrivals) } ?? [:]
        var peaks: [Peak] = []
        if let peaksNode = entries["peaks"] {
            if case .sequence(let list) = peaksNode {
                for (index, item) in list.enumerated() {
                    if let peak = readPeak(item, "arrivals.peaks[\(index)]") { peaks.append(peak) }
                }
            } else {
                nodes.report(peaksNode, "arrivals.peaks", found: NodeReader.describe(peaksNode), allowed: "a list of peaks")
            }
        }
        let trace = entries["trace"].flatMap { readTrace($0) }
        var scale = 1.0
        if let node = entries["scale"], let value = nodes.number(node, "arrivals.scale", .factor) { scale = value }
        let total = entries["per_hour"].flatMap { nodes.schedule($0, "arrivals.per_hour", integer: false, hours: hours) }
        let rates: ArrivalPlan.Rates
        if entries["per_hour"] != nil {
            for read in segments where !read.shareWritten {
                nodes.report(read.node, "segments.\(read.segment.name).share", found: "no share",
                             allowed: "a share of arrivals.per_hour for every segment (shares summing to 1)")
            }
            for read in segments where read.perHour != nil {
                nodes.report(read.node, "segments.\(read.segment.name).arrivals_per_hour", found: "arrivals per segment as well as in total",
                             allowed: "either arrivals.per_hour with shares, or arrivals_per_hour in every segment")
            }
            let shares = segments.map { $0.share ?? 0 }
            let sum = shares.reduce(0, +)
            if !segments.isEmpty, segments.allSatisfy({ $0.share != nil }), abs(sum - 1) > 1e-6 {
                nodes.report(segments.first?.node, "segments.*.share", found: "shares summing to \(NodeReader.format(sum))",
                             allowed: "shares summing to 1 (within 1e-6)")
            }
            guard let total else { return nil }
            rates = .total(total, shares: shares)
        } else if trace == nil || segments.contains(where: { $0.perHour != nil }) {
            for read in segments where read.perHour == nil {
                nodes.report(read.node, "segments.\(read.segment.name).arrivals_per_hour", found: "no arrival rate",
                             allowed: "arrivals_per_hour for every segment, or arrivals.per_hour with segment shares")
            }
            rates = .perSegment(segments.map { $0.perHour ?? .constant(0) })
        } else {
            if let node = entries["scale"] {
                nodes.report(node, "arrivals.scale", found: "a scale on arrivals that come only from a trace",
                             allowed: "a scale together with generated walk-ins (arrivals.per_hour or arrivals_per_hour); a trace is replayed as written")
            }
            rates = .perSegment(segments.map { _ in .constant(0) })
        }
        var dayFactor: Distribution?
        if let node = entries["day_factor"], let factor = nodes.distribution(node, "arrivals.day_factor", signed: false) {
            if !(factor.mean >= 0.1 && factor.mean <= 10) {
                nodes.report(node, "arrivals.day_factor", found: "a day factor with mean \(NodeReader.format(factor.mean))",
                             allowed: "a distribution of factors with mean from 0.1 to 10 (1 keeps the average demand), e.g. gamma(mean=1, cv=0.08)")
            } else if trace != nil, segments.allSatisfy({ $0.perHour == nil }), entries["per_hour"] == nil {
                nodes.report(node, "arrivals.day_factor", found: "a day factor on arrivals that come only from a trace",
                             allowed: "a day factor together with generated walk-ins (arrivals.per_hour or arrivals_per_hour); a trace is replayed as written")
            } else {
                dayFactor = factor
            }
        }
        let plan = ArrivalPlan(rates: rates, peaks: peaks, trace: trace, scale: scale, dayFactor: dayFactor)
        checkRateCap(plan, node: node ?? rootNode)
        return plan
    }

    /// Walk-in arrivals, after peaks and scale, may total at most
    /// ``NumberLimits/arrivalsPerHour`` per hour at any time, so that no
    /// combination of factors makes a day of endless customers.
    mutating func checkRateCap(_ plan: ArrivalPlan, node: Node) {
        guard let hours, nodes.problems.isEmpty else { return }
        let cap = NumberLimits.arrivalsPerHour.maximum
        let times = [hours.opening] + plan.rateChanges.filter { $0 > hours.opening && $0 < hours.closing }
        for time in times {
            let total = segmentNames.indices.reduce(0) { $0 + plan.rate(ofSegment: $1, at: time) }
            guard total <= cap else {
                nodes.report(node, "arrivals", found: "\(NodeReader.format(total)) walk-in arrivals per hour at \(ClockTime(minutes: time)) once peaks and scale are applied",
                             allowed: "at most \(NodeReader.limitText(cap)) arrivals per hour in total at any time")
                return
            }
        }
    }

    mutating func readPeak(_ node: Node, _ path: String) -> Peak? {
        guard let entries = nodes.object(node, path, Grammar.peak) else { return nil }
        let name = entries["name"].flatMap { nodes.text($0, "\(path).name") }
        let from = entries["from"].flatMap { nodes.clockTime($0, "\(path).from") }
        let to = entries["to"].flatMap { nodes.clockTime($0, "\(path).to") }
        let factor = entries["factor"].flatMap { nodes.number($0, "\(path).factor", .factor) }
        guard let name, let from, let to, let factor else { return nil }
        guard to > from else {
            nodes.report(entries["to"], "\(path).to", found: "a peak ending at \(ClockTime(minutes: to))",
                         allowed: "an end after its start (\(ClockTime(minutes: from)))")
            return nil
        }
        return Peak(name: name, from: from, until: to, factor: factor)
    }

    /// Reads the trace CSV named by `node`; its problems name the CSV file.
    mutating func readTrace(_ node: Node) -> [ScheduledArrival]? {
        guard let name = nodes.text(node, "arrivals.trace") else { return nil }
        // Relative to the file that names the trace, which may be a base scenario.
        let base = nodes.document.map { ($0.file(for: "arrivals.trace") as NSString).deletingLastPathComponent } ?? directory
        let path = name.hasPrefix("/") || base.isEmpty ? name : (base as NSString).appendingPathComponent(name)
        let text: String
        do {
            guard let data = try TextEncoding.contents(of: path, largest: TextEncoding.largestTrace) else {
                nodes.report(node, "arrivals.trace", found: "'\(name)', which cannot be read", allowed: "a readable UTF-8 CSV file relative to the scenario")
                return nil
            }
            text = try TextEncoding.decode(data)
        } catch {
            nodes.report(file: path, line: error.line, column: error.column, "arrivals.trace", found: error.found, allowed: error.allowed)
            return nil
        }
        var trace = TraceFile(file: path, segments: segmentNames, transactions: transactionNames,
                              hours: hours.map { $0.opening..<$0.closing })
        let rows = trace.read(text)
        for problem in trace.problems {
            nodes.report(file: path, line: problem.line, column: problem.column, "arrivals.trace", found: problem.found, allowed: problem.allowed)
        }
        return trace.problems.isEmpty ? rows : nil
    }
}
