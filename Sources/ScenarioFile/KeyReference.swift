/// The key reference of docs/scenario-format.md, made from the grammar:
/// every key with its kind, limits, whether it is required, and what it
/// means. The documentation test checks that the docs hold it verbatim, and
/// `outletsim schema --reference` prints it, so the docs cannot drift from
/// what the reader accepts.
public enum KeyReference {
    /// Markdown: one section per mapping, parents before children, keys in
    /// alphabetical order.
    public static func markdown() -> String {
        var text = ""
        section("Top level", "", Grammar.root, into: &text)
        return text
    }

    static func section(_ title: String, _ path: String, _ fields: [Field], into text: inout String) {
        text += "### \(title)\n\n| key | kind | required | meaning |\n| --- | --- | --- | --- |\n"
        let sorted = fields.sorted { $0.name < $1.name }
        for field in sorted {
            let meaning = field.description.replacingOccurrences(of: "|", with: "\\|")
            text += "| `\(field.name)` | \(kind(field.shape)) | \(field.required ? "yes" : "") | \(meaning) |\n"
        }
        text += "\n"
        for field in sorted {
            let child = path.isEmpty ? field.name : "\(path).\(field.name)"
            switch field.shape {
            case .object(let inner): section("`\(child)`", child, inner, into: &text)
            case .namedMap(.object(let inner)): section("`\(child).<name>`", "\(child).<name>", inner, into: &text)
            case .namedMap(.list(.object(let inner))): section("`\(child).<name>[]`", "\(child).<name>[]", inner, into: &text)
            case .list(.object(let inner)): section("`\(child)[]`", "\(child)[]", inner, into: &text)
            default: break
            }
        }
    }

    static func kind(_ shape: Shape) -> String {
        switch shape {
        case .object: "mapping (below)"
        case .namedMap: "mapping of names"
        case .number(let limits): "number \(limits.text)"
        case .integer(let limits): "whole number \(limits.text)"
        case .probability: "probability from 0 to 1"
        case .text: "text"
        case .boolean: "`true` or `false`"
        case .clockTime: "clock time `\"HH:MM\"`"
        case .distribution(let signed): signed ? "distribution (may be negative)" : "distribution"
        case .schedule(let integer):
            "schedule: \(integer ? "whole number \(NumberLimits.staff.text)" : "number \(NumberLimits.arrivalsPerHour.text)"), list per interval, or `\"HH:MM\": value` map"
        case .nameList: "list of names, or `all`"
        case .weights: "mapping of names to shares from 0 to 1"
        case .list(let item): "list" + itemKind(item)
        }
    }

    static func itemKind(_ shape: Shape) -> String {
        switch shape {
        case .object: ""
        case .number(let limits): " of numbers \(limits.text)"
        case .clockTime: " of clock times `\"HH:MM\"`"
        default: " of " + kind(shape)
        }
    }
}
