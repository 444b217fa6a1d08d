import Foundation
import Yams

/// A scenario's `targets:` list with some bounds changed, as YAML for a
/// variant: a list replaces the base's whole, so a variant that changes one
/// bound restates every target, each as the files of its `extends` chain
/// give it, with only the bounds changed.
public enum TargetListText {
    /// - Parameters:
    ///   - path: the scenario file whose targets are restated.
    ///   - bounds: new bound values by target index, written as given
    ///     (the reader judges them): one for `at_least` or `at_most`, two for `between`.
    /// - Returns: `targets:` and its list, or nil when the scenario has none.
    /// - Throws: ``ScenarioProblems`` for a file that cannot be read.
    /// - Complexity: O(size of the targets list).
    public static func yaml(path: String, bounds: [Int: [String]]) throws(ScenarioProblems) -> String? {
        let document = try ResolvedDocument.load(path)
        guard case .mapping(let root) = document.node, case .sequence(var list)? = root["targets"] else { return nil }
        for (index, values) in bounds where list.indices.contains(index) {
            guard case .mapping(var target) = list[index] else { continue }
            for key in ["at_least", "at_most"] where target[key] != nil && values.count == 1 {
                target[key] = Node(values[0], Tag(.implicit), .plain)
            }
            if target["between"] != nil, values.count == 2 {
                target["between"] = .sequence(Node.Sequence(values.map { Node($0, Tag(.implicit), .plain) }, Tag(.implicit), .flow))
            }
            list[index] = .mapping(target)
        }
        let body: String
        do {
            body = try Yams.serialize(node: .sequence(list), width: -1, allowUnicode: true)
        } catch {
            throw ScenarioProblems([ScenarioProblem(file: path, line: 0, column: 0, keyPath: "targets", found: "targets that cannot be written back as YAML",
                                                    allowed: "a list of plain target mappings")])
        }
        return "targets:\n" + body.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }.map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}
