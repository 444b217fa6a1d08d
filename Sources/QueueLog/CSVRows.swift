/// RFC 4180 rows with the line and column of every field, for located
/// messages: quoted fields may hold delimiters, quotes (`""`) and line
/// breaks; CRLF and LF both end a row; a UTF-8 byte-order mark is skipped.
struct CSVRows {
    struct Field {
        var text: Substring
        /// 1-based line and column (in characters) where the field starts.
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
    let delimiter: Character
    private var index: String.Index
    private var line = 1, column = 1

    init(_ text: String, delimiter: Character) {
        self.text = text
        self.delimiter = delimiter
        index = text.first == "\u{FEFF}" ? text.index(after: text.startIndex) : text.startIndex
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
    /// - Complexity: O(characters of the row).
    mutating func next() throws(Failure) -> [Field]? {
        while true {
            guard let row = try nextLine() else { return nil }
            if !(row.count == 1 && row[0].text.isEmpty) { return row }
        }
    }

    private mutating func nextLine() throws(Failure) -> [Field]? {
        guard index < text.endIndex else { return nil }
        var row: [Field] = []
        while index < text.endIndex {
            let startLine = line, startColumn = column
            if text[index] == "\"" {
                // Quoted: collect until a lone quote.
                var value = ""
                var cursor = text.index(after: index)
                column += 1
                var closed = false
                var length = 0
                while cursor < text.endIndex {
                    let character = text[cursor]
                    if character == "\"" {
                        let next = text.index(after: cursor)
                        if next < text.endIndex, text[next] == "\"" {
                            value.append("\"")
                            cursor = text.index(after: next)
                            column += 2
                            continue
                        }
                        cursor = next
                        column += 1
                        closed = true
                        break
                    }
                    value.append(character)
                    length += 1
                    guard length <= Self.longestField else { throw .fieldTooLong(line: startLine, column: startColumn) }
                    if character == "\n" || character == "\r\n" { line += 1; column = 1 } else { column += 1 }
                    cursor = text.index(after: cursor)
                }
                guard closed else { throw .unclosedQuote(line: startLine, column: startColumn) }
                row.append(Field(text: Substring(value), line: startLine, column: startColumn))
                index = cursor
                if index < text.endIndex, text[index] != delimiter, text[index] != "\n", text[index] != "\r\n", text[index] != "\r" {
                    throw .textAfterQuote(line: line, column: column)
                }
            } else {
                var cursor = index
                while cursor < text.endIndex, text[cursor] != delimiter, text[cursor] != "\n", text[cursor] != "\r\n", text[cursor] != "\r" {
                    cursor = text.index(after: cursor)
                    column += 1
                    guard column - startColumn <= Self.longestField else { throw .fieldTooLong(line: startLine, column: startColumn) }
                }
                row.append(Field(text: text[index..<cursor], line: startLine, column: startColumn))
                index = cursor
            }
            guard row.count <= Self.mostFields else { throw .tooManyFields(line: startLine) }
            guard index < text.endIndex else { break }
            if text[index] == delimiter {
                index = text.index(after: index)
                column += 1
                if index == text.endIndex { row.append(Field(text: "", line: line, column: column)) }
            } else {
                // "\r\n" is one Character in Swift.
                index = text.index(after: index)
                line += 1
                column = 1
                return row
            }
        }
        return row
    }
}
