/// One problem in a scenario file: where it is and what is wrong.
///
/// Rendered as `FILE:LINE:COLUMN: error: KEY.PATH: found X; allowed: Y`
/// with an optional hint (e.g. "did you mean 'patience'?"); a problem with
/// the file as a whole (missing, a folder) is `FILE: error: ...`.
public struct ScenarioProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based; 0 when the problem is with the file as a whole (it is
    /// missing or not a regular file), which has no line to point at.
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
        let location = line > 0 ? "\(file):\(line):\(column)" : file
        var text = "\(location): error: \(place)found \(found); allowed: \(allowed)"
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
