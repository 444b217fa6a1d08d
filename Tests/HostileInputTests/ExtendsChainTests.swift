import Foundation
import Testing
import CommandTesting

/// `extends` chains are bounded: in files, in bytes, and to regular files,
/// each refusal located at the line of the `extends` that crosses the bound.
@Suite("Bounded extends chains")
struct ExtendsChainTests {
    /// `count` variants, each extending the one before, the first the weekday branch.
    func chain(_ space: Workspace, _ count: Int, padding: String = "") throws {
        try space.write("c0.yaml", Workspace.weekday() + padding)
        for index in 1...count { try space.write("c\(index).yaml", "extends: c\(index - 1).yaml\n" + padding) }
    }

    @Test("a chain of 64 files reads; one of 65 or 7,000 is refused at the extends line, without a crash")
    func depth() throws {
        let space = try Workspace()
        try chain(space, 7_000)
        expectExit(try space.run(["validate", "c63.yaml"]), 0)
        for top in ["c64.yaml", "c7000.yaml"] {
            for command in [["validate", top], ["run", top, "--replications", "2", "--quiet"]] {
                let output = try space.run(command, deadline: 60)
                expectExit(output, 2)
                #expect(output.standardError.contains(":1:10: error: extends: found a chain of more than 64 files"), "\(output.standardError)")
            }
        }
        #expect(!space.exists("results"))
    }

    @Test("a chain of large files stops at 16 MB in all, quickly, at the extends line that crosses it (the third file's)")
    func totalSize() throws {
        let space = try Workspace()
        let line = "#" + String(repeating: "x", count: 998) + "\n"
        try chain(space, 200, padding: String(repeating: line, count: 4_800))
        let started = Date()
        let output = try space.run(["validate", "c200.yaml"], deadline: 60)
        expectExit(output, 2)
        #expect(output.standardError.contains("c198.yaml:1:10: error: extends: found a chain of more than 16 MB"), "\(output.standardError)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    @Test("a base that is a device, a FIFO or a folder is refused at the line of its extends",
          arguments: ["/dev/zero", "fifo", "folder"])
    func specialBases(_ base: String) throws {
        let space = try Workspace()
        #expect(mkfifo(space.url("fifo").path, 0o600) == 0)
        try FileManager.default.createDirectory(at: space.url("folder"), withIntermediateDirectories: true)
        try space.write("v.yaml", "name: v\n\nextends: \(base)\n")
        let kind = ["/dev/zero": "a device", "fifo": "a FIFO", "folder": "a folder"][base] ?? ""
        for command in [["validate", "v.yaml"], ["run", "v.yaml", "--replications", "2", "--quiet"], ["check", "v.yaml"]] {
            let output = try space.run(command, deadline: 30)
            expectExit(output, 2)
            #expect(output.standardError.contains("v.yaml:3:10: error: extends: found the base '\(base)', which is \(kind)"),
                    "\(output.standardError)")
        }
    }
}
