import Foundation
import Scenario
import ScenarioFile
import Testing

/// A variant that changes a target's bound restates the base's targets,
/// each as the file gives it, with only that bound changed.
@Suite struct TargetListTextTests {
    static let weekday = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/bank-branch-weekday.yaml").path

    @Test func changedBoundsAreWrittenAndTheRestKept() throws {
        let base = try ScenarioLoader.load(path: Self.weekday)
        let text = try #require(try TargetListText.yaml(path: Self.weekday, bounds: [0: ["0.8"], 7: ["0.5", "0.9"]]))
        let variant = try ScenarioLoader.load(text: "extends: bank-branch-weekday.yaml\nname: tighter\n" + text,
                                              path: (Self.weekday as NSString).deletingLastPathComponent + "/tighter.yaml")
        #expect(variant.targets.count == base.targets.count)
        #expect(variant.targets[0].bound == .atLeast(0.8))
        #expect(variant.targets[7].bound == .between(0.5, 0.9))
        for index in 1..<7 { #expect(variant.targets[index] == base.targets[index]) }
        #expect(variant.targets.map(\.name) == base.targets.map(\.name))
    }

    @Test func noBoundsChangedRestatesTheTargetsAsTheyAre() throws {
        let base = try ScenarioLoader.load(path: Self.weekday)
        let text = try #require(try TargetListText.yaml(path: Self.weekday, bounds: [:]))
        let variant = try ScenarioLoader.load(text: "extends: bank-branch-weekday.yaml\nname: same\n" + text,
                                              path: (Self.weekday as NSString).deletingLastPathComponent + "/same.yaml")
        #expect(variant.targets == base.targets)
    }
}
