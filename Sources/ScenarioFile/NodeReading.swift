import Distributions
import Scenario
import Yams

/// Reads typed values out of YAML nodes, recording a located problem for
/// anything wrong and carrying on, so that one pass reports every problem.
struct NodeReader {
    let file: String
    /// For a scenario that extends others: which file supplied each key path.
    var document: ResolvedDocument?
    private(set) var problems: [ScenarioProblem] = []
    /// Located notes on what was read but is worth knowing (an old name), each "FILE:LINE:COL: note: …".
    private(set) var notes: [String] = []

    init(file: String, document: ResolvedDocument? = nil) {
        self.file = file
        self.document = document
    }

    mutating func report(_ node: Node?, _ path: String, found: String, allowed: String, hint: String? = nil,
                         columnOffset: Int = 0) {
        // A problem with no node of its own (a sum over absent entries) is put at the document's start.
        let mark = node?.mark ?? document?.node.mark
        var source = file, note = hint
        if let document, document.chain.count > 1 {
            // Name the file the value came from, and the other files of the chain.
            source = document.file(for: path)
            let others = document.chain.filter { $0 != source }.joined(separator: ", ")
            let relation = source == document.chain.first ? "in a scenario extending \(others)" : "inherited by \(others)"
            note = hint.map { "\($0); \(relation)" } ?? relation
        }
        problems.append(ScenarioProblem(file: source, line: max(mark?.line ?? 1, 1), column: max(mark?.column ?? 1, 1) + columnOffset,
                                        keyPath: path, found: found, allowed: allowed, hint: note))
    }

    /// A note at `node`: read as it is, but worth saying.
    mutating func note(_ node: Node?, _ path: String, _ text: String) {
        let mark = node?.mark ?? document?.node.mark
        let source = document.map { $0.chain.count > 1 ? $0.file(for: path) : file } ?? file
        notes.append("\(source):\(max(mark?.line ?? 1, 1)):\(max(mark?.column ?? 1, 1)): note: \(path): \(text)")
    }

    /// A problem in another file the scenario names (an arrival trace).
    mutating func report(file other: String, line: Int, column: Int, _ path: String, found: String, allowed: String) {
        problems.append(ScenarioProblem(file: other, line: line, column: column, keyPath: path, found: found, allowed: allowed))
    }

