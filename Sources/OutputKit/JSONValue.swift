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
        text += "\n"
        return text
    }

    /// Appends the value at `indent` levels: into one string, with no
    /// string made per member (a run's summary is some 200 KB, and
    /// building pieces and padding apart cost more than the rest of it).
    private func write(into text: inout String, indent: Int) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { text += "{}"; return }
            text += "{\n"
            for (index, (key, value)) in members.enumerated() {
                Self.pad(&text, indent + 1)
                Self.appendQuoted(key, to: &text)
                text += ": "
                value.write(into: &text, indent: indent + 1)
                text += index < members.count - 1 ? ",\n" : "\n"
            }
            Self.pad(&text, indent)
            text += "}"
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "[\n"
            for (index, item) in items.enumerated() {
                Self.pad(&text, indent + 1)
                item.write(into: &text, indent: indent + 1)
                text += index < items.count - 1 ? ",\n" : "\n"
            }
            Self.pad(&text, indent)
            text += "]"
        case .number(let value): text += value.isFinite ? Self.format(value) : "null"
        case .integer(let value): text += String(value)
        case .string(let value): Self.appendQuoted(value, to: &text)
        case .bool(let value): text += value ? "true" : "false"
        case .null: text += "null"
        }
    }

    /// Two spaces per level.
    private static func pad(_ text: inout String, _ levels: Int) {
        for _ in 0..<levels { text += "  " }
    }

    /// `value` quoted and escaped, as ``quote(_:)`` gives it.
    private static func appendQuoted(_ value: String, to text: inout String) {
        // Only '"', '\\' and controls are escaped, and in UTF-8 no other
        // character has a byte below 0x20 or either of theirs.
        if value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            text += quote(value)
        } else {
            text += "\""
            text += value
            text += "\""
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
        return value.description
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
