import Foundation

/// Writes a results folder atomically: everything goes into a temporary
/// folder beside the target, which then replaces the target by renaming, so
/// a reader never sees a half-written folder, and an interrupted run leaves
/// none behind.
public struct ResultsFolder {
    public let target: URL
    let temporary: URL
    let fileManager = FileManager.default

    public enum Failure: Error, CustomStringConvertible {
        case cannotWrite(String, String)
        public var description: String {
            switch self {
            case let .cannotWrite(path, reason): "cannot write the results folder \(path): \(reason)"
            }
        }
    }

    /// Prepares a temporary folder beside `target`.
    public init(target: URL) throws {
        self.target = target.standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        temporary = parent.appendingPathComponent(".\(self.target.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: temporary.path) { try fileManager.removeItem(at: temporary) }
            try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw Failure.cannotWrite(target.path, error.localizedDescription)
        }
    }

    /// Writes one file into the temporary folder.
    public func write(_ name: String, _ text: String) throws {
        do {
            try Data(text.utf8).write(to: temporary.appendingPathComponent(name))
        } catch {
            throw Failure.cannotWrite(target.path, error.localizedDescription)
        }
    }

    /// Copies a file (the scenario) into the temporary folder.
    public func copy(_ source: URL, as name: String) throws {
        do {
            try fileManager.copyItem(at: source, to: temporary.appendingPathComponent(name))
        } catch {
            throw Failure.cannotWrite(target.path, error.localizedDescription)
        }
    }

    /// Replaces the target with the finished folder.
    public func commit() throws {
        do {
            if fileManager.fileExists(atPath: target.path) {
                let old = target.deletingLastPathComponent()
                    .appendingPathComponent(".\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
                try fileManager.moveItem(at: target, to: old)
                try fileManager.moveItem(at: temporary, to: target)
                try fileManager.removeItem(at: old)
            } else {
                try fileManager.moveItem(at: temporary, to: target)
            }
        } catch {
            throw Failure.cannotWrite(target.path, error.localizedDescription)
        }
    }

    /// Removes the temporary folder (after an interruption or a failure).
    public func discard() {
        try? fileManager.removeItem(at: temporary)
    }
}
