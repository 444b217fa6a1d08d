import Foundation
import Yams

/// Other input files read with the scenario reader's checks, so that every
/// file OutletSim reads is refused the same way: size, encoding and YAML
/// syntax problems located at their line and column, in OutletSim's words.
public enum InputFile {
    /// The text of `path`, at most `largest` bytes of UTF-8; `what` names
    /// the kind of file in messages ("a queue-system log (CSV)").
    public static func text(of path: String, largest: Int, what: String) throws(ScenarioProblems) -> String {
        do throws(TextEncoding.Problem) {
            guard let data = try TextEncoding.contents(of: path, largest: largest) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "a file that cannot be read" : "no such file"
                throw TextEncoding.Problem(line: 0, column: 0, found: reason, allowed: "a readable file: \(what)")
            }
            return try TextEncoding.decode(data)
        } catch {
            throw ScenarioProblems([ScenarioProblem(file: path, line: error.line, column: error.column, keyPath: "",
                                                    found: error.found, allowed: error.allowed)])
        }
    }

    /// The YAML document in `path` (at most 5 MB), nil when it is empty.
    public static func yaml(of path: String, what: String) throws(ScenarioProblems) -> Node? {
        let text = try text(of: path, largest: TextEncoding.largestScenario, what: what)
        do {
            return try Yams.compose(yaml: text)
        } catch {
            throw ScenarioProblems([ScenarioReader(file: path, directory: "").syntaxProblem(error)])
        }
    }
}

extension InputFile {
    /// How a YAML node reads in a message: its text, "nothing (an empty value)", "a mapping" or "a list".
    public static func describe(_ node: Node) -> String { NodeReader.describe(node) }
}

extension ScenarioProblem {
    /// A problem at `node`'s line and column in `file` (line 1, column 1 when YAML gives none).
    public init(at node: Node, in file: String, _ keyPath: String, found: String, allowed: String, hint: String? = nil) {
        self.init(file: file, line: max(node.mark?.line ?? 1, 1), column: max(node.mark?.column ?? 1, 1), keyPath: keyPath,
                  found: found, allowed: allowed, hint: hint)
    }
}
