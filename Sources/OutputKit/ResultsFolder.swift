import Foundation

/// Writes a results folder atomically: everything goes into a temporary
/// folder beside the target, which then replaces the target by renaming, so
/// a reader never sees a half-written folder, and an interrupted run leaves
/// none behind.
///
/// It never deletes or replaces what OutletSim did not create. Every
/// finished folder holds a list of the files OutletSim wrote into it, with
/// their sizes (``listName``). An existing target is replaced only when it
/// holds that list and nothing but the files listed, unchanged, and
/// the caller's ``Replacement`` allows it; an empty folder is filled;
/// anything else is refused, naming what is not OutletSim's.
public struct ResultsFolder {
    public let target: URL
    let temporary: URL
    /// Folders above the target that this run created, deepest first: removed again if the run fails.
    let createdParents: [URL]
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

    /// The list of the files OutletSim wrote into a results folder: the mark of its own folders.
    public static let listName = ".outletsim-folder"
    /// The files whose `"format": "outletsim-…"` marked a folder as OutletSim's before it listed its files.
    static let legacyMarkerFiles = ["run.json", "optimization.json", "comparison.json", "summary.json", "fit.json"]
    /// A file written first into every temporary folder, so that clean-up
    /// removes only temporary folders that OutletSim made.
    static let partialMarker = ".outletsim-partial"
    /// The most entries a folder's listing shows in a refusal.
    static let mostNamesShown = 10

