import Foundation

/// Runs the built `outletsim` binary, which SwiftPM puts beside the test bundle.
struct CommandRunner {
    struct Output {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    enum Failure: Error, CustomStringConvertible {
        case binaryNotFound([String])
        var description: String {
            switch self {
            case .binaryNotFound(let places): "outletsim was not found in: \(places.joined(separator: ", "))"
            }
        }
    }

    static func binary() throws -> URL {
        let places = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for place in places {
            let candidate = place.appendingPathComponent("outletsim")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw Failure.binaryNotFound(places.map(\.path))
    }

    /// Runs `outletsim arguments...` with an 80-column terminal width.
    static func run(_ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
    }
}

/// Compares `text` with a pinned snapshot beside this file; with
/// `OUTLETSIM_UPDATE_SNAPSHOTS=1` it rewrites the snapshot instead.
func snapshotMismatch(_ text: String, named name: String, filePath: String = #filePath) throws -> String? {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["OUTLETSIM_UPDATE_SNAPSHOTS"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return nil
    }
    let pinned = try String(contentsOf: url, encoding: .utf8)
    return pinned == text ? nil : "output differs from Snapshots/\(name).txt (rerun with OUTLETSIM_UPDATE_SNAPSHOTS=1 to accept):\n\(text)"
}
