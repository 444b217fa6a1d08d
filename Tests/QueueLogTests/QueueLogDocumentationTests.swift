import Foundation
import QueueLog
import Testing

/// docs/queue-logs.md documents what the reader reads: every canonical
/// column, and every ready mapping's headers and outcome values.
@Suite("Queue-log documentation")
struct QueueLogDocumentationTests {
    static let documentation: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("docs/queue-logs.md"), encoding: .utf8)) ?? ""
    }()

    @Test("every canonical column is in the table")
    func columns() {
        for column in CanonicalColumn.allCases {
            #expect(Self.documentation.contains("| `\(column.rawValue)` |"), "\(column.rawValue)")
        }
    }

    @Test("every ready mapping's headers and outcome values are named", arguments: ColumnMapping.builtIn.map(\.name))
    func mapping(_ name: String) throws {
        let mapping = try #require(ColumnMapping.named(name))
        #expect(Self.documentation.contains("**`\(name)`**"))
        for header in mapping.columns.values { #expect(Self.documentation.contains(header), "\(name): \(header)") }
        // Words anywhere; ids as " 2 NO_SHOW".
        let flat = Self.documentation.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        for code in mapping.outcomes.keys {
            let shown: Bool
            if let id = Int(code) {
                shown = flat.contains(" \(id) ")
            } else {
                shown = flat.contains(code.lowercased())
            }
            #expect(shown, "\(name): outcome \(code)")
        }
    }
}
