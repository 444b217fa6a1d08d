import Distributions
import Foundation
import Scenario
import ShiftCovering
import Yams

/// Reads scenario files into validated ``Scenario`` values.
public enum ScenarioLoader {
    /// Reads and validates the scenario at `path`, with the chain of files
    /// it `extends:` resolved; throws every problem found.
    public static func load(path: String) throws(ScenarioProblems) -> Scenario {
        try read(ResolvedDocument.load(path), path: path)
    }

    /// The scenario at `path` and its text as one standalone file (for a
    /// results folder), from one reading of the files it extends.
    public static func loadStandalone(path: String) throws(ScenarioProblems) -> (Scenario, StandaloneScenario) {
        let document = try ResolvedDocument.load(path)
        return (try read(document, path: path), try StandaloneScenario(document: document, path: path))
    }

    /// The scenario at `path` and every file it reads: itself, the files it
    /// extends (nearest first) and its arrival trace.
    public static func loadWithInputs(path: String) throws(ScenarioProblems) -> (Scenario, inputs: [String]) {
        let document = try ResolvedDocument.load(path)
        let scenario = try read(document, path: path)
        return (scenario, document.chain + (StandaloneScenario.traceFile(of: document).map { [$0] } ?? []))
    }

    /// Reads and validates scenario `text` as if it were the file at `path`
    /// (a variant not yet saved): the files it `extends:` are read relative
    /// to `path`, and problems name `path` and the chain's files.
    public static func load(text: String, path: String) throws(ScenarioProblems) -> Scenario {
        guard text.utf8.count <= TextEncoding.largestScenario else {
            throw ScenarioProblems([ScenarioProblem(file: path, line: 0, column: 0, keyPath: "",
                                                    found: "a scenario of \(text.utf8.count) bytes",
                                                    allowed: "at most \(TextEncoding.largestScenario) bytes")])
        }
        return try read(ResolvedDocument.resolve(text, path: path, bytes: text.utf8.count), path: path)
    }

    static func read(_ document: ResolvedDocument, path: String) throws(ScenarioProblems) -> Scenario {
        var reader = ScenarioReader(file: path, directory: (path as NSString).deletingLastPathComponent)
        reader.nodes.document = document
        return try reader.finish(document.node)
    }

    /// Reads and validates scenario `text`, naming it `file` in problems;
    /// a trace file is looked up relative to `directory`.
    public static func read(_ text: String, file: String, directory: String) throws(ScenarioProblems) -> Scenario {
        var reader = ScenarioReader(file: file, directory: directory)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ScenarioProblems([reader.syntaxProblem(error)])
        }
        guard let node else {
            throw ScenarioProblems([ScenarioProblem(file: file, line: 1, column: 1, keyPath: "", found: "an empty file",
                                                    allowed: "a scenario mapping with " + Grammar.root.filter(\.required).map(\.name).joined(separator: ", "))])
        }
        return try reader.finish(node)
    }
}

extension ScenarioReader {
    /// Reads the whole document and throws its problems, in file and line order.
    mutating func finish(_ node: Node) throws(ScenarioProblems) -> Scenario {
        let scenario = readScenario(node)
        let problems = nodes.problems.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        guard problems.isEmpty, var scenario else {
            throw ScenarioProblems(problems)
        }
        scenario.readingNotes = nodes.notes
        return scenario
    }
}

/// One pass over a scenario document, section by section.
struct ScenarioReader {
    var nodes: NodeReader
    let directory: String
    var hours: OpeningHours?
    /// Whether the file has a reception, and guides who help one at a time: staff targets need them.
    var hasReception = false
    var hasGuideAssist = false
    var hasLayout = false
    /// The zones of a layout read without problems, for targets on their crowding.
    var layoutZones: [FloorPlan.ZoneKind] = []
    var transactionNames: [String] = []
    var segmentNames: [String] = []

    init(file: String, directory: String) {
        nodes = NodeReader(file: file)
        self.directory = directory
    }

