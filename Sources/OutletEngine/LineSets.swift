/// Sets of ticket lines as bit words, one set per row: the lines each window
/// group calls from, and the lines someone waits in. A freed window visits
/// the lines in both, in line order, instead of every line it may call from:
/// on the weekday branch the general windows call from 48 lines, most of
/// them empty at any moment, and walking them was a twentieth of the engine.
struct LineSets {
    /// Words a set takes: 64 lines a word.
    let words: Int
    /// Row `row`'s word `w` at `row * words + w`.
    private var bits: [UInt64]

    /// `rows` empty sets of lines below `lines`.
    ///
    /// - Complexity: O(rows × lines / 64).
    init(rows: Int, lines: Int) {
        words = max(1, (lines + 63) / 64)
        bits = Array(repeating: 0, count: rows * words)
    }

    /// One set per list, holding the list's lines (each below `lines`).
    ///
    /// - Complexity: O(rows × lines / 64 + lines listed).
    init(_ lists: [[Int]], lines: Int) {
        self.init(rows: lists.count, lines: lines)
        for (row, list) in lists.enumerated() {
            for line in list { insert(line, row: row) }
        }
    }

    /// Word `w` of row `row`'s set: bit *b* is line 64 × `w` + *b*.
    ///
    /// - Complexity: O(1).
    @inline(__always)
    func word(_ w: Int, row: Int = 0) -> UInt64 { bits[row &* words &+ w] }

    /// - Complexity: O(1).
    @inline(__always)
    mutating func insert(_ line: Int, row: Int = 0) {
        bits[row &* words &+ line >> 6] |= 1 << UInt64(line & 63)
    }

    /// - Complexity: O(1).
    @inline(__always)
    mutating func remove(_ line: Int, row: Int = 0) {
        bits[row &* words &+ line >> 6] &= ~(1 << UInt64(line & 63))
    }

    /// Empties every set.
    ///
    /// - Complexity: O(rows × lines / 64).
    mutating func removeAll() {
        for index in bits.indices { bits[index] = 0 }
    }
}