    /// How a node reads in a message: its text, or "a mapping" / "a list".
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.string.isEmpty && scalar.style == .plain { return "nothing (an empty value)" }
            return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// A sum or measurement, without binary floating-point noise.
    static func format(_ value: Double) -> String {
        let rounded = (value * 1e9).rounded() / 1e9
        return DistributionErrorFormat.value(rounded)
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    // MARK: Structure

    /// The entries of a mapping with fixed keys: unknown keys are reported
    /// with a suggestion, missing required keys at the mapping.
    mutating func object(_ node: Node, _ path: String, _ fields: [Field]) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            report(node, path, found: Self.describe(node), allowed: "a mapping with keys " + fields.map(\.name).joined(separator: ", "))
            return nil
        }
        var entries: [String: Node] = [:]
        let names = fields.map(\.name)
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? Self.describe(keyNode)
            guard names.contains(key) else {
                report(keyNode, Self.join(path, key), found: "the unknown key '\(key)'",
                       allowed: names.joined(separator: ", "),
                       hint: DidYouMean.suggestion(for: key, among: names).map { "did you mean '\($0)'?" })
                continue
            }
            entries[key] = value
        }
        for field in fields where field.required && entries[field.name] == nil {
            report(node, Self.join(path, field.name), found: "no '\(field.name)'",
                   allowed: "'\(field.name)' is required: \(field.description)")
        }
        return entries
    }

    /// The entries of a mapping from planner-chosen names, in file order.
    mutating func namedEntries(_ node: Node, _ path: String, what: String) -> [(name: String, key: Node, value: Node)] {
        guard case .mapping(let mapping) = node else {
            report(node, path, found: Self.describe(node), allowed: "a mapping from \(what) names to their settings")
            return []
        }
        var entries: [(name: String, key: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let name = keyNode.scalar?.string, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                report(keyNode, path, found: Self.describe(keyNode), allowed: "a non-empty \(what) name")
                continue
            }
            entries.append((name, keyNode, value))
        }
        return entries
    }

    // MARK: Scalars

    /// A number within `limits`, checked before any conversion.
    mutating func number(_ node: Node, _ path: String, _ limits: NumberLimits) -> Double? {
        bounded(node, path, limits, allowed: "a number \(limits.text)")
    }

    /// A whole number within `limits`, checked before it is converted.
    mutating func integer(_ node: Node, _ path: String, _ limits: NumberLimits) -> Int? {
        let allowed = "a whole number \(limits.text)"
        guard let value = bounded(node, path, limits, allowed: allowed) else { return nil }
        guard value == value.rounded() else {
            report(node, path, found: DistributionErrorFormat.value(value), allowed: allowed)
            return nil
        }
        return Int(value)
    }

    /// The scalar's value when it is a finite number within `limits`; else a
    /// problem that quotes the scalar as written.
    private mutating func bounded(_ node: Node, _ path: String, _ limits: NumberLimits, allowed: String) -> Double? {
        guard case .scalar(let scalar) = node,
              let value = Double(scalar.string) ?? DistributionSyntax.yamlSpecialNumber(scalar.string) else {
            report(node, path, found: Self.describe(node), allowed: allowed)
            return nil
        }
        guard value.isFinite, value >= limits.minimum, value <= limits.maximum else {
            report(node, path, found: scalar.string, allowed: allowed)
            return nil
        }
        return value
    }

    /// A limit as planners write it: 1000000, not 1e+06.
    static func limitText(_ value: Double) -> String { DistributionErrorFormat.value(value) }

    mutating func probability(_ node: Node, _ path: String) -> Double? {
        number(node, path, .share)
    }

    mutating func text(_ node: Node, _ path: String) -> String? {
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            report(node, path, found: Self.describe(node), allowed: "text")
            return nil
        }
        return scalar.string
    }

    mutating func boolean(_ node: Node, _ path: String) -> Bool? {
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        report(node, path, found: Self.describe(node), allowed: "true or false")
        return nil
    }

    /// Minutes after midnight from "HH:MM".
    mutating func clockTime(_ node: Node, _ path: String) -> Double? {
        guard case .scalar(let scalar) = node, let time = ClockTime(parsing: scalar.string) else {
            report(node, path, found: Self.describe(node), allowed: "a clock time \"HH:MM\" from 00:00 to 9999:00 (hours past 24 continue into the next days)")
            return nil
        }
        return time.minutes
    }

    mutating func distribution(_ node: Node, _ path: String, signed: Bool) -> Distribution? {
        guard case .scalar(let scalar) = node else {
            report(node, path, found: Self.describe(node), allowed: DistributionSyntax.forms)
            return nil
        }
        do {
            return try DistributionSyntax.parse(scalar.string, signed: signed)
        } catch {
            let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
            report(node, path, found: error.found, allowed: error.allowed, hint: error.hint, columnOffset: error.offset + quote)
            return nil
        }
    }

    /// A list of names from `names` (or "all"), as one flag per name.
    mutating func nameList(_ node: Node, _ path: String, names: [String], what: String) -> [Bool]? {
        if case .scalar(let scalar) = node, scalar.string == "all" {
            return Array(repeating: true, count: names.count)
        }
        guard case .sequence(let sequence) = node else {
            report(node, path, found: Self.describe(node), allowed: "a list of \(what) names, or \"all\"")
            return nil
        }
        var flags = Array(repeating: false, count: names.count)
        var ok = true
        for item in sequence {
            guard let name = item.scalar?.string, let index = names.firstIndex(of: name) else {
                let name = item.scalar?.string ?? Self.describe(item)
                report(item, path, found: "the undefined \(what) '\(name)'", allowed: "one of " + names.joined(separator: ", "),
                       hint: DidYouMean.suggestion(for: name, among: names).map { "did you mean '\($0)'?" })
                ok = false
                continue
            }
            flags[index] = true
        }
        return ok ? flags : nil
    }

    /// Weights over `names` summing to 1 (within 1e-6); names left out weigh 0.
    mutating func weights(_ node: Node, _ path: String, names: [String], what: String) -> [Double]? {
        var weights = Array(repeating: 0.0, count: names.count)
        var ok = true
        for (name, key, value) in namedEntries(node, path, what: what) {
            guard let index = names.firstIndex(of: name) else {
                report(key, Self.join(path, name), found: "the undefined \(what) '\(name)'",
                       allowed: "one of " + names.joined(separator: ", "),
                       hint: DidYouMean.suggestion(for: name, among: names).map { "did you mean '\($0)'?" })
                ok = false
                continue
            }
            guard let weight = probability(value, Self.join(path, name)) else { ok = false; continue }
            weights[index] = weight
        }
        guard ok else { return nil }
        let total = weights.reduce(0, +)
        guard abs(total - 1) <= 1e-6 else {
            report(node, path, found: "shares summing to \(NodeReader.format(total))", allowed: "shares summing to 1 (within 1e-6)")
            return nil
        }
        return weights
    }
}
