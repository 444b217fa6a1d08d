import Foundation
import Measurement
import OutputKit

/// A shard written as safely as a results folder: into `.NAME.partial-PID`
/// beside the target, renamed into place when its last day is written, so
/// that a killed run leaves only a partial file, which the next shard
/// written in that folder removes. An existing file at the target is
/// replaced only if it is a shard, and at a path the user named only with
/// `--force`.
public struct ShardFile {
    public let target: URL
    let temporary: URL
    let handle: FileHandle
    /// Folders above the target that this run created, removed again if it fails.
    let createdParents: [URL]
    var encoder: ShardEncoder

    public init(target path: String, header: DayShard.Header, replacement: ResultsFolder.Replacement) throws(ResultsFolder.Failure) {
        try Self.check(path, replacement: replacement)
        target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        temporary = TemporaryName.beside(target, .partial)
        encoder = ShardEncoder(header: header)
        createdParents = try ResultsFolder.makeFolder(parent, shownAs: path)
        // Partial shards of killed runs: a shard's first bytes, or nothing yet written.
        TemporaryName.removeStaleFiles(besides: target) { head in head.starts(with: DayShard.magic) }
        let descriptor = TemporaryName.createExclusively(temporary) { head in head.starts(with: DayShard.magic) }
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            ResultsFolder.removeEmpty(createdParents)
            throw .cannotWrite(path, "cannot create \(temporary.path): \(reason)")
        }
        // From here the temporary file is this process's own.
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: encoder.headerBytes)
        } catch {
            try? handle.close()
            unlink(temporary.path)
            ResultsFolder.removeEmpty(createdParents)
            throw .cannotWrite(path, error.localizedDescription)
        }
    }

    /// Refuses a target that is not a new path or a shard that may be replaced.
    public static func check(_ path: String, replacement: ResultsFolder.Replacement) throws(ResultsFolder.Failure) {
        let shown: String = switch replacement {
        case .ownDefault: "the shard \(path)"
        case .named: "--out \(path.isEmpty ? "''" : path)"
        }
        let allowed = "a path to a new file or to an OutletSim shard"
        guard !path.isEmpty else { throw .refused(shown, found: "an empty path", allowed: allowed) }
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFREG, isShard(path) else {
            throw .refused(shown, found: "an existing \(info.st_mode & S_IFMT == S_IFDIR ? "folder" : "file") that is not an OutletSim shard, which OutletSim will not replace",
                           allowed: allowed)
        }
        if case .named(force: false) = replacement {
            throw .refused(shown, found: "an existing OutletSim shard", allowed: "a new file; add --force to replace a shard")
        }
    }

    /// Whether the file at `path` starts as a shard does.
    public static func isShard(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: DayShard.magic.count)) == DayShard.magic
    }

    /// Appends the next day (days come in order).
    public mutating func append(day: Int, _ metrics: DayMetrics) throws(ResultsFolder.Failure) {
        try write(encoder.encode(day: day, metrics))
    }

    func write(_ data: Data) throws(ResultsFolder.Failure) {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw .cannotWrite(target.path, error.localizedDescription)
        }
    }

    /// Writes the closing record and renames the shard into place.
    public func commit() throws(ResultsFolder.Failure) {
        try write(encoder.trailer())
        do {
            try handle.close()
            // rename(2) replaces a shard at the target in one step.
            guard rename(temporary.path, target.path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            throw .cannotWrite(target.path, error.localizedDescription)
        }
    }

    /// Removes the partial shard (this process created it exclusively).
    public func discard() {
        try? handle.close()
        unlink(temporary.path)
        ResultsFolder.removeEmpty(createdParents)
    }
}
