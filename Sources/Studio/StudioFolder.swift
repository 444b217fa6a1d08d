import Foundation

/// The folder a studio opened. Every file the studio reads or writes is
/// inside it: a path from a request is relative, has no `..` or hidden
/// component, and still lies inside the folder once symbolic links are
/// resolved.
public struct StudioFolder: Sendable {
    /// The folder, absolute, with symbolic links resolved.
    public let root: URL
    /// The scenario opened with the studio, relative to ``root``, if one was named.
    public let opened: String?

    /// The longest relative path a request may name, in bytes.
    public static let longestPath = 512
    /// The most scenario files listed, and the depth searched below the root.
    public static let mostListed = 500
    public static let deepest = 4

    /// Opens `path`: a folder, or a scenario file whose folder is opened.
    public init(path: String) throws(StudioRefusal) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw StudioRefusal(.notFound, path, found: "nothing at this path", allowed: "a scenario file or a folder of them")
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        if isFolder.boolValue {
            root = url
            opened = nil
        } else {
            guard Self.isScenarioName(url.lastPathComponent) else {
                throw StudioRefusal(.badRequest, path, found: "a file that is not .yaml or .yml", allowed: "a scenario file (.yaml, .yml) or a folder of them")
            }
            root = url.deletingLastPathComponent()
            opened = url.lastPathComponent
        }
    }

    /// A scenario file's name: YAML, not hidden, and not a network of outlets (`*.network.yaml`).
    static func isScenarioName(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
            && !name.hasSuffix(".network.yaml") && !name.hasSuffix(".network.yml")
    }

    /// The scenario files under the root, relative and sorted; hidden
    /// folders, linked folders and `results/` are skipped, and so are
    /// linked files that lead out of the root.
    /// - Complexity: O(entries within ``deepest`` levels), at most ``mostListed`` listed.
    public func scenarioFiles() -> [String] {
        var found: [String] = []
        func walk(_ folder: URL, _ prefix: String, depth: Int) {
            guard depth <= Self.deepest, found.count < Self.mostListed,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
                // A linked folder is not walked: it may lead out, or round in a circle.
                let isLink = (try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeSymbolicLink
                if isFolder.boolValue, isLink { continue }
                if isFolder.boolValue {
                    if name != "results" { walk(url, prefix + name + "/", depth: depth + 1) }
                } else if Self.isScenarioName(name), found.count < Self.mostListed, (try? inside(url)) != nil {
                    found.append(prefix + name)
                }
            }
        }
        walk(root, "", depth: 0)
        return found
    }

    /// The absolute path of `relative`, an existing regular file inside the root.
    /// - Throws: ``StudioRefusal`` naming `subject` for a path that leaves the root, or is missing.
    public func existingFile(_ relative: String, subject: String = "path") throws(StudioRefusal) -> String {
        let url = try place(relative, subject: subject)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw StudioRefusal(.notFound, subject, found: "no file '\(relative)' in \(root.path)", allowed: "a scenario file in the opened folder")
        }
        return try inside(url, subject: subject).path
    }

    /// The absolute path where a new file `relative` would be written: its
    /// folder must exist inside the root, and it must not be a symbolic link.
    public func newFile(_ relative: String, subject: String = "path") throws(StudioRefusal) -> String {
        let url = try place(relative, subject: subject)
        var isFolder: ObjCBool = false
        let folder = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw StudioRefusal(.notFound, subject, found: "no folder for '\(relative)'", allowed: "a file in an existing folder of \(root.path)")
        }
        let resolvedFolder = try inside(folder, subject: subject)
        let path = resolvedFolder.appendingPathComponent(url.lastPathComponent).path
        // A link at the place would carry the write elsewhere.
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            throw StudioRefusal(.forbidden, subject, found: "'\(relative)', a symbolic link", allowed: "a new file, or a regular file the studio wrote")
        }
        return path
    }

    /// `relative` checked as text and joined to the root (not yet resolved).
    func place(_ relative: String, subject: String) throws(StudioRefusal) -> URL {
        let allowed = "a path relative to the opened folder, without '..', hidden parts or control characters, at most \(Self.longestPath) bytes"
        guard !relative.isEmpty, relative.utf8.count <= Self.longestPath else {
            throw StudioRefusal(.badRequest, subject, found: relative.isEmpty ? "an empty path" : "a path of \(relative.utf8.count) bytes", allowed: allowed)
        }
        guard !relative.hasPrefix("/"), !relative.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) else {
            throw StudioRefusal(.forbidden, subject, found: "'\(Self.shown(relative))'", allowed: allowed)
        }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0.isEmpty || $0.hasPrefix(".") }) else {
            throw StudioRefusal(.forbidden, subject, found: "'\(Self.shown(relative))'", allowed: allowed)
        }
        return parts.reduce(root) { $0.appendingPathComponent(String($1)) }
    }

    /// `url` with symbolic links resolved, if it is still inside the root.
    @discardableResult
    func inside(_ url: URL, subject: String = "path") throws(StudioRefusal) -> URL {
        let resolved = url.standardizedFileURL.resolvingSymlinksInPath()
        guard resolved.path == root.path || resolved.path.hasPrefix(root.path.hasSuffix("/") ? root.path : root.path + "/") else {
            throw StudioRefusal(.forbidden, subject, found: "a path that leads outside the opened folder (to \(resolved.path))",
                                allowed: "files inside \(root.path)")
        }
        return resolved
    }

    /// `text` with every path inside the folder made relative to it, as the page names files.
    public func relativeText(_ text: String) -> String {
        text.replacingOccurrences(of: root.path.hasSuffix("/") ? root.path : root.path + "/", with: "")
    }

    /// A path shortened for a message.
    public static func shown(_ text: String) -> String {
        let clean = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        return clean.count > 80 ? String(clean.prefix(80)) + "…" : clean
    }
}
