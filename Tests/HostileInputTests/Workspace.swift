import Foundation
import Testing
import CommandTesting

/// A scratch folder that plays a user's project: scenario files copied from
/// the examples, edited by the test, and `outletsim` run inside it.
final class Workspace {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("outletsim-hostile-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static func example(_ name: String) throws -> String {
        try String(contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("scenarios/\(name)"), encoding: .utf8)
    }

    /// The weekday branch, with each `(old, new)` replacement applied once;
    /// a replacement that does not match is a defect of the test.
    static func weekday(_ edits: [(String, String)] = []) throws -> String {
        var text = try example("bank-branch-weekday.yaml")
        for (old, new) in edits {
            guard let range = text.range(of: old) else { throw EditNotFound(text: old) }
            text.replaceSubrange(range, with: new)
        }
        return text
    }

    struct EditNotFound: Error { let text: String }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url
    }

    func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url(name).path) }

    func read(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    /// Runs `outletsim` in this folder.
    func run(_ arguments: [String], deadline: Double = 120, interrupt: (signal: Int32, after: Double)? = nil) throws -> CommandRunner.Output {
        try CommandRunner.run(arguments, in: folder, deadline: deadline, interrupt: interrupt)
    }

    /// Every path below the folder, relative to it, hidden ones included.
    func allPaths() -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return (walker.allObjects as? [String] ?? []).sorted()
    }

    /// Temporary folders a run left behind.
    func leftovers() -> [String] {
        allPaths().filter { $0.contains(".partial-") || $0.contains(".old-") }
    }
}

/// Parser wording that must never reach a user: OutletSim says what it found
/// in its own words.
let parserPhrases = ["found found", "did not find expected", "could not find expected", "cannot start any token",
                     "mapping values are not allowed", "while scanning", "while parsing", "Yams.", "YamlError",
                     "Fatal error", "Stack dump", "Backtrace"]

/// Expects an orderly exit with `status`: no signal, no deadline passed,
/// no parser wording.
func expectExit(_ output: CommandRunner.Output, _ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!output.signalled, "ended on signal \(output.status)\n\(output.standardError)", sourceLocation: sourceLocation)
    #expect(!output.timedOut, "did not finish in time", sourceLocation: sourceLocation)
    #expect(output.status == status, "exit \(output.status), expected \(status)\n\(output.standardError)", sourceLocation: sourceLocation)
    for phrase in parserPhrases {
        #expect(!output.standardError.contains(phrase), "'\(phrase)' in: \(output.standardError)", sourceLocation: sourceLocation)
    }
}

/// The `FILE:LINE:COLUMN: error:` lines of `output` that name `file`, with
/// line and column of at least 1.
func locatedErrors(_ output: CommandRunner.Output, in file: String) -> [String] {
    output.standardError.split(separator: "\n").map(String.init).filter { line in
        guard line.hasPrefix(file + ":") else { return false }
        let parts = line.dropFirst(file.count + 1).split(separator: ":", maxSplits: 2)
        guard parts.count == 3, let row = Int(parts[0]), let column = Int(parts[1]) else { return false }
        return row >= 1 && column >= 1 && parts[2].hasPrefix(" error: ")
    }
}

/// Expects exit 2 with at least one located error in `file` that contains `text`.
func expectLocated(_ output: CommandRunner.Output, in file: String, mentioning text: String,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    expectExit(output, 2, sourceLocation: sourceLocation)
    let errors = locatedErrors(output, in: file)
    #expect(errors.contains { $0.contains(text) }, "no located error in \(file) mentioning '\(text)':\n\(output.standardError)",
            sourceLocation: sourceLocation)
}
