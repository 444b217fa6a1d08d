import Foundation
import Scenario

/// Pieces of scenario YAML as the writers (plan.yaml, a fitted
/// scenario.yaml) emit them, so that what they write reads back.
public enum ScenarioText {
    /// `text` as a YAML double-quoted scalar: quotes and backslashes
    /// escaped, and every character YAML would read as a line break or
    /// refuse (controls, U+0085, U+2028, U+2029, U+FEFF)
    /// written as an escape, so any name reads back as itself.
    ///
    /// - Complexity: O(characters).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let value = scalar.value
                let printable = (0x20...0x7E).contains(value) || (0xA0...0xD7FF).contains(value) && value != 0x2028 && value != 0x2029
                    || (0xE000...0xFFFD).contains(value) && value != 0xFEFF || (0x10000...0x10FFFF).contains(value)
                out += printable ? String(scalar) : value <= 0xFFFF ? String(format: "\\u%04X", value) : String(format: "\\U%08X", value)
            }
        }
        return out + "\""
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
