import Foundation
import Scenario

/// Pieces of scenario YAML as the writers (plan.yaml, a fitted
/// scenario.yaml) emit them, so that what they write reads back.
public enum ScenarioText {
    /// `text` as a YAML double-quoted scalar (a JSON string is one).
    public static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
    }

    /// A schedule `{ "09:00": 3, "11:30": 4 }` with a step where the value
    /// changes; `starts` are the intervals' starts, minutes after midnight.
    public static func schedule(_ values: [String], starts: [Double]) -> String {
        var steps: [String] = []
        var previous: String?
        for (value, start) in zip(values, starts) where value != previous {
            steps.append("\"\(ClockTime(minutes: start))\": \(value)")
            previous = value
        }
        return "{ " + steps.joined(separator: ", ") + " }"
    }

    /// A list of names `[a, "b c"]`, each quoted.
    public static func names(_ names: [String]) -> String {
        "[" + names.map(quoted).joined(separator: ", ") + "]"
    }

    /// A number as the scenario reader takes it, without float noise (4 significant digits by default).
    public static func number(_ value: Double, digits: Int = 4) -> String {
        let text = String(format: "%.\(digits)g", value)
        return text.contains("e") ? String(format: "%.6f", value) : text
    }
}
