import Foundation
import Scenario
import ScenarioFile

/// A planner's edits to the opened scenario, as the page sends them: the
/// windows open per interval in each group, greeters and guides per
/// interval, kiosks by type, seats and standing room. The draft becomes a
/// scenario variant (`extends:` plus what differs from the base), which the
/// scenario reader then validates exactly as it validates a file: a value
/// out of range comes back as the reader's located problem, at its key path.
public struct PlanDraft: Decodable, Sendable, Equatable {
    public var name: String?
    /// Windows open per interval, by window group name.
    public var windows: [String: [DraftNumber]]?
    /// Kiosks, by kiosk type name.
    public var kiosks: [String: DraftNumber]?
    public var seats: DraftNumber?
    public var standing: DraftNumber?
    /// Greeters and guides on duty per interval.
    public var greeters: [DraftNumber]?
    public var guides: [DraftNumber]?
    /// New bounds of the scenario's targets: one value for `at_least` or
    /// `at_most`, two for `between`, in the file's units.
    public var targets: [TargetBounds]?

    /// The floor plan: zones moved or resized, and the doors.
    public var layout: LayoutDraft?

    public struct LayoutDraft: Decodable, Sendable, Equatable {
        /// By zone name: its area (m²) and centre (`at`, metres).
        public var zones: [String: ZoneDraft]?
        /// Every door, as a pair of zone names.
        public var doors: [[String]]?

        public init(zones: [String: ZoneDraft]? = nil, doors: [[String]]? = nil) {
            self.zones = zones
            self.doors = doors
        }
    }

    public struct ZoneDraft: Decodable, Sendable, Equatable {
        public var area: DraftNumber
        public var at: [DraftNumber]?

        public init(area: DraftNumber, at: [DraftNumber]? = nil) {
            self.area = area
            self.at = at
        }
    }

    /// The shifts each role works, for the roles planned by shifts: by
    /// window group name, and greeters and guides. A role not named is
    /// planned by its staff per interval, covered by the cheapest shifts.
    public var roster: RosterDraft?

    public struct RosterDraft: Decodable, Sendable, Equatable {
        public var windows: [String: [ShiftDraft]]?
        public var greeters: [ShiftDraft]?
        public var guides: [ShiftDraft]?

        public init(windows: [String: [ShiftDraft]]? = nil, greeters: [ShiftDraft]? = nil, guides: [ShiftDraft]? = nil) {
            self.windows = windows
            self.greeters = greeters
            self.guides = guides
        }
    }

    /// One line of a roster: a shift of the menu, its start and break ("HH:MM"), and how many work it.
    public struct ShiftDraft: Decodable, Sendable, Equatable {
        public var shift: String
        public var start: String
        public var `break`: String?
        public var staff: DraftNumber

        public init(shift: String, start: String, break breakStart: String? = nil, staff: DraftNumber) {
            self.shift = shift
            self.start = start
            self.break = breakStart
            self.staff = staff
        }

        /// The line as the file writes it.
        var yaml: String {
            let quoted = ScenarioText.quoted
            return "{ shift: \(quoted(shift)), start: \(quoted(start))" + (self.break.map { ", break: \(quoted($0))" } ?? "") + ", staff: \(staff.text) }"
        }
    }

    /// The most lines of one role's roster.
    public static let mostShifts = 200

    /// The most doors a draft may give.
    public static let mostDoors = 64

    /// A target's bounds, by its place in the scenario's list.
    public struct TargetBounds: Decodable, Sendable, Equatable {
        public var index: Int
        public var bounds: [DraftNumber]

        public init(index: Int, bounds: [DraftNumber]) {
            self.index = index
            self.bounds = bounds
        }
    }

    public init(name: String? = nil, windows: [String: [DraftNumber]]? = nil, kiosks: [String: DraftNumber]? = nil,
                seats: DraftNumber? = nil, standing: DraftNumber? = nil, greeters: [DraftNumber]? = nil, guides: [DraftNumber]? = nil) {
        self.name = name
        self.windows = windows
        self.kiosks = kiosks
        self.seats = seats
        self.standing = standing
        self.greeters = greeters
        self.guides = guides
    }

    /// The most window groups or kiosk types one draft may name.
    public static let mostNamed = 64
    /// The longest name in a draft, in bytes.
    public static let longestName = 200

