import Foundation
import Yams

/// A scenario as one file that is valid on its own, for a results folder:
/// `extends:` resolved into one document, and an arrival trace renamed to a
/// copy kept beside it, so that `outletsim check` or `run` on the results
/// folder reads exactly what was simulated.
public struct StandaloneScenario: Sendable {
    /// The name the trace copy gets beside the scenario.
    public static let traceName = "arrivals-trace.csv"

    /// The scenario text: the original file, verbatim (comments kept), when
    /// it extends nothing and names no trace; else the resolved document.
    public let text: String
    /// The arrival trace to copy beside the scenario as ``traceName``, if any.
    public let traceFile: String?

    /// The arrival trace a resolved document names, as a path from the current folder.
    static func traceFile(of document: ResolvedDocument) -> String? {
        guard case .mapping(let root) = document.node, case .mapping(let arrivals)? = root["arrivals"],
              let traceName = arrivals["trace"]?.scalar?.string else { return nil }
        let base = (document.file(for: "arrivals.trace") as NSString).deletingLastPathComponent
        return traceName.hasPrefix("/") ? traceName : (base as NSString).appendingPathComponent(traceName)
    }

    /// Resolves the scenario at `path` (already validated by ``ScenarioLoader``).
    public init(path: String) throws(ScenarioProblems) {
        try self.init(document: ResolvedDocument.load(path), path: path)
    }

    /// The scenario of an already resolved document.
    init(document: ResolvedDocument, path: String) throws(ScenarioProblems) {
        let traceFile = Self.traceFile(of: document)
        var node = document.node
        if traceFile != nil, case .mapping(var root) = node, case .mapping(var arrivals)? = root["arrivals"] {
            arrivals["trace"] = Node(Self.traceName)
            root["arrivals"] = .mapping(arrivals)
            node = .mapping(root)
        }
        self.traceFile = traceFile
        if document.chain.count == 1, traceFile == nil, let data = FileManager.default.contents(atPath: path),
           let original = String(data: data, encoding: .utf8) {
            text = original
            return
        }
        let body: String
        do {
            body = try Yams.serialize(node: node, width: -1, allowUnicode: true)
        } catch {
            throw ScenarioProblems([ScenarioProblem(file: path, line: 1, column: 1, keyPath: "", found: "a document that cannot be written back as YAML",
                                                    allowed: "a scenario of plain mappings, lists and values")])
        }
        // File names go into a comment line, so line breaks in them must not end it.
        let sources = document.chain
            .map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ") }
            .joined(separator: ", which extends ")
        text = "# The scenario as simulated, resolved by OutletSim from \(sources); valid on its own.\n" + body
    }
}
