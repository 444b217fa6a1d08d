import Foundation
import Testing
import ScenarioFile
import Yams

@Suite("JSON Schema of scenario files")
struct SchemaTests {
    func schema() throws -> [String: Any] {
        let data = Data(ScenarioSchema.json().utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Walks a YAML document alongside the schema: every key must be a
    /// declared property or fall under `additionalProperties`, recursively.
    func undeclaredKeys(_ node: Node, _ schema: [String: Any], path: String) -> [String] {
        guard case .mapping(let mapping) = node else { return [] }
        if let alternatives = schema["oneOf"] as? [[String: Any]] {
            guard let object = alternatives.first(where: { $0["type"] as? String == "object" }) else { return [path] }
            return undeclaredKeys(node, object, path: path)
        }
        var missing: [String] = []
        let properties = schema["properties"] as? [String: Any]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? "?"
            if let property = properties?[name] as? [String: Any] {
                missing += undeclaredKeys(value, property, path: "\(path).\(name)")
            } else if let additional = schema["additionalProperties"] as? [String: Any] {
                missing += undeclaredKeys(value, additional, path: "\(path).\(name)")
            } else {
                missing.append("\(path).\(name)")
            }
        }
        return missing
    }

    @Test("it is JSON Schema 2020-12 with every top-level key and its required ones")
    func structure() throws {
        let root = try schema()
        #expect(root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let properties = try #require(root["properties"] as? [String: Any])
        #expect(Set(properties.keys) == ["extends", "costs", "name", "description", "outlet", "transactions", "segments", "arrivals", "reception",
                                         "self_service", "waiting_zone", "windows", "calling", "appointments", "walking", "wait_targets", "targets",
                                         "search", "shifts", "roster", "layout"])
        #expect(Set(root["required"] as? [String] ?? []) == ["name", "outlet", "transactions", "segments", "waiting_zone", "windows"])
    }

    @Test("every key of the valid scenarios is declared in the schema, and a misspelt one is not")
    func coversScenarios() throws {
        let root = try schema()
        let base = try String(contentsOf: fixtures.appendingPathComponent("small-branch.yaml"), encoding: .utf8)
        let examples = fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios")
        var texts = [base]
        for file in try FileManager.default.contentsOfDirectory(atPath: examples.path) where file.hasSuffix(".yaml") {
            texts.append(try String(contentsOf: examples.appendingPathComponent(file), encoding: .utf8))
        }
        for text in texts {
            let node = try #require(try Yams.compose(yaml: text))
            #expect(undeclaredKeys(node, root, path: "").isEmpty)
        }
        let misspelt = try #require(try Yams.compose(yaml: base.replacingOccurrences(of: "patience:", with: "patiense:")))
        #expect(undeclaredKeys(misspelt, root, path: "") == [".segments.regular.patiense"])
    }
}