    func syntaxProblem(_ error: Error) -> ScenarioProblem {
        var line = 0, column = 0, problem = ""
        if let yaml = error as? YamlError {
            switch yaml {
            case let .parser(context, text, mark, _) where text.hasPrefix("did not find expected ','"):
                // An unclosed bracket is found lines below it: point at the bracket
                // itself. On its own line the problem's place is sharper (a ': ').
                let place = context.map { $0.mark.line < mark.line ? $0.mark : mark } ?? mark
                (line, column, problem) = (place.line, place.column, text)
            case let .scanner(_, text, mark, _), let .parser(_, text, mark, _), let .composer(_, text, mark, _):
                (line, column, problem) = (mark.line, mark.column, text)
            case let .duplicatedKeysInMapping(duplicates, context):
                let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                return ScenarioProblem(file: nodes.file, line: context.mark.line, column: context.mark.column, keyPath: "",
                                       found: "the key(s) \(keys) more than once in one mapping", allowed: "each key once per mapping")
            case let .reader(text, _, _, _):
                problem = text
            default: break
            }
        }
        let (found, hint) = Self.syntaxWords(problem)
        return ScenarioProblem(file: nodes.file, line: max(line, 1), column: max(column, 1), keyPath: "", found: found,
                               allowed: "valid YAML (check indentation, colons and brackets)", hint: hint)
    }

    /// The YAML parser's message said in OutletSim's words, with a hint;
    /// the parser's own text is never shown.
    static func syntaxWords(_ message: String) -> (found: String, hint: String?) {
        let quoting = "write distributions as gamma(mean=3, sd=1.5), and quote them inside { } or [ ]; a value containing ': ' must be quoted"
        let known: [(String, String, String?)] = [
            ("mapping values are not allowed", "a ': ' where a plain value was expected", quoting),
            ("did not find expected ',' or '}'", "a '{' mapping that is not closed by '}'", quoting),
            ("did not find expected ',' or ']'", "a '[' list that is not closed by ']'", quoting),
            ("cannot start any token", "a character that cannot begin a value (such as @ or `, or a tab)", "quote the value, and indent with spaces"),
            ("tab character", "a tab used for indentation", "indent with spaces"),
            ("did not find expected key", "an entry out of line with the mapping around it", "check the indentation of this line and the one before"),
            ("could not find expected ':'", "a key without ':' after it", "write key: value, or quote text that spans lines"),
            ("block sequence entries are not allowed", "a list entry '- ' where a value was expected", "check the indentation of the list"),
            ("did not find expected '-' indicator", "a list entry out of line with the list around it", "check the indentation of the list"),
            ("did not find expected node content", "a missing value", "give a value after the key or '- '"),
            ("unexpected end of stream", "the end of the file inside quotes or brackets", "close every quote, '[' and '{'"),
            ("unknown escape", "an unknown escape sequence in double-quoted text", "use single quotes, or escape a backslash as \\\\"),
            ("undefined tag handle", "an undefined tag (a value starting with !)", "quote values that start with !"),
            ("did not find expected alphabetic or numeric character", "an anchor (&) or alias (*) without a name", "quote values that start with & or *"),
            ("found undefined alias", "an alias (*) to an anchor that is not defined", "quote values that start with *"),
            ("control characters are not allowed", "a control character", "save the file as plain UTF-8 text"),
            ("invalid", "bytes that are not UTF-8", "save the file as UTF-8"),
        ]
        for (fragment, found, hint) in known where message.contains(fragment) { return (found, hint) }
        return ("text that cannot be read as YAML here", "check indentation, colons, quotes and brackets around this place")
    }

