import Foundation

/// A single report file a command writes where the user asks (`check
/// --junit`, `--markdown`, `--json`): written atomically, and never over a
/// file that OutletSim did not write.
public enum OutputFile {
    public enum Failure: Error, CustomStringConvertible {
        /// The path cannot be used (bad input: exit status 2).
        case refused(option: String, path: String, found: String)
        /// Writing failed (exit status 3).
        case cannotWrite(option: String, path: String, reason: String)

        public var description: String {
            switch self {
            case let .refused(option, path, found):
                "\(option) \(path.isEmpty ? "''" : path): found \(found); allowed: a new file, or a file that OutletSim wrote before"
            case let .cannotWrite(option, path, reason): "\(option) \(path): cannot write the file: \(reason)"
            }
        }

        public var exitStatus: Int32 {
            switch self {
            case .refused: 2
            case .cannotWrite: 3
            }
        }
    }

    /// Writes `text` to `path`, replacing an existing file only when its
    /// first bytes hold `marker` (the text OutletSim starts such files with).
    ///
    /// - Parameter option: the option that named the path, for messages.
    public static func write(_ text: String, to path: String, option: String, marker: String) throws(Failure) {
        try check(path, option: option, marker: marker)
        let url = URL(fileURLWithPath: path)
        let temporary = TemporaryName.beside(url, .partial)
        // Partial reports of killed runs: this marker's, or cut before it (a full disk).
        TemporaryName.removeStaleFiles(besides: url) { head in String(decoding: head, as: UTF8.self).contains(marker) }
        let ours = { (head: Data) in String(decoding: head, as: UTF8.self).contains(marker) }
        let descriptor = TemporaryName.createExclusively(temporary, replacingOurs: ours)
        guard descriptor >= 0 else {
            throw .cannotWrite(option: option, path: path, reason: "cannot create \(temporary.path): \(String(cString: strerror(errno)))")
        }
        // From here the temporary file is this process's own, to write, rename or remove.
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        } catch {
            try? handle.close()
            unlink(temporary.path)
            throw .cannotWrite(option: option, path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw .cannotWrite(option: option, path: path, reason: reason)
        }
    }

    /// Refuses `path` as ``write(_:to:option:marker:)`` would, before any
    /// long work: an empty path, a folder, or a file OutletSim did not write.
    public static func check(_ path: String, option: String, marker: String) throws(Failure) {
        guard !path.isEmpty else { throw .refused(option: option, path: path, found: "an empty path") }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
                throw .cannotWrite(option: option, path: path, reason: "the folder \(parent) does not exist")
            }
            return
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .refused(option: option, path: path, found: info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "something that is not a regular file")
        }
        let head = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 4_096) } ?? Data()
        guard String(decoding: head, as: UTF8.self).contains(marker) else {
            throw .refused(option: option, path: path, found: "an existing file that OutletSim did not write, which it will not replace")
        }
    }
}
