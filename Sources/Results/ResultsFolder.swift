import Foundation

/// Writes a results folder atomically: everything goes into a temporary
/// folder beside the target, which then replaces the target by renaming, so
/// a reader never sees a half-written folder, and an interrupted run leaves
/// none behind.
///
/// It never deletes or replaces what OutletSim did not create: an existing
/// target is replaced only when it is an OutletSim results folder (see
/// ``isResultsFolder(_:)``) and the caller's ``Replacement`` allows it; an
/// empty folder is filled; anything else is refused.
public struct ResultsFolder {
    public let target: URL
    let temporary: URL
    let fileManager = FileManager.default

    /// When an existing OutletSim results folder at the target may be replaced.
    public enum Replacement: Sendable {
        /// The default place (`results/<name>/`), which OutletSim names itself: replace its own folder.
        case ownDefault
        /// A place the user named with `--out`: replace an OutletSim results folder only with `--force`.
        case named(force: Bool)
    }

    public enum Failure: Error, CustomStringConvertible {
        /// The target cannot be used (bad input: exit status 2); the first
        /// value names it as the user gave it (`--out PATH`, or the default folder).
        case refused(String, found: String, allowed: String)
        /// Reading or writing failed (exit status 3).
        case cannotWrite(String, String)

        public var description: String {
            switch self {
            case let .refused(subject, found, allowed): "\(subject): found \(found); allowed: \(allowed)"
            case let .cannotWrite(path, reason): "cannot write the results folder \(path): \(reason)"
            }
        }

        /// Bad input (2) or a failed read or write (3).
        public var exitStatus: Int32 {
            switch self {
            case .refused: 2
            case .cannotWrite: 3
            }
        }
    }

    /// The files whose `"format": "outletsim-…"` marks a folder as OutletSim's.
    static let markerFiles = ["run.json", "optimization.json", "comparison.json", "summary.json", "fit.json"]
    /// A file written first into every temporary folder, so that clean-up
    /// removes only temporary folders that OutletSim made.
    static let partialMarker = ".outletsim-partial"