    /// The variant's text: `extends: base` and every value that differs
    /// from `base`, in the grammar's keys. Values are written as the page
    /// sent them, so the reader judges them.
    /// - Parameters:
    ///   - extends: the base file, relative to the variant's folder.
    ///   - targetsText: the base's `targets:` with this draft's bounds, from
    ///     ``TargetListText``, written when a bound changed.
    /// - Throws: ``StudioRefusal`` for a draft whose shape does not fit the
    ///   base: a schedule without one value per interval, a name too long.
    /// - Complexity: O(groups × intervals).
    public func variantText(base: Scenario, extends: String, targetsText: String? = nil) throws(StudioRefusal) -> String {
        try checkShape(base)
        let quoted = ScenarioText.quoted
        let intervals = 0..<base.intervalCount
        let starts = intervals.map(base.intervalStart)
        func schedule(_ values: [DraftNumber]) -> String { ScenarioText.schedule(values.map(\.text), starts: starts) }
        func differs(_ values: [DraftNumber], _ schedule: StepSchedule<Int>) -> Bool {
            zip(values, starts).contains { value, start in value.text != String(schedule.value(at: start)) }
        }
        let variantName = name ?? base.name + "-studio"
        var text = "# A plan made in OutletSim's studio: \(extends) with the changes below.\n"
        text += "extends: \(quoted(extends))\nname: \(quoted(variantName))\n"
        let groups = (windows ?? [:]).sorted { $0.key < $1.key }.filter { name, values in
            guard let group = base.windowGroups.first(where: { $0.name == name }) else { return true }
            return differs(values, group.open)
        }
        if !groups.isEmpty {
            text += "windows:\n" + groups.map { "  \(quoted($0.key)):\n    open: \(schedule($0.value))\n" }.joined()
        }
        let kioskChanges = (kiosks ?? [:]).sorted { $0.key < $1.key }.filter { name, count in
            base.selfService.kioskTypes.first { $0.name == name }.map { String($0.count) != count.text } ?? true
        }
        let guideChange = guides.flatMap { differs($0, base.selfService.guides) ? $0 : nil }
        if !kioskChanges.isEmpty || guideChange != nil {
            text += "self_service:\n"
            if !kioskChanges.isEmpty {
                text += "  kiosks:\n" + kioskChanges.map { "    \(quoted($0.key)): { count: \($0.value.text) }\n" }.joined()
            }
            if let guideChange { text += "  guides: \(schedule(guideChange))\n" }
        }
        if let greeters, differs(greeters, base.reception?.greeters ?? .constant(0)) {
            text += "reception:\n  greeters: \(schedule(greeters))\n"
        }
        let seatChange = seats.flatMap { $0.text != String(base.waitingZone.seats) ? $0 : nil }
        let standingChange = standing.flatMap { $0.text != String(base.waitingZone.standing) ? $0 : nil }
        if seatChange != nil || standingChange != nil {
            text += "waiting_zone:\n"
            if let seatChange { text += "  seats: \(seatChange.text)\n" }
            if let standingChange { text += "  standing: \(standingChange.text)\n" }
        }
        text += rosterText(base)
        text += layoutText(base)
        if let targetsText, !changedTargetBounds(base).isEmpty { text += targetsText }
        return text
    }

