import Foundation
import Scenario

/// A scenario file that extends another and overrides its plan: windows
/// open per interval, flexible thresholds, kiosks, seats, greeters, guides
/// and the roster (`outletsim optimize` writes its plan.yaml this way).
/// Written with the grammar's own keys (a test holds ``keyPaths`` to the
/// grammar) and read back by the reader, a round-trip test shows, as the
/// same plan.
public struct PlanVariant: Sendable {
    public var name: String
    /// The scenario it extends, relative to the variant's folder.
    public var extends: String
    /// Comment lines at the top, without `#`.
    public var comments: [String] = []
    /// Windows open per interval, by window group index (groups not rostered).
    public var open: [Int: [Int]] = [:]
    /// The waiting count that opens a flexible window and the one below which it closes, by window group index.
    public var flexible: [Int: (openWhenWaiting: Int, closeWhenWaitingBelow: Int)] = [:]
    /// Kiosks, by kiosk type index.
    public var kiosks: [Int: Int] = [:]
    public var seats: Int?
    /// Greeters and guides on duty per interval (when not rostered).
    public var greeters: [Int]?
    public var guides: [Int]?
    /// The shifts each rostered role works; they give its staff on duty.
    public var roster: Roster?

    public init(name: String, extends: String) {
        self.name = name
        self.extends = extends
    }

    /// Every key path the writer may write, so a test can hold them to the grammar.
    public static let keyPaths: [[String]] = [
        ["extends"], ["name"], ["windows", "<name>", "open"], ["windows", "<name>", "flexible", "open_when_waiting"],
        ["windows", "<name>", "flexible", "close_when_waiting_below"], ["self_service", "kiosks", "<name>", "count"],
        ["self_service", "guides"], ["reception", "greeters"], ["waiting_zone", "seats"],
        ["roster", "windows", "<name>", "[]", "shift"], ["roster", "windows", "<name>", "[]", "start"],
        ["roster", "windows", "<name>", "[]", "break"], ["roster", "windows", "<name>", "[]", "staff"],
        ["roster", "greeters", "[]", "staff"], ["roster", "guides", "[]", "staff"],
    ]

    /// The variant as YAML, names and times taken from `base`, the scenario it extends.
    public func yaml(base: Scenario) -> String {
        let quoted = ScenarioText.quoted
        func schedule(_ counts: [Int]) -> String { Self.schedule(counts, in: base) }
        var yaml = comments.map { "# \($0.replacingOccurrences(of: "\n", with: " "))\n" }.joined()
        yaml += "extends: \(quoted(extends))\nname: \(quoted(name))\n"
        let groups = Set(open.keys).union(flexible.keys).sorted()
        if !groups.isEmpty {
            yaml += "windows:\n"
            for group in groups {
                yaml += "  \(quoted(base.windowGroups[group].name)):\n"
                if let counts = open[group] { yaml += "    open: \(schedule(counts))\n" }
                if let rule = flexible[group] {
                    yaml += "    flexible: { open_when_waiting: \(rule.openWhenWaiting), close_when_waiting_below: \(rule.closeWhenWaitingBelow) }\n"
                }
            }
        }
        if !kiosks.isEmpty || guides != nil {
            yaml += "self_service:\n"
            if !kiosks.isEmpty {
                yaml += "  kiosks:\n"
                for (type, count) in kiosks.sorted(by: { $0.key < $1.key }) {
                    yaml += "    \(quoted(base.selfService.kioskTypes[type].name)): { count: \(count) }\n"
                }
            }
            if let guides { yaml += "  guides: \(schedule(guides))\n" }
        }
        if let greeters, base.reception != nil { yaml += "reception:\n  greeters: \(schedule(greeters))\n" }
        if let seats { yaml += "waiting_zone:\n  seats: \(seats)\n" }
        if let roster, !roster.shifts.isEmpty { yaml += rosterYAML(roster, base: base, quoted: quoted) }
        return yaml
    }

    /// A per-interval count as a schedule map naming only its changes:
    /// `{ "09:00": 3, "11:30": 4 }`.
    public static func schedule(_ counts: [Int], in scenario: Scenario) -> String {
        ScenarioText.schedule(counts.map(String.init), starts: counts.indices.map(scenario.intervalStart))
    }

    func rosterYAML(_ roster: Roster, base: Scenario, quoted: (String) -> String) -> String {
        let kinds = base.shifts?.kinds ?? []
        func list(_ items: [Roster.Shift], indent: String) -> String {
            items.map { shift in
                var fields = ["shift: \(quoted(kinds[shift.kind].name))", "start: \"\(ClockTime(minutes: shift.start))\""]
                if let breakStart = shift.breakStart { fields.append("break: \"\(ClockTime(minutes: breakStart))\"") }
                fields.append("staff: \(shift.staff)")
                return "\(indent)- { \(fields.joined(separator: ", ")) }\n"
            }.joined()
        }
        var yaml = "# The shifts of the plan, priced shift by shift; they give the staff on duty.\nroster:\n"
        let groups = roster.roles.compactMap { role -> (Int, [Roster.Shift])? in
            if case .windows(let group) = role, let items = roster.shifts[role] { return (group, items) }
            return nil
        }
        if !groups.isEmpty {
            yaml += "  windows:\n"
            for (group, items) in groups { yaml += "    \(quoted(base.windowGroups[group].name)):\n" + list(items, indent: "      ") }
        }
        if let greeters = roster.shifts[.greeters] { yaml += "  greeters:\n" + list(greeters, indent: "    ") }
        if let guides = roster.shifts[.guides] { yaml += "  guides:\n" + list(guides, indent: "    ") }
        return yaml
    }

    /// `file` as a path relative to `folder`, for `extends:`.
    public static func relativePath(of file: String, from folder: URL) -> String {
        let from = folder.standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: file).standardizedFileURL.pathComponents
        let shared = zip(from, to).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: from.count - shared) + to.dropFirst(shared)).joined(separator: "/")
    }
}
