import Foundation
import Yams

/// A scenario document after `extends:` is resolved: the base files'
/// mappings merged with the overrides (mappings merge key by key; any other
/// value replaces), and for every key path the file that supplied it, so
/// that a problem names the right file and the file it extends or is
/// extended by.
struct ResolvedDocument {
    let node: Node
    /// Key path → file that supplied it; "" is the root.
    let origins: [String: String]
    /// The files involved, the one named first, then its base, and so on.
    let chain: [String]

    /// The file that supplied `path` (the longest recorded prefix).
    func file(for path: String) -> String {
        var candidate = path
        while true {
            if let file = origins[candidate] { return file }
            guard let cut = candidate.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            candidate = String(candidate[..<cut])
        }
        return origins[""] ?? chain.first ?? ""
    }

    /// The most files in one chain of `extends` (the scenario named and its bases).
    static let mostFiles = 64
    /// The most bytes of all the files of one chain together.
    static let largestChain = 16 << 20

    /// Resolves `path`: reads it and, recursively, the files it extends.
    /// A chain is bounded in files and in bytes, and a base that is not a
    /// regular file is refused at the line of the `extends` that names it.
    ///
    /// - Parameters:
    ///   - seen: the canonical paths of the files that extend this one, first named first.
    ///   - bytesBefore: the bytes of those files together.
    static func load(_ path: String, seen: [String] = [], bytesBefore: Int = 0) throws(ScenarioProblems) -> ResolvedDocument {
        let data: Data?
        let text: String
        do {
            data = try TextEncoding.contents(of: path, largest: TextEncoding.largestScenario)
            text = try data.map(TextEncoding.decode) ?? ""
        } catch {
            throw ScenarioProblems([ScenarioProblem(file: path, line: error.line, column: error.column, keyPath: "",
                                                    found: error.found, allowed: error.allowed)])
        }
        guard let data else {
            let reason = FileManager.default.fileExists(atPath: path) ? "a file that cannot be read" : "no such file"
            throw ScenarioProblems([ScenarioProblem(file: path, line: 0, column: 0, keyPath: "", found: reason,
                                                    allowed: "a readable YAML scenario file")])
        }
        return try resolve(text, path: path, bytes: data.count, seen: seen, bytesBefore: bytesBefore)
    }

