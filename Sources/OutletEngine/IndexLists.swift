/// Several lists of indices in one contiguous array (compressed rows), so
/// that the event loop walks them without touching nested arrays' reference
/// counts: `for k in lists.range(i) { let item = lists.items[k] }`.
struct IndexLists {
    let items: [Int]
    private let starts: [Int]

    init(_ lists: [[Int]]) {
        var items: [Int] = [], starts = [0]
        for list in lists {
            items += list
            starts.append(items.count)
        }
        self.items = items
        self.starts = starts
    }

    /// Positions in `items` of list `index`.
    @inline(__always)
    func range(_ index: Int) -> Range<Int> { starts[index]..<starts[index + 1] }

    /// List `index` as an array (for set-up and tests, not the event loop).
    func list(_ index: Int) -> [Int] { Array(items[range(index)]) }
}
