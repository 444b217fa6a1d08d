import Foundation
import OutputKit
import Report
import Results
import Scenario
import ScenarioFile

/// The studio's work, apart from HTTP: the opened folder, the scenarios in
/// it, a draft turned into a validated variant, and its answer simulated
/// in turn. Requests reach the engine only through ``StudioEvaluator``.
public final class Studio: Sendable {
    public let folder: StudioFolder
    public let evaluator: StudioEvaluator
    /// Where edits and comparisons wait their turn.
    public let desk: EvaluationDesk
    /// Where optimizations wait theirs: one at a time, beside the edits.
    public let optimizations = EvaluationDesk(mostWaiting: 4)

    public init(folder: StudioFolder, evaluator: StudioEvaluator, desk: EvaluationDesk = EvaluationDesk()) {
        self.folder = folder
        self.evaluator = evaluator
        self.desk = desk
    }

    /// The scenario files of the folder, and the one opened with the studio.
    public func scenarioList() -> JSONValue {
        .object([("folder", .string(folder.root.path)), ("opened", folder.opened.map { .string($0) } ?? .null),
                 ("scenarios", .array(folder.scenarioFiles().map { .string($0) })),
                 ("days", .integer(evaluator.days)), ("seed", .string(String(evaluator.seed)))])
    }

    /// A scenario of the folder, read and validated.
    public func base(_ relative: String) throws -> (Scenario, path: String) {
        let path = try folder.existingFile(relative)
        return (try ScenarioLoader.load(path: path), path)
    }

    /// The editors' outline of a scenario of the folder.
    public func outline(_ relative: String) throws -> JSONValue {
        ScenarioOutline.json(try base(relative).0, file: relative)
    }

    /// The base's `targets:` restated with the draft's bounds, when it changes one.
    func targetsText(_ draft: PlanDraft, base: Scenario, path: String) throws -> String? {
        let changed = draft.changedTargetBounds(base)
        return changed.isEmpty ? nil : try TargetListText.yaml(path: path, bounds: changed)
    }

    /// A draft on `relative` as a variant file's text and the scenario it reads as.
    /// - Throws: ``StudioRefusal`` for a draft that does not fit the base,
    ///   ``ScenarioProblems`` for values the reader does not allow.
    public func variant(of relative: String, _ draft: PlanDraft) throws -> (text: String, scenario: Scenario, path: String) {
        let (base, basePath) = try self.base(relative)
        let baseName = (basePath as NSString).lastPathComponent
        let text = try draft.variantText(base: base, extends: baseName, targetsText: targetsText(draft, base: base, path: basePath))
        // Read as if saved beside the base, so `extends:` and problems resolve as in a file.
        let stem = (baseName as NSString).deletingPathExtension
        let path = ((basePath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(stem + "-studio.yaml")
        return (text, try ScenarioLoader.load(text: text, path: path), path)
    }

    /// A plan the page keeps: its name and its draft.
    public struct NamedDraft: Decodable, Sendable {
        public let name: String
        public let draft: PlanDraft
    }

    /// The most plans compared at once.
    public static let mostPlans = 6

    /// Plans compared side by side on the same days: paired differences
    /// with intervals, what each changes from the first (per interval and
    /// role, with costs), and every plan on every target.
    public func compare(_ relative: String, _ plans: [NamedDraft], client: String?) async throws -> JSONValue {
        guard (2...Self.mostPlans).contains(plans.count) else {
            throw StudioRefusal(.badRequest, "plans", found: "\(plans.count) plans", allowed: "2 to \(Self.mostPlans) plans")
        }
        var names = Set<String>()
        let scenarios = try plans.enumerated().map { index, plan throws -> Scenario in
            guard !plan.name.isEmpty, plan.name.utf8.count <= PlanDraft.longestName, names.insert(plan.name).inserted else {
                throw StudioRefusal(.badRequest, "plans[\(index)].name", found: "'\(StudioFolder.shown(plan.name))'",
                                    allowed: "a name of 1 to \(PlanDraft.longestName) bytes, different from the other plans'")
            }
            var draft = plan.draft
            draft.name = plan.name
            return try variant(of: relative, draft).scenario
        }
        let evaluator = self.evaluator
        // A comparison is the page's other work: a new edit does not stop it, a new comparison does.
        let comparison = try await desk.run(client: client.map { $0 + "/compare" }) { stop in
            try evaluator.compare(scenarios, stop: stop)
        }
        let report = ComparisonReport(comparison: comparison)
        return .object([("comparison", comparison.json()), ("tables_html", .string(report.tables())),
                        ("charts_svg", .array(report.charts().map { .string($0) }))])
    }

    /// A draft saved as a variant at `file` (relative to the folder, a new
    /// `.yaml` or `.yml`, or a variant the studio saved and nobody changed),
    /// its `extends:` relative to the file. The text is read back by the
    /// scenario reader before it is written, so only a valid plan is saved.
    /// - Parameter write: false for a preview: the text, nothing written.
    /// - Returns: the file's text.
    public func save(_ relative: String, _ draft: PlanDraft, as file: String, write: Bool) throws -> String {
        let (base, basePath) = try self.base(relative)
        let target = try folder.newFile(file, subject: "file")
        guard StudioFolder.isScenarioName((target as NSString).lastPathComponent) else {
            throw StudioRefusal(.badRequest, "file", found: "'\(StudioFolder.shown(file))'", allowed: "a name ending in .yaml or .yml, not hidden, not .network.yaml")
        }
        guard target != basePath else {
            throw StudioRefusal(.forbidden, "file", found: "the scenario the plan extends", allowed: "another file name")
        }
        var named = draft
        if named.name == nil { named.name = ((target as NSString).lastPathComponent as NSString).deletingPathExtension }
        let extends = PlanVariant.relativePath(of: basePath, from: URL(fileURLWithPath: (target as NSString).deletingLastPathComponent))
        let body = try named.variantText(base: base, extends: extends, targetsText: targetsText(named, base: base, path: basePath))
        _ = try ScenarioLoader.load(text: body, path: target)
        if write { try VariantFile.write(body, to: target) }
        return VariantFile.text(body)
    }

    /// The answer to a draft, simulated in turn; a newer draft of the same
    /// client supersedes it.
    public func evaluate(_ relative: String, _ draft: PlanDraft, client: String?) async throws -> JSONValue {
        let (text, scenario, _) = try variant(of: relative, draft)
        let evaluator = self.evaluator
        let answer = try await desk.run(client: client) { stop in
            try evaluator.answer(scenario, scenarioText: text, stop: stop)
        }
        guard case .object(var members) = answer.json(settled: true) else { return .null }
        // Notes name files relative to the folder, as the page names them.
        members = members.map { key, value in
            guard key == "notes", case .array(let notes) = value else { return (key, value) }
            return (key, .array(notes.map { note in
                if case .string(let text) = note { return .string(folder.relativeText(text)) }
                return note
            }))
        }
        members.append(("variant_yaml", .string(text)))
        return .object(members)
    }
}
