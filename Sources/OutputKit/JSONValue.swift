/// A JSON document built in a fixed key order and rendered the same way
/// every time, so results files are byte-identical for the same run.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case number(Double)
    case integer(Int)
    case string(String)
    case bool(Bool)
    case null

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }

    /// A number, or `null` when not finite (JSON has no NaN).
    public static func finite(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var text = ""
        write(into: &text, indent: 0)
        return text + "\n"
    }

    private func write(into text: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            guard !members.isEmpty else { text += "{}"; return }
            text += "{\n"
            for (index, (key, value)) in members.enumerated() {
                text += pad + Self.quote(key) + ": "
                value.write(into: &text, indent: indent + 1)
                text += index < members.count - 1 ? ",\n" : "\n"
            }
            text += close + "}"
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "[\n"
            for (index, item) in items.enumerated() {
                text += pad
                item.write(into: &text, indent: indent + 1)
                text += index < items.count - 1 ? ",\n" : "\n"
            }
            text += close + "]"
        case .number(let value): text += value.isFinite ? Self.format(value) : "null"
        case .integer(let value): text += String(value)
        case .string(let value): text += Self.quote(value)
        case .bool(let value): text += value ? "true" : "false"
        case .null: text += "null"
        }
    }

    /// On one line without spaces: for a stream of events, one per line.
    public func compact() -> String {
        switch self {
        case .object(let members): "{" + members.map { Self.quote($0.0) + ":" + $0.1.compact() }.joined(separator: ",") + "}"
        case .array(let items): "[" + items.map { $0.compact() }.joined(separator: ",") + "]"
        case .number(let value): value.isFinite ? Self.format(value) : "null"
        case .integer(let value): String(value)
        case .string(let value): Self.quote(value)
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        }
    }

    /// Shortest round-trip decimal form; whole numbers without ".0".
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