    /// Checks `target` against `replacement`, removes temporary folders left
    /// beside it by dead OutletSim processes, and prepares a new temporary folder.
    public init(target path: String, replacement: Replacement) throws(Failure) {
        try Self.check(path, replacement: replacement)
        target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        temporary = TemporaryName.beside(target, .partial)
        let missing = try Self.makeFolder(parent, shownAs: path)
        createdParents = missing
        Self.removeStaleTemporaryFolders(in: parent)
        // A temporary folder of an earlier process that had this id is removed only if OutletSim marked it.
        if fileManager.fileExists(atPath: temporary.path), !Self.removeOwnPartialFolder(temporary) {
            Self.removeEmpty(missing)
            throw .cannotWrite(path, "\(temporary.path) is in the way and is not OutletSim's")
        }
        do {
            try fileManager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            Self.removeEmpty(missing)
            throw .cannotWrite(path, error.localizedDescription)
        }
        // From here the temporary folder is this process's own.
        do {
            try Data().write(to: temporary.appendingPathComponent(Self.partialMarker))
        } catch {
            try? fileManager.removeItem(at: temporary)
            Self.removeEmpty(missing)
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
        let allowed = "a path to a new folder or to an OutletSim results folder"
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).resolvingSymlinksInPath().path
        let resolved = target.resolvingSymlinksInPath().path
        if current == resolved || current.hasPrefix(resolved.hasSuffix("/") ? resolved : resolved + "/") {
            throw .refused(shown, found: "the current folder or a folder containing it", allowed: allowed)
        }
        var info = stat()
        guard lstat(target.path, &info) == 0 else { return }  // Nothing there: a new folder.
        guard info.st_mode & S_IFMT == S_IFDIR else {
            let kind = info.st_mode & S_IFMT == S_IFLNK ? "a symbolic link" : "an existing file"
            throw .refused(shown, found: "\(kind), which OutletSim did not create and will not replace", allowed: allowed)
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? ["?"]
        if contents.isEmpty { return }
        guard let foreign = foreignEntries(target) else {
            let found = hasLegacyMarker(target)
                ? "an OutletSim results folder written before OutletSim listed the files it writes (it has no \(listName)), which it will not replace"
                : "a folder that is not an OutletSim results folder (it has no \(listName) listing OutletSim's files), which OutletSim will not replace"
            throw .refused(shown, found: found, allowed: allowed)
        }
        if !foreign.isEmpty {
            let names = foreign.prefix(mostNamesShown).joined(separator: ", ")
                + (foreign.count > mostNamesShown ? " and \(foreign.count - mostNamesShown) more" : "")
            throw .refused(shown, found: "an OutletSim results folder that also holds what OutletSim did not write: \(names)",
                           allowed: "a results folder holding only OutletSim's files (move the others out first), or a new folder")
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

    /// Whether `folder` is a results folder written by OutletSim: it holds
    /// the list of the files OutletSim wrote.
    ///
    /// - Complexity: reads one small file.
    public static func isResultsFolder(_ folder: URL) -> Bool {
        FileList.read(in: folder) != nil
    }

    /// What `folder` holds that OutletSim did not write there: entries not
    /// in its list, and listed files whose size changed since (a user's
    /// edit); nil when the folder has no list (it is not OutletSim's).
    ///
    /// - Complexity: O(entries), one `lstat` each.
    static func foreignEntries(_ folder: URL) -> [String]? {
        guard let list = FileList.read(in: folder) else { return nil }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var foreign: [String] = []
        for name in names.sorted() where name != listName {
            var info = stat()
            guard lstat(folder.appendingPathComponent(name).path, &info) == 0 else { continue }
            let isFile = info.st_mode & S_IFMT == S_IFREG
            guard let bytes = list.files[name], isFile else {
                foreign.append(info.st_mode & S_IFMT == S_IFDIR ? name + "/" : name)
                continue
            }
            if Int64(info.st_size) != bytes { foreign.append("\(name) (changed since OutletSim wrote it)") }
        }
        return foreign
    }

    /// Whether `folder` holds a metadata file that marked OutletSim's folders before they held a list.
    static func hasLegacyMarker(_ folder: URL) -> Bool {
        for name in legacyMarkerFiles {
            guard let handle = try? FileHandle(forReadingFrom: folder.appendingPathComponent(name)) else { continue }
            defer { try? handle.close() }
            let head = (try? handle.read(upToCount: 256)) ?? Data()
            if String(decoding: head, as: UTF8.self).range(of: #"^\{\s*"format"\s*:\s*"outletsim-"#, options: .regularExpression) != nil {
                return true
            }
        }
        return false
    }

    /// Removes the files OutletSim listed in `folder`, then the list and the
    /// folder if nothing else is left; returns whether the folder is gone.
    @discardableResult
    static func removeOwnFolder(_ folder: URL) -> Bool {
        guard let list = FileList.read(in: folder) else { return false }
        for (name, bytes) in list.files {
            let path = folder.appendingPathComponent(name).path
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int64(info.st_size) == bytes { unlink(path) }
        }
        let rest = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
        guard rest == [listName] else { return false }
        unlink(folder.appendingPathComponent(listName).path)
        return rmdir(folder.path) == 0
    }

    /// Creates `folder` and the folders above it that are missing; returns
    /// those it created, deepest first, for ``removeEmpty(_:)`` on failure.
    public static func makeFolder(_ folder: URL, shownAs path: String) throws(Failure) -> [URL] {
        var missing: [URL] = []
        var above = folder
        while !FileManager.default.fileExists(atPath: above.path), above.path != "/" {
            missing.append(above)
            above = above.deletingLastPathComponent()
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            removeEmpty(missing)
            throw .cannotWrite(path, error.localizedDescription)
        }
        return missing
    }

    /// Removes `folders` (deepest first) while they are empty.
    public static func removeEmpty(_ folders: [URL]) {
        for folder in folders where rmdir(folder.path) != 0 { return }
    }

    /// Removes `.NAME.partial-PID` and `.NAME.old-PID` folders in `parent`
    /// whose process is gone, and only when OutletSim made them: a partial
    /// folder holds OutletSim's marker, an old one only OutletSim's files.
    /// Removes `folder` if OutletSim made it as a temporary results folder:
    /// its name is a temporary name (`.NAME.partial-PID`, never a path a
    /// user gave) and it holds ``partialMarker``, the first file OutletSim
    /// writes into a temporary folder it has just created exclusively.
    /// Anything else is left alone.
    /// - Returns: whether the folder is gone.
    @discardableResult
    static func removeOwnPartialFolder(_ folder: URL) -> Bool {
        guard let (kind, _) = TemporaryName.parse(folder.lastPathComponent), kind == .partial,
              FileManager.default.fileExists(atPath: folder.appendingPathComponent(partialMarker).path) else { return false }
        try? FileManager.default.removeItem(at: folder)
        return !FileManager.default.fileExists(atPath: folder.path)
    }

    static func removeStaleTemporaryFolders(in parent: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            guard let (kind, pid) = TemporaryName.parse(name), TemporaryName.isGone(pid) else { continue }
            let folder = parent.appendingPathComponent(name)
            var info = stat()
            guard lstat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
            switch kind {
            case .partial:
                removeOwnPartialFolder(folder)
            case .old:
                removeOwnFolder(folder)
            }
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

    /// Where a file written by ``write(_:_:)`` lies until the commit, beside
    /// the target, so that relative paths in it resolve as they will there:
    /// for reading back what was written.
    public func stagedPath(_ name: String) -> String { temporary.appendingPathComponent(name).path }

    /// Opens a file in the temporary folder for writing in pieces (traces).
    public func create(_ name: String) throws(Failure) -> FileHandle {
        let url = temporary.appendingPathComponent(name)
        guard fileManager.createFile(atPath: url.path, contents: nil), let handle = try? FileHandle(forWritingTo: url) else {
            throw .cannotWrite(target.path, "cannot create \(name)")
        }
        return handle
    }

    /// Replaces the target with the finished folder, listing its files
    /// first. The target was checked when the folder was prepared and is
    /// checked again here, in case it changed meanwhile; a file put into the
    /// old folder during the swap is left there, not deleted.
    public func commit(replacement: Replacement) throws(Failure) {
        try Self.checkReplaceable(target, shownAs: target.path, replacement: replacement)
        do {
            try fileManager.removeItem(at: temporary.appendingPathComponent(Self.partialMarker))
            try FileList.listing(temporary).write(in: temporary)
            var info = stat()
            if lstat(target.path, &info) == 0 {
                if rmdir(target.path) == 0 {  // An empty folder: rmdir removes nothing else.
                    try fileManager.moveItem(at: temporary, to: target)
                    return
                }
                let old = TemporaryName.beside(target, .old)
                try fileManager.moveItem(at: target, to: old)
                try fileManager.moveItem(at: temporary, to: target)
                Self.removeOwnFolder(old)
            } else {
                try fileManager.moveItem(at: temporary, to: target)
            }
        } catch {
            throw .cannotWrite(target.path, error.localizedDescription)
        }
    }

    /// Removes the temporary folder (after an interruption or a failure),
    /// and the folders above it that this run created, such as `results/`:
    /// both were created by this process (the temporary folder exclusively),
    /// so nothing a user gave or made is removed.
    public func discard() {
        try? fileManager.removeItem(at: temporary)
        Self.removeEmpty(createdParents)
    }
}

/// The list of the files OutletSim wrote into a results folder, with their
/// sizes in bytes: `{"format": "outletsim-folder", "files": {NAME: BYTES}}`.
struct FileList {
    var files: [String: Int64]

    /// The largest list read, in bytes: a folder holds a few dozen files.
    static let largest = 1 << 20

    /// The regular files in `folder` and their sizes.
    static func listing(_ folder: URL) throws -> FileList {
        var files: [String: Int64] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            var info = stat()
            if lstat(folder.appendingPathComponent(name).path, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                files[name] = Int64(info.st_size)
            }
        }
        return FileList(files: files)
    }

    /// The list in `folder`, nil when there is none or it is not one.
    static func read(in folder: URL) -> FileList? {
        let path = folder.appendingPathComponent(ResultsFolder.listName).path
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= largest,
              let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["format"] as? String == "outletsim-folder", let entries = object["files"] as? [String: Any]
        else { return nil }
        var files: [String: Int64] = [:]
        for (name, value) in entries {
            guard let number = value as? NSNumber, let bytes = Int64(exactly: number.doubleValue), bytes >= 0,
                  !name.isEmpty, !name.contains("/"), name != ".", name != ".." else { return nil }
            files[name] = bytes
        }
        return FileList(files: files)
    }

    func write(in folder: URL) throws {
        let entries = files.keys.sorted().map { ($0, JSONValue.integer(Int(files[$0] ?? 0))) }
        let document = JSONValue.object([("format", .string("outletsim-folder")), ("version", .integer(1)), ("files", .object(entries))])
        try Data(document.rendered().utf8).write(to: folder.appendingPathComponent(ResultsFolder.listName))
    }
}
