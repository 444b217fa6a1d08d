/// RFC 4180 rows with the line and column of every field, for located
/// messages: quoted fields may hold delimiters, quotes (`""`) and line
/// breaks; CRLF and LF both end a row; a UTF-8 byte-order mark is skipped.
struct CSVRows {
    struct Field {
        var text: Substring
        /// 1-based line and column (in Unicode scalars) where the field starts.
        var line: Int
        var column: Int
    }

    enum Failure: Error {
        /// A quote opened at (line, column) never closed.
        case unclosedQuote(line: Int, column: Int)
        /// Text after a closing quote, at (line, column).
        case textAfterQuote(line: Int, column: Int)
        /// A field longer than ``longestField`` characters, starting at (line, column).
        case fieldTooLong(line: Int, column: Int)
        /// A row of more than ``mostFields`` fields, at `line`.
        case tooManyFields(line: Int)
    }

    /// The longest field read, characters: a log's times, names and codes
    /// are short, and a runaway field (a quote never meant) must not be
    /// held whole.
    static let longestField = 4096
    /// The most fields in a row.
    static let mostFields = 1000

    let text: String
    let delimiter: UInt8
    private let bytes: String.UTF8View
    private var index: String.Index
    /// 1-based line, and column in Unicode scalars.
    private var line = 1, column = 1

    /// `delimiter` must be ASCII (`,` `;` tab or `|`); the text is read as
    /// UTF-8 bytes, which no multi-byte character can be mistaken for.
    init(_ text: String, delimiter: Character) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
        bytes = text.utf8
        index = text.hasPrefix("\u{FEFF}") ? text.utf8.index(text.startIndex, offsetBy: 3) : text.startIndex
    }

    /// Every row of `text` at once (for small texts and tests).
    static func rows(_ text: String, delimiter: Character) throws(Failure) -> [[Field]] {
        var reader = CSVRows(text, delimiter: delimiter)
        var rows: [[Field]] = []
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// The next row of fields, nil at the end; blank lines are skipped.
    /// Rows are read one at a time, so a large log is never held as fields.
    ///
    /// - Complexity: O(bytes of the row).
    mutating func next() throws(Failure) -> [Field]? {
        while true {
            guard let row = try nextLine() else { return nil }
            if !(row.count == 1 && row[0].text.isEmpty) { return row }
        }
    }

    private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    /// Whether `byte` starts a Unicode scalar (is not a UTF-8 continuation byte).
    @inline(__always) private static func startsScalar(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

    private mutating func nextLine() throws(Failure) -> [Field]? {
        let end = bytes.endIndex
        guard index < end else { return nil }
        var row: [Field] = []
        while index < end {
            let startLine = line, startColumn = column
            if bytes[index] == Self.quote {
                // Quoted: runs of text between doubled quotes, until a lone quote.
                var value = ""
                var cursor = bytes.index(after: index), run = cursor
                column += 1
                var closed = false
                var length = 0
                while cursor < end {
                    let byte = bytes[cursor]
                    if byte == Self.quote {
                        value += text[run..<cursor]
                        let next = bytes.index(after: cursor)
                        if next < end, bytes[next] == Self.quote {
                            value += "\""
                            cursor = bytes.index(after: next)
                            run = cursor
                            column += 2
                            continue
                        }
                        cursor = next
                        column += 1
                        closed = true
                        break
                    }
                    if Self.startsScalar(byte) {
                        length += 1
                        guard length <= Self.longestField else { throw .fieldTooLong(line: startLine, column: startColumn) }
                    }
                    if byte == Self.newline {
                        line += 1
                        column = 1
                    } else if byte == Self.carriageReturn {
                        // A CR alone ends a line; in CRLF the LF does.
                        let next = bytes.index(after: cursor)
                        if next == end || bytes[next] != Self.newline {
                            line += 1
                            column = 1
                        }
                    } else if Self.startsScalar(byte) {
                        column += 1
                    }
                    cursor = bytes.index(after: cursor)
                }
                guard closed else { throw .unclosedQuote(line: startLine, column: startColumn) }
                row.append(Field(text: Substring(value), line: startLine, column: startColumn))
                index = cursor
                if index < end, bytes[index] != delimiter, bytes[index] != Self.newline, bytes[index] != Self.carriageReturn {
                    throw .textAfterQuote(line: line, column: column)
                }
            } else {
                var cursor = index
                while cursor < end {
                    let byte = bytes[cursor]
                    if byte == delimiter || byte == Self.newline || byte == Self.carriageReturn { break }
                    if Self.startsScalar(byte) {
                        column += 1
                        guard column - startColumn <= Self.longestField else { throw .fieldTooLong(line: startLine, column: startColumn) }
                    }
                    cursor = bytes.index(after: cursor)
                }
                row.append(Field(text: text[index..<cursor], line: startLine, column: startColumn))
                index = cursor
            }
            guard row.count <= Self.mostFields else { throw .tooManyFields(line: startLine) }
            guard index < end else { break }
            if bytes[index] == delimiter {
                index = bytes.index(after: index)
                column += 1
                if index == end { row.append(Field(text: "", line: line, column: column)) }
            } else {
                // A line break: CRLF, LF or a lone CR.
                if bytes[index] == Self.carriageReturn {
                    index = bytes.index(after: index)
                    if index < end, bytes[index] == Self.newline { index = bytes.index(after: index) }
                } else {
                    index = bytes.index(after: index)
                }
                line += 1
                column = 1
                return row
            }
        }
        return row
    }
}