    mutating func readScenario(_ node: Node) -> Scenario? {
        guard let root = nodes.object(node, "", Grammar.root) else { return nil }
        let name = root["name"].flatMap { nodes.text($0, "name") }
        let outlet = root["outlet"].flatMap { readOutlet($0) }
        hours = outlet.map { OpeningHours(opening: $0.opening, closing: $0.closing, intervalMinutes: $0.interval) }
        let types = root["transactions"].map { readTransactions($0) } ?? []
        transactionNames = types.map(\.name)
        // Without transaction types every reference to one would look undefined.
        guard !types.isEmpty else {
            if let node = root["transactions"], case .mapping = node {
                nodes.report(node, "transactions", found: "no transaction types", allowed: "at least one transaction type")
            }
            return nil
        }
        let segmentsRead = root["segments"].map { readSegments($0) } ?? []
        segmentNames = segmentsRead.map(\.segment.name)
        let arrivals = readArrivals(root["arrivals"], segments: segmentsRead, rootNode: node)
        hasReception = root["reception"] != nil
        let reception = root["reception"].flatMap { readReception($0) }
        let selfService = root["self_service"].map { readSelfService($0) } ?? SelfServiceZone()
        let waitingZone = root["waiting_zone"].flatMap { readWaitingZone($0) }
        var windows = root["windows"].map { readWindowGroups($0) } ?? []
        let calling = root["calling"].map { readCalling($0) } ?? CallingPolicy()
        let appointments = root["appointments"].flatMap { readAppointments($0) }
        let walking = root["walking"].map { readWalking($0) } ?? WalkingTimes()
        var floorPlan: FloorPlan?
        hasLayout = root["layout"] != nil
        if let layoutNode = root["layout"] {
            let kiosks = selfService.kioskTypes.reduce(0) { $0 + $1.count }
            floorPlan = readLayout(layoutNode, seats: waitingZone?.seats, kiosks: kiosks, hasReception: root["reception"] != nil)
            layoutZones = floorPlan?.zones.map(\.kind) ?? []
            // The plan gives walking times and standing room; a second source would contradict it.
            if let walkingNode = root["walking"] {
                nodes.report(walkingNode, "walking", found: "walking times together with a layout",
                             allowed: "one of them: the layout's distances and walking_speed give the walking times")
            }
            if let standingNode = root["waiting_zone"]?["standing"] {
                nodes.report(standingNode, "waiting_zone.standing", found: "standing places together with a layout",
                             allowed: "no standing: the waiting zone's area gives it (area − seats × seat_space) / standing_space")
            }
        }
        var waitTargets = root["wait_targets"].map { readWaitTargets($0) } ?? [5, 10, 15]
        let costs = root["costs"].flatMap { readCosts($0) }
        let shifts = root["shifts"].flatMap { node in
            outlet.flatMap { readShifts(node, opening: $0.opening, closing: $0.closing, interval: $0.interval, costs: costs) }
        }
        let roster = root["roster"].flatMap { node in
            outlet.flatMap { readRoster(node, menu: shifts, windowNames: windows.map(\.group.name), hasReception: reception != nil,
                                        opening: $0.opening, interval: $0.interval) }
        }
        // A rostered group's windows are those its shifts put on duty; any other group needs `open`.
        for index in windows.indices {
            if let list = roster?.shifts[.windows(group: index)], let shifts, let hours {
                windows[index].group.open = Roster.onDuty(list, menu: shifts, opening: hours.opening, intervalMinutes: hours.intervalMinutes,
                                                          intervalCount: hours.intervalCount)
            } else if !windows[index].hasOpen {
                nodes.report(windows[index].node, "windows.\(windows[index].group.name).open", found: "no 'open'",
                             allowed: "'open' is required unless roster.windows gives this group's shifts: Windows open.")
            }
        }
        let targets = root["targets"].map { readTargets($0, windowGroupNames: windows.map(\.group.name)) } ?? []
        // Waits that targets judge are always measured.
        for target in targets {
            if case .shareServedWithin(let minutes) = target.measure, !waitTargets.contains(minutes) { waitTargets.append(minutes) }
        }
        waitTargets.sort()
        // Checked only on an otherwise sound file, so that one mistake is not reported twice.
        if nodes.problems.isEmpty, let windowsNode = root["windows"] {
            checkDemandIsServed(segments: segmentsRead, windows: windows, selfService: selfService,
                                appointments: appointments, arrivals: arrivals, windowsNode: windowsNode)
        }
        let search = root["search"].map { readSearch($0, windows: windows.map(\.group), kioskTypes: selfService.kioskTypes) } ?? SearchSpace()
        if let floorPlan, let searchNode = root["search"] { checkSearchFits(floorPlan, search, kioskTypes: selfService.kioskTypes, searchNode) }
        if let searchNode = root["search"], costs == nil {
            nodes.report(searchNode, "search", found: "a search with no costs to minimise", allowed: "a search together with costs (at least costs.wage_per_hour.windows)")
        }
        guard nodes.problems.isEmpty, let name, let outlet, let arrivals, let waitingZone else { return nil }
        var scenario = Scenario(name: name, opening: outlet.opening, closing: outlet.closing, intervalMinutes: outlet.interval,
                        maxOvertime: outlet.overtime, transactionTypes: types, segments: segmentsRead.map(\.segment),
                        arrivals: arrivals, reception: reception, selfService: selfService, waitingZone: waitingZone,
                        windowGroups: windows.map(\.group), calling: calling, appointments: appointments, walking: walking,
                        waitTargets: waitTargets, targets: targets, costs: costs, search: search, shifts: shifts)
        scenario.warmUp = outlet.warmUp
        if let floorPlan {
            scenario.floorPlan = floorPlan
            scenario.waitingZone.standing = floorPlan.standingPlaces(besides: scenario.waitingZone.seats)
        }
        if let roster { scenario.apply(roster) }
        if let shiftsNode = root["shifts"] { return priceInShifts(scenario, shiftsNode) }
        return scenario
    }

