import ScenarioFile
import Yams

/// A mapping file for `fit --columns`:
///
/// ```yaml
/// extends: visit-transactions      # optional: start from a ready mapping
/// columns: { issued: EnteredQueue, called: CallTime, service_end: EndTime }
/// outcomes: { "1": served, "2": no_show }
/// delimiter: ";"                    # optional: , ; or tab
/// local_offset: "+08:00"            # optional: for times written in UTC or with a zone
/// sessions:                         # optional: the window sign-in log of `fit --sessions`
///   columns: { time: Zeit, window: Schalter, event: Ereignis }
///   events: { LOGIN: sign_in, LOGOUT: sign_out, BREAK: pause, BACK: resume }
/// ```
extension ColumnMapping {
    /// The mapping `argument` names: a ready mapping or a YAML file.
    public static func load(_ argument: String) throws(ScenarioProblems) -> ColumnMapping {
        if let ready = named(argument) { return ready }
        guard let node = try InputFile.yaml(of: argument, what: "a column mapping (YAML) or one of " + readyNames) else {
            throw ScenarioProblems([ScenarioProblem(file: argument, line: 1, column: 1, keyPath: "", found: "an empty file",
                                                    allowed: "a mapping with columns (and optionally extends, outcomes, delimiter, local_offset)")])
        }
        return try read(node, file: argument)
    }

    static var readyNames: String { builtIn.map { "'\($0.name)'" }.joined(separator: ", ") }

    static func read(_ node: Node, file: String) throws(ScenarioProblems) -> ColumnMapping {
        var problems: [ScenarioProblem] = []
        func report(_ node: Node, _ path: String, found: String, allowed: String, hint: String? = nil) {
            problems.append(ScenarioProblem(at: node, in: file, path, found: found, allowed: allowed, hint: hint))
        }
        let describe = InputFile.describe
        guard case .mapping(let root) = node else {
            report(node, "", found: describe(node), allowed: "a mapping with columns")
            throw ScenarioProblems(problems)
        }
        let keys = ["extends", "columns", "outcomes", "delimiter", "local_offset", "sessions"]
        var mapping = ColumnMapping(columns: [:], outcomes: canonicalOutcomes)
        var sawColumns = false
        if let base = root["extends"] {
            if let name = base.scalar?.string, let ready = named(name) {
                mapping = ready
            } else {
                report(base, "extends", found: describe(base), allowed: "one of " + readyNames)
            }
        }
        for (key, value) in root {
            let name = key.scalar?.string ?? ""
            switch name {
            case "extends": continue
            case "columns":
                sawColumns = true
                guard case .mapping(let entries) = value else {
                    report(value, "columns", found: describe(value), allowed: "a mapping from canonical column to the export's header")
                    continue
                }
                for (column, header) in entries {
                    let columnName = column.scalar?.string ?? ""
                    guard let canonical = CanonicalColumn(rawValue: columnName) else {
                        report(column, "columns", found: "the column '\(columnName)'",
                               allowed: CanonicalColumn.allCases.map(\.rawValue).joined(separator: ", "))
                        continue
                    }
                    guard let text = header.scalar?.string, !text.trimmingSpaces.isEmpty else {
                        report(header, "columns.\(columnName)", found: describe(header), allowed: "the export's header text")
                        continue
                    }
                    mapping.columns[canonical] = String(text.trimmingSpaces)
                }
            case "outcomes":
                guard case .mapping(let entries) = value else {
                    report(value, "outcomes", found: describe(value), allowed: "a mapping from the export's value to an outcome")
                    continue
                }
                for (code, outcome) in entries {
                    let codeText = code.scalar?.string ?? ""
                    guard let word = outcome.scalar?.string, let meaning = TicketOutcome(rawValue: word) else {
                        report(outcome, "outcomes.\(codeText)", found: describe(outcome),
                               allowed: TicketOutcome.allCases.map(\.rawValue).joined(separator: ", "))
                        continue
                    }
                    mapping.outcomes[normalised(codeText)] = meaning
                }
            case "delimiter":
                let text = value.scalar?.string ?? ""
                switch text {
                case ",", ";", "\t", "|": mapping.delimiter = Character(text)
                case "tab", "\\t": mapping.delimiter = "\t"
                default: report(value, "delimiter", found: describe(value), allowed: "',', ';', '|' or 'tab'")
                }
            case "sessions":
                guard case .mapping(let entries) = value else {
                    report(value, "sessions", found: describe(value), allowed: "a mapping with columns and events")
                    continue
                }
                for (entryKey, entry) in entries {
                    let entryName = entryKey.scalar?.string ?? ""
                    guard case .mapping(let pairs) = entry, entryName == "columns" || entryName == "events" else {
                        report(entryKey, "sessions.\(entryName)", found: entryName == "columns" || entryName == "events" ? describe(entry) : "the key '\(entryName)'",
                               allowed: "columns (a mapping from date, time, window, event to headers) or events (export word: sign_in, sign_out, pause or resume)")
                        continue
                    }
                    for (from, to) in pairs {
                        let fromText = from.scalar?.string ?? "", toText = to.scalar?.string ?? ""
                        if entryName == "columns" {
                            guard WindowSessions.Mapping.canonicalColumns.contains(fromText), !toText.trimmingSpaces.isEmpty else {
                                report(from, "sessions.columns.\(fromText)", found: "'\(fromText)': \(describe(to))",
                                       allowed: "date, time, window or event, each mapped to a header")
                                continue
                            }
                            mapping.sessions.columns[fromText] = String(toText.trimmingSpaces)
                        } else {
                            guard let event = WindowSessions.Event(rawValue: toText) else {
                                report(to, "sessions.events.\(fromText)", found: describe(to),
                                       allowed: WindowSessions.Event.allCases.map(\.rawValue).joined(separator: ", "))
                                continue
                            }
                            mapping.sessions.events[fromText.lowercased()] = event
                        }
                    }
                }
            case "local_offset":
                let text = value.scalar?.string ?? ""
                if let minutes = offsetMinutes(text) {
                    mapping.localOffset = minutes
                } else {
                    report(value, "local_offset", found: describe(value), allowed: "an offset from UTC such as '+08:00' or '-05:00'")
                }
            default:
                report(key, name, found: "the key '\(name)'", allowed: keys.joined(separator: ", "))
            }
        }
        if !sawColumns && root["extends"] == nil {
            report(node, "columns", found: "no columns", allowed: "columns: a mapping from canonical column to the export's header")
        }
        for column in CanonicalColumn.allCases where column.isRequired && mapping.columns[column] == nil && problems.isEmpty {
            report(root["columns"] ?? node, "columns", found: "no header for '\(column.rawValue)'",
                   allowed: "every required column mapped: " + CanonicalColumn.allCases.filter(\.isRequired).map(\.rawValue).joined(separator: ", "))
        }
        guard problems.isEmpty else { throw ScenarioProblems(problems) }
        return mapping
    }

    /// Minutes east of UTC in `+HH:MM` form, within ±14 hours.
    static func offsetMinutes(_ text: String) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let parts = text.dropFirst().split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              hours <= 14, minutes < 60 else { return nil }
        return (hours * 60 + minutes) * (sign == "-" ? -1 : 1)
    }
}
