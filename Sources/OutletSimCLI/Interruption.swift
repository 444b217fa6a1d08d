import Dispatch
import Foundation
import OutletEngine

/// SIGINT and SIGTERM turned into a ``StopRequest``: the engine looks at it
/// inside each day and the commands between steps, so a run stops within
/// milliseconds, writes nothing, and exits 130 (SIGINT) or 143 (SIGTERM).
///
/// The handler is a plain signal handler that only stores to an atomic, not
/// a dispatch source: a source's handler needs a free thread of the global
/// queue, and while every core simulates, none is free until a day ends.
enum Interruption {
    /// Made before any handler is installed, so that the handler only loads it.
    private static let request = StopRequest()

    /// Installs the handlers and returns the request they make. Only
    /// commands that watch the request install it; the others keep the
    /// default action (terminate at once).
    static func install() -> StopRequest {
        let stop = request
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM] {
            signal(number) { received in Interruption.request.request(signal: received) }
            sigaddset(&signals, number)
        }
        // A parent may have started us with these signals blocked (the mask
        // survives exec), and a blocked signal would never reach the handler.
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        return stop
    }
}

/// "12/100 days, 250 days/s, ETA 0.4 s" on standard error, only on a terminal.
final class Progress: @unchecked Sendable {
    let total: Int
    let enabled: Bool
    let started: Date
    private let lock = NSLock()

    init(total: Int, enabled: Bool, started: Date) {
        self.total = total
        self.enabled = enabled
        self.started = started
    }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let elapsed = max(Date().timeIntervalSince(started), 1e-6)
        let rate = Double(done) / elapsed
        let remaining = Double(max(0, total - done)) / max(rate, 1e-9)
        FileHandle.standardError.write(Data("\r\(done)/\(total) days, \(Int(rate)) days/s, ETA \(String(format: "%.1f", remaining)) s   ".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
