import Foundation
import Testing
import CommandTesting

/// Checks a JSON value against the subset of JSON Schema that
/// docs/results-format.md uses: type, const, enum, required, properties,
/// additionalProperties, items and local $ref.
struct SchemaChecker {
    let root: [String: Any]

    func check(_ value: Any, _ schema: [String: Any], _ path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard let target = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else { return ["\(path): unknown \(reference)"] }
            return check(value, target, path)
        }
        var problems: [String] = []
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [(type as? String) ?? ""]
            if !types.contains(where: { matches(value, $0) }) { return ["\(path): expected \(types), found \(value)"] }
        }
        if let constant = schema["const"], "\(constant)" != "\(value)" { problems.append("\(path): expected \(constant)") }
        if let options = schema["enum"] as? [String], !options.contains("\(value)") { problems.append("\(path): not in \(options)") }
        if let object = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where object[key] == nil { problems.append("\(path).\(key): missing") }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (key, child) in object {
                if let property = properties[key] as? [String: Any] {
                    problems += check(child, property, "\(path).\(key)")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += check(child, additional, "\(path).\(key)")
                } else if (schema["additionalProperties"] as? Bool) == false {
                    problems.append("\(path).\(key): not allowed")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, item) in array.enumerated() { problems += check(item, items, "\(path)[\(index)]") }
        }
        return problems
    }

    func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "null": return value is NSNull
        case "integer": return isNumber(value) && (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": return isNumber(value)
        default: return false
        }
    }

    /// JSON numbers, not booleans: on Linux `0 is Bool` holds through
    /// NSNumber bridging, so the dynamic type decides.
    func isNumber(_ value: Any) -> Bool {
        type(of: value) != Bool.self && (value is NSNumber || value is Int || value is Double)
    }
}

@Suite("Results format")
struct ResultsFormatTests {
    func documentedSchema() throws -> [String: Any] {
        let text = try String(contentsOf: repository.appendingPathComponent("docs/results-format.md"), encoding: .utf8)
        let body = try #require(text.components(separatedBy: "```json\n").last?.components(separatedBy: "\n```").first)
        return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test("summary.json of every example scenario matches the schema in docs/results-format.md")
    func summaryMatchesSchema() throws {
        let schema = try documentedSchema()
        let checker = SchemaChecker(root: schema)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-format-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["bank-branch-weekday", "after-sales-service-centre", "telecom-business-hall"] {
            let out = folder.appendingPathComponent(name)
            let output = try CommandRunner.run(["run", repository.appendingPathComponent("scenarios/\(name).yaml").path,
                                                "--replications", "3", "--quiet", "--out", out.path])
            #expect(output.status == 0, "\(output.standardError)")
            let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("summary.json")))
            let problems = checker.check(summary, schema, name)
            #expect(problems.isEmpty, "\(problems.prefix(5))")
        }
    }

    @Test("the schema check fails on a summary that breaks it")
    func checkerCatchesProblems() throws {
        let schema = try documentedSchema()
        let broken: [String: Any] = ["format": "outletsim-results", "version": 1, "scenario": [:], "extra": 1]
        let problems = SchemaChecker(root: schema).check(broken, schema, "summary")
        #expect(problems.contains("summary.version: expected 2"))
        #expect(problems.contains("summary.extra: not allowed"))
        #expect(problems.contains("summary.run: missing"))
    }
}
