import ArgumentParser
import Dispatch
import Foundation
import Studio
import StudioServer

/// `outletsim studio [SCENARIO_OR_FOLDER]`: the planner's studio in the browser.
struct StudioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studio",
        abstract: "Edit a scenario's plan in the browser and see every edit simulated.",
        discussion: """
            Serves a local web page: open a scenario of the folder, edit windows, greeters \
            and guides per interval, kiosks and seats, and see the key figures with their \
            intervals, every target's verdict per interval, the cost and the charts, \
            simulated on the same days and seed as `outletsim run --replications DAYS --seed SEED`. \
            Keep plans and compare them, optimize, watch a day on the floor, and save a plan \
            as a variant (never over a file the studio did not write). \
            It binds 127.0.0.1 by default; on any other host every request needs the random \
            token printed with the address. Files are read only inside the opened folder. \
            Stop it with Ctrl-C.
            """
    )

    @Argument(help: "A scenario file, or a folder of them.")
    var path: String = "."

    @Option(help: "Port to listen on, 0 to 65535 (0: any free port).")
    var port: Int = 8080

    @Option(help: "Address to listen on; any other than the loopback needs the printed token.")
    var host: String = "127.0.0.1"

    @Option(help: "Independent days simulated for each edit, 2 to 100000.")
    var days: Int = StudioEvaluator.defaultDays

    @Option(help: "Seed of the random streams, as for `run`.")
    var seed: UInt64 = 1

    @OptionGroup var threads: ThreadOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535, found \(port)") }
        guard (2...100_000).contains(days) else { throw ValidationError("--days must be from 2 to 100000, found \(days)") }
        guard !host.isEmpty, host.utf8.count <= 255, host.allSatisfy({ $0.isLetter || $0.isNumber || ".-:".contains($0) }) else {
            throw ValidationError("--host must be an address or host name, found '\(host)'")
        }
    }

    func run() throws {
        let folder: StudioFolder
        do {
            folder = try StudioFolder(path: path)
        } catch {
            throw ValidationError(error.description)
        }
        let studio = Studio(folder: folder, evaluator: StudioEvaluator(seed: seed, days: days, jobs: threads.count))
        let server = StudioServer(studio: studio, host: host, port: port)
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await server.run { address in
                    FileHandle.standardOutput.write(Data("OutletSim studio: \(address)  (folder \(folder.root.path); Ctrl-C stops it)\n".utf8))
                }
            } catch {
                failure.set(error)
            }
            done.signal()
        }
        done.wait()
        // The server could not start (a port in use, an address not here): a bad option.
        if let error = failure.error { throw ValidationError("cannot listen on \(host):\(port): \(error)") }
    }
}

/// The server task's error, handed to the waiting main thread.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    func set(_ error: any Error) { lock.withLock { stored = error } }
    var error: (any Error)? { lock.withLock { stored } }
}