    /// Checks `target` against `replacement`, removes temporary folders left
    /// beside it by dead OutletSim processes, and prepares a new temporary folder.
    public init(target path: String, replacement: Replacement) throws(Failure) {
        try Self.check(path, replacement: replacement)
        target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        temporary = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path, error.localizedDescription)
        }
        Self.removeStaleTemporaryFolders(in: parent)
        do {
            if fileManager.fileExists(atPath: temporary.path) { try fileManager.removeItem(at: temporary) }
            try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
            try Data().write(to: temporary.appendingPathComponent(Self.partialMarker))
        } catch {
            throw .cannotWrite(path, error.localizedDescription)
        }
    }

    /// Refuses `path` as ``init(target:replacement:)`` would, without
    /// preparing anything: for commands that check `--out` before long work.
    public static func check(_ path: String, replacement: Replacement) throws(Failure) {
        guard !path.isEmpty else {
            throw .refused(subject(path, replacement), found: "an empty path", allowed: "a path to a new folder or to an OutletSim results folder")
        }
        try checkReplaceable(URL(fileURLWithPath: path).standardizedFileURL, shownAs: path, replacement: replacement)
    }

    /// Refuses a target that holds anything OutletSim did not create, or
    /// that contains the current folder.
    static func checkReplaceable(_ target: URL, shownAs path: String, replacement: Replacement) throws(Failure) {
        let shown = subject(path, replacement)
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        let resolved = target.resolvingSymlinksInPath().path
        if current == resolved || current.hasPrefix(resolved.hasSuffix("/") ? resolved : resolved + "/") {
            throw .refused(shown, found: "the current folder or a folder containing it",
                           allowed: "a path to a new folder or to an OutletSim results folder")
        }
        var info = stat()
        guard lstat(target.path, &info) == 0 else { return }  // Nothing there: a new folder.
        guard info.st_mode & S_IFMT == S_IFDIR else {
            let kind = info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "an existing file"
            throw .refused(shown, found: "\(kind), which OutletSim did not create and will not replace",
                           allowed: "a path to a new folder or to an OutletSim results folder")
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? ["?"]
        if contents.isEmpty { return }
        guard isResultsFolder(target) else {
            throw .refused(shown, found: "a folder that is not an OutletSim results folder (it has no run.json or other OutletSim marker), which OutletSim will not replace",
                           allowed: "a path to a new folder or to an OutletSim results folder")
        }
        if case .named(force: false) = replacement {
            throw .refused(shown, found: "an existing OutletSim results folder",
                           allowed: "a new folder; add --force to replace an OutletSim results folder")
        }
    }

    /// How a refusal names the target: as the option the user typed, or as
    /// the default folder OutletSim chose.
    static func subject(_ path: String, _ replacement: Replacement) -> String {
        switch replacement {
        case .ownDefault: "the results folder \(path)"
        case .named: "--out \(path.isEmpty ? "''" : path)"
        }
    }

    /// Whether `folder` is a results folder written by OutletSim: it holds a
    /// metadata file whose `format` is `outletsim-…`.
    ///
    /// - Complexity: reads at most a few small files.
    public static func isResultsFolder(_ folder: URL) -> Bool {
        for name in markerFiles {
            let file = folder.appendingPathComponent(name)
            guard let handle = try? FileHandle(forReadingFrom: file) else { continue }
            defer { try? handle.close() }
            let head = (try? handle.read(upToCount: 256)) ?? Data()
            let text = String(decoding: head, as: UTF8.self)
            if text.range(of: #"^\{\s*"format"\s*:\s*"outletsim-"#, options: .regularExpression) != nil { return true }
        }
        return false
    }

    /// Removes `.NAME.partial-PID` and `.NAME.old-PID` folders in `parent`
    /// whose process is gone, and only when OutletSim made them.
    static func removeStaleTemporaryFolders(in parent: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(".") {
            guard let dash = name.lastIndex(of: "-"), let pid = Int32(name[name.index(after: dash)...]), pid > 0 else { continue }
            let stem = name[..<dash]
            let isPartial = stem.hasSuffix(".partial"), isOld = stem.hasSuffix(".old")
            guard isPartial || isOld, pid != ProcessInfo.processInfo.processIdentifier else { continue }
            guard kill(pid, 0) == -1, errno == ESRCH else { continue }  // Its process still runs.
            let folder = parent.appendingPathComponent(name)
            let ours = isPartial
                ? FileManager.default.fileExists(atPath: folder.appendingPathComponent(partialMarker).path)
                : isResultsFolder(folder)
            if ours { try? FileManager.default.removeItem(at: folder) }
        }
    }

    /// The default place for a results folder: `results/<prefix><name>`,
    /// with the name made into one safe path component.
    public static func defaultPath(prefix: String = "", name: String) -> String {
        "results/" + safeComponent(prefix + name)
    }

    /// `name` as a single path component: separators, control characters
    /// and leading dots become `-` or are dropped, and the length is capped,
    /// so that no name can point outside `results/` or at a hidden folder.
    public static func safeComponent(_ name: String) -> String {
        var text = ""
        for scalar in name.unicodeScalars {
            let unsafe = scalar == "/" || scalar == "\\" || scalar == ":" || scalar.properties.generalCategory == .control
                || scalar.properties.generalCategory == .format
            text.unicodeScalars.append(unsafe ? "-" : scalar)
        }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasPrefix(".") || text.hasPrefix("-") { text.removeFirst() }
        while text.utf8.count > 120 { text.removeLast() }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "scenario" : text
    }

    /// Writes one file into the temporary folder.
    public func write(_ name: String, _ text: String) throws(Failure) {
        do {
            try Data(text.utf8).write(to: temporary.appendingPathComponent(name))
        } catch {
            throw .cannotWrite(target.path, error.localizedDescription)
        }
    }

    /// Opens a file in the temporary folder for writing in pieces (traces).
    public func create(_ name: String) throws(Failure) -> FileHandle {
        let url = temporary.appendingPathComponent(name)
        guard fileManager.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
            throw .cannotWrite(target.path, "cannot create \(name)")
        }
        return handle
    }

    /// Replaces the target with the finished folder. The target was checked
    /// when the folder was prepared and is checked again here, in case it
    /// changed meanwhile.
    public func commit(replacement: Replacement) throws(Failure) {
        try Self.checkReplaceable(target, shownAs: target.path, replacement: replacement)
        do {
            try fileManager.removeItem(at: temporary.appendingPathComponent(Self.partialMarker))
            var info = stat()
            if lstat(target.path, &info) == 0 {
                if rmdir(target.path) == 0 {  // An empty folder: rmdir removes nothing else.
                    try fileManager.moveItem(at: temporary, to: target)
                    return
                }
                let old = target.deletingLastPathComponent()
                    .appendingPathComponent(".\(target.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
                try fileManager.moveItem(at: target, to: old)
                try fileManager.moveItem(at: temporary, to: target)
                try fileManager.removeItem(at: old)
            } else {
                try fileManager.moveItem(at: temporary, to: target)
            }
        } catch {
            throw .cannotWrite(target.path, error.localizedDescription)
        }
    }

    /// Removes the temporary folder (after an interruption or a failure).
    public func discard() {
        try? fileManager.removeItem(at: temporary)
    }
}
