import Foundation

/// Checks the bytes of a scenario or trace file before any parser sees
/// them, so that an encoding problem is reported at its line and column in
/// OutletSim's words.
enum TextEncoding {
    /// The largest scenario file read, bytes: far beyond any real outlet, small
    /// enough that a hostile file cannot exhaust memory while it is parsed.
    static let largestScenario = 5 << 20
    /// The largest arrival trace read, bytes (about 3 million arrivals).
    static let largestTrace = 100 << 20

    struct Problem: Error {
        let line: Int
        let column: Int
        let found: String
        let allowed: String
    }

    /// The text of `data`, or the first problem: a byte that is not UTF-8, or a
    /// control character other than tab, line feed and carriage return.
    /// Lines and columns are 1-based; columns count characters.
    ///
    /// - Complexity: O(bytes).
    static func decode(_ data: Data) throws(Problem) -> String {
        // Most files are clean: one scan for control bytes (all ASCII, so
        // never inside a multi-byte character) and one validating copy.
        // Only a file with a problem is walked scalar by scalar, to place it.
        let clean = data.withUnsafeBytes { raw in
            !raw.contains { byte in (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F }
        }
        if clean, let text = String(validating: data, as: UTF8.self) { return text }
        var line = 1, column = 1, offset = 0
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var text = String.UnicodeScalarView()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                let isControl = (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
                if isControl {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    throw Problem(line: line, column: column,
                                  found: "the control character U+\(String(repeating: "0", count: 4 - code.count))\(code)",
                                  allowed: "text without control characters (only tabs and line breaks)")
                }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else if scalar != "\r" {
                    column += 1
                }
                text.append(scalar)
            case .emptyInput:
                return String(text)
            case .error:
                // `offset` is where the sequence that failed to decode starts.
                let byte = data[data.startIndex + offset]
                throw Problem(line: line, column: column,
                              found: "the byte 0x\(String(byte, radix: 16, uppercase: true)), which is not UTF-8",
                              allowed: "a UTF-8 text file (save it as UTF-8)")
            }
        }
    }

    /// Reads `path` if it is at most `largest` bytes.
    /// - Returns: nil when the file cannot be read; throws when too large.
    static func contents(of path: String, largest: Int) throws(Problem) -> Data? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        // A device or pipe (/dev/zero, a FIFO) could be read for ever.
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw Problem(line: 0, column: 0, found: info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "something that is not a regular file",
                          allowed: "a regular file")
        }
        let size = Int(info.st_size)
        guard size <= largest else {
            throw Problem(line: 1, column: 1, found: "a file of \(size) bytes",
                          allowed: "a file of at most \(largest >> 20) MB")
        }
        return FileManager.default.contents(atPath: path)
    }
}