    /// `roster:` with each role the draft plans by shifts whose lines
    /// differ from the base's; empty when none does.
    func rosterText(_ base: Scenario) -> String {
        guard let roster else { return "" }
        let kinds = base.shifts?.kinds ?? []
        func baseLines(_ role: Roster.Role) -> [String] {
            (base.roster?.shifts[role] ?? []).map { shift in
                ShiftDraft(shift: kinds.indices.contains(shift.kind) ? kinds[shift.kind].name : "", start: ClockTime(minutes: shift.start).description,
                           break: shift.breakStart.map { ClockTime(minutes: $0).description }, staff: DraftNumber(integerLiteral: shift.staff)).yaml
            }
        }
        func changed(_ lines: [ShiftDraft], _ role: Roster.Role?) -> Bool { role.map { lines.map(\.yaml) != baseLines($0) } ?? true }
        func list(_ lines: [ShiftDraft], indent: String) -> String { lines.map { "\(indent)- \($0.yaml)\n" }.joined() }
        let groups = (roster.windows ?? [:]).sorted { $0.key < $1.key }.filter { name, lines in
            changed(lines, base.windowGroups.firstIndex { $0.name == name }.map { .windows(group: $0) })
        }
        let greeters = roster.greeters.flatMap { changed($0, .greeters) ? $0 : nil }
        let guides = roster.guides.flatMap { changed($0, .guides) ? $0 : nil }
        guard !groups.isEmpty || greeters != nil || guides != nil else { return "" }
        var text = "roster:\n"
        if !groups.isEmpty {
            text += "  windows:\n" + groups.map { "    \(ScenarioText.quoted($0.key)):\n" + list($0.value, indent: "      ") }.joined()
        }
        if let greeters { text += "  greeters:\n" + list(greeters, indent: "    ") }
        if let guides { text += "  guides:\n" + list(guides, indent: "    ") }
        return text
    }

    /// `layout:` with the zones that moved or changed size, and every door
    /// when the doors changed; empty when nothing did.
    func layoutText(_ base: Scenario) -> String {
        guard let layout else { return "" }
        let quoted = ScenarioText.quoted
        func same(_ text: String, _ value: Double?) -> Bool { value.map { Double(text) == $0 } ?? false }
        let zones = (layout.zones ?? [:]).sorted { $0.key < $1.key }.filter { name, zone in
            guard let current = base.floorPlan?.zones.first(where: { $0.kind.name == name }) else { return true }
            let moved = zone.at.map { at in at.count != 2 || !same(at[0].text, current.position?.x) || !same(at[1].text, current.position?.y) } ?? false
            return !same(zone.area.text, current.area) || moved
        }
        let pairs = { (doors: [[String]]) in Set(doors.map { $0.sorted().joined(separator: "\u{0}") }) }
        let baseDoors = base.floorPlan.map { plan in plan.doors.map { [$0.from.name, $0.to.name] } } ?? []
        let doorsChanged = layout.doors.map { pairs($0) != pairs(baseDoors) || $0.count != baseDoors.count } ?? false
        guard !zones.isEmpty || doorsChanged else { return "" }
        var text = "layout:\n"
        if !zones.isEmpty {
            text += "  zones:\n" + zones.map { name, zone in
                let at = zone.at.map { ", at: [" + $0.map(\.text).joined(separator: ", ") + "]" } ?? ""
                return "    \(quoted(name)): { area: \(zone.area.text)\(at) }\n"
            }.joined()
        }
        if doorsChanged, let doors = layout.doors {
            text += "  doors:\n" + doors.map { "    - [" + $0.map(quoted).joined(separator: ", ") + "]\n" }.joined()
        }
        return text
    }

    /// The bounds that differ from the base's, by target index.
    public func changedTargetBounds(_ base: Scenario) -> [Int: [String]] {
        var changed: [Int: [String]] = [:]
        for edit in targets ?? [] where base.targets.indices.contains(edit.index) {
            let limits = base.targets[edit.index].bound.limits
            let current = [limits.low, limits.high].compactMap { $0 }.map { ScenarioText.number($0, digits: 15) }
            let given = edit.bounds.map(\.text)
            if given.count != current.count || zip(given, current).contains(where: { Double($0) != Double($1) }) { changed[edit.index] = given }
        }
        return changed
    }