    /// Resolves scenario `text` as if it were the file at `path` (of
    /// `bytes` bytes): its bases are read from disk relative to `path`.
    static func resolve(_ text: String, path: String, bytes count: Int, seen: [String] = [],
                        bytesBefore: Int = 0) throws(ScenarioProblems) -> ResolvedDocument {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw ScenarioProblems([ScenarioProblem(file: path, line: 1, column: 1, keyPath: "", found: "an empty file",
                                                        allowed: "a scenario mapping with " + Grammar.root.filter(\.required).map(\.name).joined(separator: ", "))])
            }
            node = composed
        } catch let problems as ScenarioProblems {
            throw problems
        } catch {
            throw ScenarioProblems([ScenarioReader(file: path, directory: "").syntaxProblem(error)])
        }
        guard case .mapping(let mapping) = node, let extendsKey = mapping.keys.first(where: { $0.scalar?.string == "extends" }),
              let extendsNode = mapping[extendsKey] else {
            return ResolvedDocument(node: node, origins: ["": path], chain: [path])
        }
        guard let baseName = extendsNode.scalar?.string, !baseName.isEmpty else {
            throw ScenarioProblems([problem(path, extendsNode, found: NodeReader.describe(extendsNode),
                                            allowed: "the path of the scenario file this one extends, relative to it")])
        }
        let basePath = baseName.hasPrefix("/") ? baseName : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(baseName)
        let baseCanonical = URL(fileURLWithPath: basePath).standardizedFileURL.resolvingSymlinksInPath().path
        if (seen + [canonical]).contains(baseCanonical) {
            throw ScenarioProblems([problem(path, extendsNode, found: "a cycle: " + (seen + [canonical, baseCanonical]).map { ($0 as NSString).lastPathComponent }.joined(separator: " extends "),
                                            allowed: "a chain of bases that ends in a scenario without extends")])
        }
        var info = stat()
        guard stat(basePath, &info) == 0 else {
            throw ScenarioProblems([problem(path, extendsNode, found: "the missing base '\(baseName)' (looked for \(basePath))",
                                            allowed: "an existing scenario file, relative to \(path)")])
        }
        // A device or a FIFO could be read for ever; a folder is no scenario.
        guard info.st_mode & S_IFMT == S_IFREG else {
            let kind = switch info.st_mode & S_IFMT {
            case S_IFDIR: "a folder"
            case S_IFIFO: "a FIFO (named pipe)"
            case S_IFCHR, S_IFBLK: "a device"
            default: "something that is not a regular file"
            }
            throw ScenarioProblems([problem(path, extendsNode, found: "the base '\(baseName)', which is \(kind)",
                                            allowed: "a regular scenario file, relative to \(path)")])
        }
        guard seen.count + 2 <= mostFiles else {
            throw ScenarioProblems([problem(path, extendsNode, found: "a chain of more than \(mostFiles) files (\(seen.count + 1) files before this base)",
                                            allowed: "at most \(mostFiles) files in one chain of extends")])
        }
        let bytes = bytesBefore + count
        guard info.st_size <= largestChain - bytes else {
            throw ScenarioProblems([problem(path, extendsNode, found: "a chain of more than \(largestChain >> 20) MB (\(bytes) bytes before the base of \(info.st_size) bytes)",
                                            allowed: "at most \(largestChain >> 20) MB in all the files of one chain of extends")])
        }
        let base = try load(basePath, seen: seen + [canonical], bytesBefore: bytes)
        // Keys the override does not touch keep the base's origin.
        var origins = base.origins
        let merged = merge(base.node, node, path: "", file: path, origins: &origins)
        return ResolvedDocument(node: merged, origins: origins, chain: [path] + base.chain)
    }

    static func problem(_ file: String, _ node: Node, found: String, allowed: String) -> ScenarioProblem {
        ScenarioProblem(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0, keyPath: "extends", found: found, allowed: allowed)
    }

    /// Keys whose value replaces the base's whole: schedules and mixes are
    /// one plan each, not a set of entries to patch.
    static let replacedWhole: Set<String> = ["open", "per_hour", "arrivals_per_hour", "greeters", "guides", "per_interval", "mix"]

    /// Whether a variant's value is null (`key: null`, `~` or nothing), which removes the base's key.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// `override` laid over `base`: mappings merge key by key (so one
    /// segment or window group can be changed by name), anything else, and
    /// schedules and mixes, replace; a null removes the base's key (a
    /// variant on a floor plan drops the base's `walking`).
    static func merge(_ base: Node, _ override: Node, path: String, file: String, origins: inout [String: String]) -> Node {
        let key = String(path.split(separator: ".").last ?? "")
        guard !replacedWhole.contains(key), case .mapping(let baseMapping) = base, case .mapping(let overrideMapping) = override else {
            origins[path] = file
            return override
        }
        var pairs: [(Node, Node)] = []
        var overridden = Set<String>()
        for (key, _) in overrideMapping where key.scalar?.string != "extends" {
            overridden.insert(key.scalar?.string ?? "")
        }
        for (key, value) in baseMapping {
            let name = key.scalar?.string ?? ""
            if overridden.contains(name), let replacement = overrideMapping[key] {
                let childPath = path.isEmpty ? name : "\(path).\(name)"
                if isNull(replacement) {
                    origins[childPath] = file
                    continue
                }
                pairs.append((key, merge(value, replacement, path: childPath, file: file, origins: &origins)))
            } else {
                pairs.append((key, value))
            }
        }
        let baseNames = Set(baseMapping.keys.compactMap { $0.scalar?.string })
        // A key that is not a plain name (`{{ open: 1 }}` makes a mapping the key) is kept, null or not, so the reader reports it.
        for (key, value) in overrideMapping
        where key.scalar?.string != "extends" && (key.scalar == nil || (!baseNames.contains(key.scalar?.string ?? "") && !isNull(value))) {
            // Named as the reader will name it, so that its problem points at this file.
            let name = key.scalar?.string ?? NodeReader.describe(key)
            origins[path.isEmpty ? name : "\(path).\(name)"] = file
            pairs.append((key, value))
        }
        return .mapping(Node.Mapping(pairs, overrideMapping.tag, overrideMapping.style, overrideMapping.mark))
    }
}
