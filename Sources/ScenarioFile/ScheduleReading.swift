import Scenario
import Yams

/// Opening hours that schedules must cover.
struct OpeningHours {
    let opening: Double
    let closing: Double
    let intervalMinutes: Double

    var intervalCount: Int { Int(((closing - opening) / intervalMinutes).rounded(.up)) }
    func intervalStart(_ index: Int) -> Double { opening + Double(index) * intervalMinutes }
    var hours: String { "\(ClockTime(minutes: opening))-\(ClockTime(minutes: closing))" }
}

extension NodeReader {
    /// A value over the day: one number all day, a list with one value per
    /// interval, or a mapping from clock times to the value from then on,
    /// whose first time must be at or before opening.
    mutating func schedule(_ node: Node, _ path: String, integer: Bool, hours: OpeningHours?) -> StepSchedule<Double>? {
        let limits: NumberLimits = integer ? .staff : .arrivalsPerHour
        let kind = (integer ? "whole number " : "number ") + limits.text
        func value(_ node: Node, _ path: String) -> Double? {
            integer ? self.integer(node, path, limits).map(Double.init) : number(node, path, limits)
        }
        switch node {
        case .scalar:
            return value(node, path).map { .constant($0) }
        case .sequence(let sequence):
            guard let hours else { return nil }
            guard sequence.count == hours.intervalCount else {
                report(node, path, found: "a list of \(sequence.count) values",
                       allowed: "one \(kind) per interval: \(hours.intervalCount) for \(hours.hours) in \(DistributionErrorFormat.value(hours.intervalMinutes))-minute intervals")
                return nil
            }
            var steps: [(start: Double, value: Double)] = []
            for (index, item) in sequence.enumerated() {
                guard let parsed = value(item, "\(path)[\(index)]") else { continue }
                steps.append((hours.intervalStart(index), parsed))
            }
            return steps.count == sequence.count ? StepSchedule(steps: steps) : nil
        case .mapping(let mapping):
            var steps: [(start: Double, value: Double)] = []
            var ok = true
            for (keyNode, item) in mapping {
                let key = keyNode.scalar?.string ?? ""
                guard let start = ClockTime(parsing: key)?.minutes else {
                    report(keyNode, "\(path).\(key)", found: NodeReader.describe(keyNode), allowed: "a clock time \"HH:MM\" from which the value holds")
                    ok = false
                    continue
                }
                if let hours, start >= hours.closing {
                    report(keyNode, "\(path).\(key)", found: "a change at \(key), at or after closing", allowed: "times before closing (\(hours.hours))")
                    ok = false
                }
                guard let parsed = value(item, "\(path).\(key)") else { ok = false; continue }
                steps.append((start, parsed))
            }
            guard ok, !steps.isEmpty else {
                if steps.isEmpty && ok { report(node, path, found: "an empty mapping", allowed: "at least one time → value") }
                return nil
            }
            let first = steps.map(\.start).min() ?? 0
            if let hours, first > hours.opening {
                report(node, path, found: "a plan starting at \(ClockTime(minutes: first))",
                       allowed: "a plan covering opening hours \(hours.hours): its first time at or before \(ClockTime(minutes: hours.opening))")
                return nil
            }
            return StepSchedule(steps: steps)
        case .alias:
            report(node, path, found: "an alias", allowed: "a number, a list per interval, or clock time → value")
            return nil
        }
    }

    mutating func integerSchedule(_ node: Node, _ path: String, hours: OpeningHours?) -> StepSchedule<Int>? {
        schedule(node, path, integer: true, hours: hours).map { StepSchedule(steps: $0.steps.map { ($0.start, Int($0.value)) }) }
    }
}
