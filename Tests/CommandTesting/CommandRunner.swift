import Foundation

/// Runs the built `outletsim` binary, which SwiftPM puts beside the test
/// bundle, as a user would: in a folder of the test's choosing, with a
/// deadline, and optionally interrupted by a signal part-way.
public enum CommandRunner {
    public struct Output: Sendable {
        /// The exit status, or the signal number when ``signalled``.
        public let status: Int32
        /// True when the process ended on a signal (a trap or a kill), not an exit.
        public let signalled: Bool
        /// True when the deadline passed and the runner killed the process.
        public let timedOut: Bool
        public let standardOutput: String
        public let standardError: String
        /// Seconds from the interrupting signal to the process's end; nil without one.
        public let secondsToStop: Double?
    }

    public enum Failure: Error, CustomStringConvertible {
        case binaryNotFound([String])
        public var description: String {
            switch self {
            case .binaryNotFound(let places): "outletsim was not found in: \(places.joined(separator: ", "))"
            }
        }
    }

    /// The repository's top folder, found from this file's place in it.
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func binary() throws -> URL {
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
    ///
    /// - Parameters:
    ///   - directory: the working folder; the test process's own when nil.
    ///   - deadline: seconds after which the process is killed (SIGKILL) and
    ///     the output marked ``Output/timedOut``.
    ///   - interrupt: a signal to send after the given seconds, to test
    ///     that the program stops promptly and cleanly.
    public static func run(_ arguments: [String], in directory: URL? = nil,
                           deadline: Double = 300,
                           interrupt: (signal: Int32, after: Double)? = nil) throws -> Output {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "80"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }

        // Both pipes are drained at once, so that a flood on one cannot block the other.
        let readers = DispatchGroup()
        let collected = Collected()
        for (pipe, isError) in [(out, false), (err, true)] {
            readers.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, isError: isError)
                readers.leave()
            }
        }
        let started = Date()
        try process.run()
        var signalSent: Date?
        if let interrupt {
            if ended.wait(timeout: .now() + interrupt.after) == .timedOut {
                signalSent = Date()
                kill(process.processIdentifier, interrupt.signal)
            } else {
                ended.signal()
            }
        }
        let remaining = max(0, deadline - Date().timeIntervalSince(started))
        var timedOut = false
        if ended.wait(timeout: .now() + remaining) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        }
        let stopped = Date()
        readers.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      signalled: process.terminationReason == .uncaughtSignal,
                      timedOut: timedOut,
                      standardOutput: collected.text(isError: false),
                      standardError: collected.text(isError: true),
                      secondsToStop: signalSent.map { stopped.timeIntervalSince($0) })
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var output = Data(), error = Data()
        func set(_ data: Data, isError: Bool) {
            lock.lock(); defer { lock.unlock() }
            if isError { error = data } else { output = data }
        }
        func text(isError: Bool) -> String {
            lock.lock(); defer { lock.unlock() }
            return String(decoding: isError ? error : output, as: UTF8.self)
        }
    }
}

/// Compares `text` with a pinned snapshot in the `Snapshots` folder beside
/// the calling test file; with `OUTLETSIM_UPDATE_SNAPSHOTS=1` it rewrites the
/// snapshot instead.
public func snapshotMismatch(_ text: String, named name: String, filePath: String = #filePath) throws -> String? {
    let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent("\(name).txt")
    if ProcessInfo.processInfo.environment["OUTLETSIM_UPDATE_SNAPSHOTS"] == "1" {
        try text.write(to: url, atomically: true, encoding: .utf8)
        return nil
    }
    let pinned = try String(contentsOf: url, encoding: .utf8)
    return pinned == text ? nil : "output differs from Snapshots/\(name).txt (rerun with OUTLETSIM_UPDATE_SNAPSHOTS=1 to accept):\n\(text)"
}
