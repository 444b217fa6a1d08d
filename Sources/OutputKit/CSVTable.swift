import Foundation

/// A CSV table (RFC 4180, UTF-8, comma-separated, header first) that
/// `pandas.read_csv` loads with no options.
public struct CSVTable: Sendable {
    public let header: [String]
    public private(set) var rows: [[String]] = []

    public init(header: [String]) {
        self.header = header
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// A number as text: empty for NaN and infinities, whole numbers without ".0".
    public static func cell(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        return JSONValue.format(value)
    }

    public func rendered() -> String {
        renderedHeader() + renderedRows()
    }

    /// The header line, for a table written in pieces.
    public func renderedHeader() -> String {
        header.map(Self.quoted).joined(separator: ",") + "\n"
    }

    /// The rows without the header, each line ended, for a table written in pieces.
    public func renderedRows() -> String {
        // Into one string: a row and each of its fields made apart cost
        // more than the fields' own formatting.
        var text = ""
        for row in rows {
            for (index, field) in row.enumerated() {
                if index > 0 { text += "," }
                text += Self.quoted(field)
            }
            text += "\n"
        }
        return text
    }

    static func quoted(_ field: String) -> String {
        // Most fields hold none of the four bytes, which no other character's
        // UTF-8 holds; only those that do are looked at character by character.
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }),
              field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
