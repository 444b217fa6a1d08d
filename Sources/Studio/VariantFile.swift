import Foundation
import OutputKit

/// A plan saved as a scenario variant by the studio. Its first line marks
/// it as OutletSim's, with the SHA-256 of the rest: the studio replaces a
/// file only while it still holds that line and the text it hashes, so it
/// never overwrites a file OutletSim did not write, or one changed since.
public enum VariantFile {
    static let markPrefix = "# Written by OutletSim's studio (sha256 "
    static let markSuffix = "); it replaces this file only while it is unchanged.\n"

    /// The file's text: the mark, then `body`.
    public static func text(_ body: String) -> String {
        markPrefix + SHA256.hex(Array(body.utf8)) + markSuffix + body
    }

    /// Whether `text` is a variant the studio wrote and nobody changed.
    public static func isUnchangedStudioFile(_ text: String) -> Bool {
        guard text.hasPrefix(markPrefix), let end = text.range(of: markSuffix) else { return false }
        let hash = text[text.index(text.startIndex, offsetBy: markPrefix.count)..<end.lowerBound]
        return hash == SHA256.hex(Array(text[end.upperBound...].utf8))
    }

    /// Writes `body` at `path` (inside the opened folder, checked by the
    /// caller): beside it first, then renamed into place, so a reader never
    /// sees half a file.
    /// - Throws: ``StudioRefusal`` (.forbidden) when `path` holds anything
    ///   but an unchanged variant of the studio's; a failed write as such.
    public static func write(_ body: String, to path: String) throws {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            let existing = isFolder.boolValue ? nil : (try? Data(contentsOf: URL(fileURLWithPath: path))).map { String(decoding: $0, as: UTF8.self) }
            guard let existing, isUnchangedStudioFile(existing) else {
                throw StudioRefusal(.forbidden, "file", found: "'\((path as NSString).lastPathComponent)', which OutletSim's studio did not write or which was changed since",
                                    allowed: "a new file name, or a variant the studio saved and nobody changed")
            }
        }
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).partial-\(getpid())")
        do {
            try Data(text(body).utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        } catch {
            try? manager.removeItem(atPath: temporary)
            throw error
        }
    }
}
