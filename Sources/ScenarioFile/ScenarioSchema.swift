import Foundation

/// The JSON Schema (draft 2020-12) of scenario files, generated from the
/// grammar the reader checks against, for editors to complete and check.
public enum ScenarioSchema {
    static let clockPattern = "^[0-9]{1,4}:[0-5][0-9]$"
    static let distributionPattern = "^\\s*(exponential|erlang|gamma|lognormal|weibull|normal|uniform|triangular|deterministic|empirical)\\s*\\(.*\\)\\s*$"

    /// The schema as pretty-printed JSON with sorted keys.
    public static func json() -> String {
        var root = object(Grammar.root)
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["title"] = "OutletSim scenario"
        root["description"] = "One day of one service outlet: hours, demand, zones, staffing and policies. Times are \"HH:MM\"; durations are minutes."
        guard let data = try? JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func object(_ fields: [Field]) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in fields {
            var property = schema(field.shape)
            property["description"] = field.description
            properties[field.name] = property
        }
        var result: [String: Any] = ["type": "object", "properties": properties, "additionalProperties": false]
        let required = fields.filter(\.required).map(\.name)
        if !required.isEmpty { result["required"] = required }
        return result
    }

    static func schema(_ shape: Shape) -> [String: Any] {
        switch shape {
        case .object(let fields):
            return object(fields)
        case .namedMap(let value):
            return ["type": "object", "additionalProperties": schema(value)]
        case .number(let limits):
            return ["type": "number", "minimum": limits.minimum, "maximum": limits.maximum]
        case .integer(let limits):
            return ["type": "integer", "minimum": limits.minimum, "maximum": limits.maximum]
        case .probability:
            return ["type": "number", "minimum": 0, "maximum": 1]
        case .text:
            return ["type": "string", "minLength": 1]
        case .boolean:
            return ["type": "boolean"]
        case .clockTime:
            return ["type": "string", "pattern": clockPattern]
        case .distribution(let signed):
            var number: [String: Any] = ["type": "number"]
            if !signed { number["minimum"] = 0 }
            return ["oneOf": [number, ["type": "string", "pattern": distributionPattern]]]
        case .schedule(let integer):
            let limits: NumberLimits = integer ? .staff : .arrivalsPerHour
            let value: [String: Any] = ["type": integer ? "integer" : "number", "minimum": limits.minimum, "maximum": limits.maximum]
            return ["oneOf": [value, ["type": "array", "items": value],
                              ["type": "object", "propertyNames": ["pattern": clockPattern], "additionalProperties": value, "minProperties": 1]]]
        case .nameList:
            return ["oneOf": [["const": "all"], ["type": "array", "items": ["type": "string"]]]]
        case .weights:
            return ["type": "object", "additionalProperties": ["type": "number", "minimum": 0, "maximum": 1]]
        case .list(let item):
            return ["type": "array", "items": schema(item)]
        }
    }
}
