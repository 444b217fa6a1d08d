import Foundation
import Testing
import ScenarioFile

@Suite("docs/scenario-format.md")
struct DocumentationTests {
    let root = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func document() throws -> String {
        try String(contentsOf: root.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
    }

    /// (section heading, key) for every key of the schema, as the reference lists them.
    func schemaKeys() throws -> [(String, String)] {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(ScenarioSchema.json().utf8)) as? [String: Any])
        var keys: [(String, String)] = []
        var queue: [(String, [String: Any])] = [("", schema)]
        while !queue.isEmpty {
            let (path, object) = queue.removeFirst()
            for (name, value) in (object["properties"] as? [String: Any]) ?? [:] {
                keys.append((path, name))
                guard let property = value as? [String: Any] else { continue }
                let prefix = path.isEmpty ? name : "\(path).\(name)"
                if let named = property["additionalProperties"] as? [String: Any], named["properties"] != nil {
                    queue.append(("\(prefix).<name>", named))
                } else if let named = property["additionalProperties"] as? [String: Any],
                          let items = named["items"] as? [String: Any], items["properties"] != nil {
                    queue.append(("\(prefix).<name>[]", items))
                } else if property["properties"] != nil {
                    queue.append((prefix, property))
                } else if let items = property["items"] as? [String: Any], items["properties"] != nil {
                    queue.append(("\(prefix)[]", items))
                }
            }
        }
        return keys
    }

    @Test("every key of the format has a row in its section of the key reference")
    func everyKeyDocumented() throws {
        let text = try document()
        var sections: [String: String] = [:]
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### ") {
                current = line == "### Top level" ? "" : String(line.dropFirst(4)).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            } else if line.hasPrefix("| `") {
                sections[current, default: ""] += line + "\n"
            }
        }
        let keys = try schemaKeys()
        #expect(keys.count > 60)
        for (section, key) in keys {
            #expect(sections[section]?.contains("| `\(key)` |") == true, "\(section).\(key) is not documented")
        }
    }

    @Test("the key reference is the one generated from the grammar, limits included, so the docs cannot drift")
    func referenceIsGenerated() throws {
        let text = try document()
        #expect(text.contains("## Key reference\n"))
        #expect(text.contains(KeyReference.markdown()))
        #expect(KeyReference.markdown().contains("| `factor` | number from 0 to 100 |"))
    }

    @Test("the complete example in the documentation is the weekday branch scenario as it is")
    func exampleIsCurrent() throws {
        let example = try String(contentsOf: root.appendingPathComponent("scenarios/bank-branch-weekday.yaml"), encoding: .utf8)
        #expect(try document().contains(example))
    }
}
