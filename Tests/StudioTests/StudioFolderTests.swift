import Foundation
import Studio
import Testing

/// The studio reads and writes only inside the folder it opened.
@Suite struct StudioFolderTests {
    /// A folder with a scenario, a sub-folder, a hidden file, a results
    /// folder and a symbolic link that leads out.
    func makeFolder() throws -> (URL, StudioFolder) {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("studio-folder-\(UUID().uuidString)")
        let root = top.appendingPathComponent("plans")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("what-if"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("results/run"), withIntermediateDirectories: true)
        for name in ["branch.yaml", "what-if/lunch.yml", ".hidden.yaml", "results/run/scenario.yaml", "notes.txt", "city.network.yaml"] {
            try Data("name: x\n".utf8).write(to: root.appendingPathComponent(name))
        }
        try Data("secret\n".utf8).write(to: top.appendingPathComponent("secret.yaml"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("out.yaml"), withDestinationURL: top.appendingPathComponent("secret.yaml"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("up"), withDestinationURL: top)
        return (top, try StudioFolder(path: root.path))
    }

    @Test func listsScenariosButNotHiddenResultsNetworksOrLinksOut() throws {
        let (top, folder) = try makeFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        #expect(folder.scenarioFiles() == ["branch.yaml", "what-if/lunch.yml"])
    }

    @Test(arguments: ["../secret.yaml", "/etc/passwd", "what-if/../../secret.yaml", ".hidden.yaml", "out.yaml", "up/secret.yaml",
                      "", "a\u{0}b.yaml", "what-if//lunch.yml", "a\\..\\b.yaml", String(repeating: "a/", count: 300) + "b.yaml"])
    func refusesPathsThatLeaveTheFolder(_ path: String) throws {
        let (top, folder) = try makeFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        #expect(throws: StudioRefusal.self) { try folder.existingFile(path) }
        #expect(throws: StudioRefusal.self) { try folder.newFile(path) }
    }

    @Test func findsFilesInside() throws {
        let (top, folder) = try makeFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        #expect(try folder.existingFile("what-if/lunch.yml").hasSuffix("/plans/what-if/lunch.yml"))
        #expect(try folder.newFile("what-if/new-plan.yaml").hasSuffix("/plans/what-if/new-plan.yaml"))
        #expect(throws: StudioRefusal.self) { try folder.existingFile("missing.yaml") }
        #expect(throws: StudioRefusal.self) { try folder.newFile("no-such-folder/plan.yaml") }
    }

    @Test func opensAScenarioFilesFolder() throws {
        let (top, _) = try makeFolder()
        defer { try? FileManager.default.removeItem(at: top) }
        let folder = try StudioFolder(path: top.appendingPathComponent("plans/what-if/lunch.yml").path)
        #expect(folder.opened == "lunch.yml")
        #expect(folder.root.lastPathComponent == "what-if")
        #expect(throws: StudioRefusal.self) { try StudioFolder(path: top.appendingPathComponent("plans/notes.txt").path) }
    }
}