    /// The scenario paid in shifts (``ShiftPricing``), with one note at
    /// `shifts` naming the roles the file does not roster, what their shifts
    /// cost, and where those shifts put more staff on duty than it states;
    /// nil with the problem at `shifts` when the menu cannot cover a role.
    mutating func priceInShifts(_ scenario: Scenario, _ shiftsNode: Node) -> Scenario? {
        let priced: (scenario: Scenario, covered: [ShiftPricing.CoveredRole])
        do {
            priced = try ShiftPricing.priced(scenario)
        } catch {
            let found: String
            switch error.error {
            case .uncoverable(let intervals):
                let times = intervals.map { ClockTime(minutes: scenario.intervalStart($0)).description }
                found = "\(scenario.name(of: error.role)) staffed at \(Self.list(times)), which no shift covers"
            case .solverFailed(let reason):
                found = "\(scenario.name(of: error.role)): \(reason)"
            }
            nodes.report(shiftsNode, "shifts", found: found,
                         allowed: "shifts that cover every interval a role is staffed (the scenario is paid in shifts), or a roster")
            return nil
        }
        guard !priced.covered.isEmpty else { return priced.scenario }
        let roles = priced.covered.map { "\(scenario.name(of: $0.role)) \(NodeReader.format($0.cover.cost))" }
        let more = priced.covered.filter { !$0.extraIntervals.isEmpty }.map { role in
            "\(scenario.name(of: role.role)) at "
                + Self.list(role.extraIntervals.map { "\(ClockTime(minutes: scenario.intervalStart($0))) (+\(role.cover.onDuty[$0] - role.stated[$0]))" })
        }
        let staffed = more.isEmpty ? "with as many on duty as stated" : "with more on duty than stated: " + more.joined(separator: "; ")
        nodes.note(shiftsNode, "shifts", "roles not in `roster` are paid for the cheapest shifts that cover them ("
                   + roles.joined(separator: ", ") + " yuan a day), " + staffed)
        return priced.scenario
    }

    /// "a, b, c" for up to six items, then "and N more".
    static func list(_ items: [String]) -> String {
        items.count <= 6 ? items.joined(separator: ", ") : items.prefix(6).joined(separator: ", ") + " and \(items.count - 6) more"
    }

    /// The most statistics intervals a day may have, so that no file can
    /// make the per-interval tables exhaust memory.
    static let mostIntervals = 10_000

    /// The most waits a scenario's `wait_targets` may list.
    static let mostWaitTargets = 100

