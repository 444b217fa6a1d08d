/// One problem in a scenario file: where it is and what is wrong.
///
/// Rendered as `FILE:LINE:COLUMN: error: KEY.PATH: found X; allowed: Y`
/// with an optional hint (e.g. "did you mean 'patience'?").
public struct ScenarioProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based; 0 when the problem has no single place (e.g. an empty file).
    public let line: Int
    public let column: Int
    /// Where in the document, e.g. `segments.VIP.patience`.
    public let keyPath: String
    /// What was found.
    public let found: String
    /// What is allowed.
    public let allowed: String
    public let hint: String?

    public init(file: String, line: Int, column: Int, keyPath: String, found: String, allowed: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.found = found
        self.allowed = allowed
        self.hint = hint
    }

    public var description: String {
        let place = keyPath.isEmpty ? "" : "\(keyPath): "
        var text = "\(file):\(line):\(column): error: \(place)found \(found); allowed: \(allowed)"
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// Every problem found in one or more files; thrown when a scenario cannot be read.
public struct ScenarioProblems: Error, Sendable, CustomStringConvertible {
    public let problems: [ScenarioProblem]

    public init(_ problems: [ScenarioProblem]) {
        self.problems = problems
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
