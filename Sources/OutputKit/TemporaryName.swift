import Foundation

/// The names OutletSim gives what it writes beside a target before renaming
/// it into place: `.NAME.partial-PID` while writing, `.NAME.old-PID` for a
/// replaced folder on its way out. The process id tells a dead run's
/// leftovers (removed by the next run) from a live run's (kept).
public enum TemporaryName {
    public enum Kind: String, Sendable {
        case partial, old
    }

    /// The longest file name the file systems OutletSim runs on accept, in bytes.
    public static let longestComponent = 255

    /// The temporary path beside `target`. A long last component is cut (at
    /// a character boundary) so that the temporary name still fits in 255
    /// bytes: any `--out` that the file system accepts can be written.
    public static func beside(_ target: URL, _ kind: Kind, pid: Int32 = getpid()) -> URL {
        let suffix = ".\(kind.rawValue)-\(pid)"
        var stem = target.lastPathComponent
        while 1 + stem.utf8.count + suffix.utf8.count > longestComponent { stem.removeLast() }
        return target.deletingLastPathComponent().appendingPathComponent("." + stem + suffix)
    }

    /// The kind and process id of a temporary name, nil for any other name.
    public static func parse(_ name: String) -> (kind: Kind, pid: Int32)? {
        guard name.hasPrefix("."), let dash = name.lastIndex(of: "-"), let pid = Int32(name[name.index(after: dash)...]), pid > 0
        else { return nil }
        let stem = name[..<dash]
        for kind in [Kind.partial, .old] where stem.hasSuffix(".\(kind.rawValue)") { return (kind, pid) }
        return nil
    }

    /// Creates the temporary file `url` exclusively (O_EXCL), so that it is
    /// certainly OutletSim's to write and to remove: a file already there is
    /// never overwritten. One left by an earlier process that had this
    /// process's id is removed first, but only when `isOurs` holds for its
    /// first bytes. Returns the open descriptor, or -1 with `errno` set.
    ///
    /// - Complexity: O(1) system calls.
    public static func createExclusively(_ url: URL, replacingOurs isOurs: (_ head: Data) -> Bool) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        var descriptor = open(url.path, flags, 0o644)
        if descriptor < 0, errno == EEXIST {
            var info = stat()
            let head = FileHandle(forReadingAtPath: url.path).flatMap { handle in
                defer { try? handle.close() }
                return try? handle.read(upToCount: 4_096)
            } ?? Data()
            guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, isOurs(head) else {
                errno = EEXIST
                return -1
            }
            unlink(url.path)
            descriptor = open(url.path, flags, 0o644)
        }
        return descriptor
    }

    /// Whether `pid` is another process that no longer runs.
    public static func isGone(_ pid: Int32) -> Bool {
        pid != getpid() && kill(pid, 0) == -1 && errno == ESRCH
    }

    /// Removes the regular partial files of dead processes beside `target`:
    /// those whose first bytes satisfy `isOurs` (any target's), and empty
    /// ones of this target (cut before their first byte, as on a full disk).
    ///
    /// - Complexity: O(entries in the folder), reading a few bytes of each candidate.
    public static func removeStaleFiles(besides target: URL, isOurs: (_ head: Data) -> Bool) {
        let parent = target.deletingLastPathComponent()
        let ownStem = beside(target, .partial, pid: 1).lastPathComponent.dropLast(1)  // ".NAME.partial-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            guard let (kind, pid) = parse(name), kind == .partial, isGone(pid) else { continue }
            let path = parent.appendingPathComponent(name).path
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let head = FileHandle(forReadingAtPath: path).flatMap { handle in
                defer { try? handle.close() }
                return try? handle.read(upToCount: 4_096)
            } ?? Data()
            if head.isEmpty ? name == ownStem + String(pid) : isOurs(head) { unlink(path) }
        }
    }
}