    /// A non-empty list of waits in minutes (0: served without waiting), in increasing order.
    mutating func readWaitTargets(_ node: Node) -> [Double] {
        guard case .sequence(let list) = node, !list.isEmpty else {
            nodes.report(node, "wait_targets", found: NodeReader.describe(node), allowed: "a list of waits in minutes, e.g. [5, 10, 15]")
            return []
        }
        guard list.count <= Self.mostWaitTargets else {
            nodes.report(node, "wait_targets", found: "\(list.count) waits", allowed: "at most \(Self.mostWaitTargets) waits in minutes")
            return []
        }
        var targets: [Double] = []
        for (index, item) in list.enumerated() {
            guard let minutes = nodes.number(item, "wait_targets[\(index)]", .minutes) else { continue }
            targets.append(minutes)
        }
        return Array(Set(targets)).sorted()
    }

    mutating func readOutlet(_ node: Node) -> (opening: Double, closing: Double, interval: Double, overtime: Double, warmUp: Double)? {
        guard let entries = nodes.object(node, "outlet", Grammar.outlet) else { return nil }
        let opening = entries["opens"].flatMap { nodes.clockTime($0, "outlet.opens") }
        let closing = entries["closes"].flatMap { nodes.clockTime($0, "outlet.closes") }
        let interval = entries["interval_minutes"].flatMap { nodes.number($0, "outlet.interval_minutes", .minutes.from(1)) }
        let overtime = entries["max_overtime_minutes"].map { nodes.number($0, "outlet.max_overtime_minutes", .minutes) } ?? 120
        let warmUp = entries["warm_up_minutes"].map { nodes.number($0, "outlet.warm_up_minutes", .minutes) } ?? 0
        guard let opening, let closing, let interval, let overtime, let warmUp else { return nil }
        guard closing > opening else {
            nodes.report(entries["closes"], "outlet.closes", found: "closing at \(ClockTime(minutes: closing))",
                         allowed: "a time after opening (\(ClockTime(minutes: opening)))")
            return nil
        }
        let intervals = ((closing - opening) / interval).rounded(.up)
        guard intervals <= Double(Self.mostIntervals) else {
            nodes.report(entries["interval_minutes"], "outlet.interval_minutes",
                         found: "\(NodeReader.format(intervals)) intervals of \(NodeReader.format(interval)) minutes",
                         allowed: "intervals of at least \(NodeReader.format(((closing - opening) / Double(Self.mostIntervals)).rounded(.up))) minutes (at most \(Self.mostIntervals) intervals from opening to closing)")
            return nil
        }
        let wholeIntervals = (warmUp / interval).rounded()
        guard abs(warmUp - wholeIntervals * interval) < 1e-9, warmUp < closing - opening else {
            nodes.report(entries["warm_up_minutes"], "outlet.warm_up_minutes", found: "\(NodeReader.format(warmUp)) minutes",
                         allowed: "a whole number of \(NodeReader.format(interval))-minute intervals, shorter than the \(NodeReader.format(closing - opening)) minutes from opening to closing")
            return nil
        }
        return (opening, closing, interval, overtime, warmUp)
    }

    mutating func readTransactions(_ node: Node) -> [TransactionType] {
        var types: [TransactionType] = []
        for (name, _, value) in nodes.namedEntries(node, "transactions", what: "transaction type") {
            let path = "transactions.\(name)"
            guard let entries = nodes.object(value, path, Grammar.transaction) else { continue }
            let service = entries["counter_service"].flatMap { nodes.distribution($0, "\(path).counter_service", signed: false) }
            var kiosk: KioskAbility?
            if let kioskNode = entries["kiosk"], let kioskEntries = nodes.object(kioskNode, "\(path).kiosk", Grammar.kiosk) {
                let time = kioskEntries["time"].flatMap { nodes.distribution($0, "\(path).kiosk.time", signed: false) }
                let success = kioskEntries["success"].flatMap { nodes.probability($0, "\(path).kiosk.success") }
                if let time, let success { kiosk = KioskAbility(time: time, successProbability: success) }
            }
            let resolves = entries["greeter_resolves"].map { nodes.probability($0, "\(path).greeter_resolves") } ?? 0
            if let service, let resolves {
                types.append(TransactionType(name: name, counterService: service, kiosk: kiosk, greeterResolves: resolves))
            } else {
                // Keep the name so that references to it are not reported as undefined.
                types.append(TransactionType(name: name, counterService: .unitExponential))
            }
        }
        return types
    }
}