    func checkShape(_ base: Scenario) throws(StudioRefusal) {
        let count = base.intervalCount
        func check(_ values: [DraftNumber]?, _ subject: String) throws(StudioRefusal) {
            guard let values, values.count != count else { return }
            throw StudioRefusal(.badRequest, subject, found: "\(values.count) values",
                                allowed: "one value per interval of the day, \(count)")
        }
        for (label, names) in [("draft.windows", windows.map { Array($0.keys) }), ("draft.kiosks", kiosks.map { Array($0.keys) })] {
            guard let names else { continue }
            guard names.count <= Self.mostNamed else {
                throw StudioRefusal(.tooLarge, label, found: "\(names.count) names", allowed: "at most \(Self.mostNamed)")
            }
            if let long = names.first(where: { $0.utf8.count > Self.longestName || $0.isEmpty }) {
                throw StudioRefusal(.badRequest, label, found: "a name of \(long.utf8.count) bytes", allowed: "1 to \(Self.longestName) bytes")
            }
        }
        if let name, name.utf8.count > Self.longestName {
            throw StudioRefusal(.badRequest, "draft.name", found: "a name of \(name.utf8.count) bytes", allowed: "at most \(Self.longestName) bytes")
        }
        for (group, values) in windows ?? [:] { try check(values, "draft.windows.\(group)") }
        for edit in targets ?? [] {
            guard base.targets.indices.contains(edit.index) else {
                throw StudioRefusal(.badRequest, "draft.targets", found: "target \(edit.index)", allowed: "0 to \(base.targets.count - 1), the scenario's targets")
            }
            let limits = base.targets[edit.index].bound.limits
            let wanted = (limits.low == nil ? 0 : 1) + (limits.high == nil ? 0 : 1)
            guard edit.bounds.count == wanted else {
                throw StudioRefusal(.badRequest, "draft.targets[\(edit.index)].bounds", found: "\(edit.bounds.count) values",
                                    allowed: wanted == 2 ? "two values, low and high (between)" : "one value")
            }
        }
        if let layout {
            let names = Array((layout.zones ?? [:]).keys) + (layout.doors ?? []).flatMap { $0 }
            if let long = names.first(where: { $0.utf8.count > Self.longestName || $0.isEmpty }) {
                throw StudioRefusal(.badRequest, "draft.layout", found: "a zone name of \(long.utf8.count) bytes", allowed: "1 to \(Self.longestName) bytes")
            }
            guard (layout.zones ?? [:]).count <= Self.mostNamed, (layout.doors ?? []).count <= Self.mostDoors else {
                throw StudioRefusal(.tooLarge, "draft.layout", found: "\(layout.zones?.count ?? 0) zones and \(layout.doors?.count ?? 0) doors",
                                    allowed: "at most \(Self.mostNamed) zones and \(Self.mostDoors) doors")
            }
            if let door = (layout.doors ?? []).first(where: { $0.count != 2 }) {
                throw StudioRefusal(.badRequest, "draft.layout.doors", found: "a door of \(door.count) zones", allowed: "a pair of zone names")
            }
            if let (name, zone) = (layout.zones ?? [:]).first(where: { $0.value.at.map { $0.count != 2 } ?? false }) {
                throw StudioRefusal(.badRequest, "draft.layout.zones.\(name).at", found: "\(zone.at?.count ?? 0) values", allowed: "two, x and y in metres")
            }
        }
        if let roster {
            let lists = Array((roster.windows ?? [:]).values) + [roster.greeters ?? [], roster.guides ?? []]
            guard (roster.windows ?? [:]).count <= Self.mostNamed, lists.allSatisfy({ $0.count <= Self.mostShifts }) else {
                throw StudioRefusal(.tooLarge, "draft.roster", found: "more than \(Self.mostShifts) shifts for a role or \(Self.mostNamed) groups",
                                    allowed: "at most \(Self.mostShifts) shifts a role")
            }
            let texts = lists.flatMap { $0 }.flatMap { [$0.shift, $0.start, $0.break ?? "x"] } + Array((roster.windows ?? [:]).keys)
            if let long = texts.first(where: { $0.utf8.count > Self.longestName || $0.isEmpty }) {
                throw StudioRefusal(.badRequest, "draft.roster", found: "a name or time of \(long.utf8.count) bytes", allowed: "1 to \(Self.longestName) bytes")
            }
        }
        try check(greeters, "draft.greeters")
        try check(guides, "draft.guides")
    }
}

/// A number as the page sent it, kept as the text the scenario file will
/// hold, so that the reader (not a conversion here) decides whether it is
/// allowed: `-1`, `2.5` and `1e+300` reach the reader as written.
public struct DraftNumber: Decodable, Sendable, Equatable, ExpressibleByIntegerLiteral {
    public let text: String

    public init(integerLiteral value: Int) { text = String(value) }

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        // Whole numbers within a double's exact range print without a fraction.
        if value == value.rounded(), abs(value) < 1e15 {
            text = String(format: "%.0f", value)
        } else {
            text = "\(value)"
        }
    }
}
