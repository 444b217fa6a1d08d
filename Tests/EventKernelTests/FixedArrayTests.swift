import Testing
import EventKernel

/// Counts how many of its instances are alive, to see that a fixed array
/// releases what it holds.
final class Tracked {
    nonisolated(unsafe) static var alive = 0
    init() { Tracked.alive += 1 }
    deinit { Tracked.alive -= 1 }
}

@Suite("Fixed array", .serialized)
struct FixedArrayTests {
    @Test("values are written in place, reset together and read out in order")
    func inPlace() {
        var counts = FixedArray(repeating: 0, count: 5)
        #expect(counts.count == 5 && counts.indices == 0..<5)
        counts[1] += 3
        counts[4] = 7
        counts[1] -= 1
        #expect(counts.values == [0, 2, 0, 0, 7])
        #expect(counts.map { Double($0) / 2 } == [0, 1, 0, 0, 3.5])
        counts.setAll(to: 1)
        #expect(counts.values == [1, 1, 1, 1, 1])
        // Elements that are themselves structs with arrays change in place too.
        var rows = FixedArray(repeating: [0.0, 0.0], count: 3)
        rows[2][1] = 4.5
        rows[0].append(1)
        #expect(rows.values == [[0, 0, 1], [0, 0], [0, 4.5]])
        let empty = FixedArray(repeating: 0, count: 0)
        #expect(empty.values.isEmpty)
        var copied = FixedArray([3, 1, 4])
        copied[2] = 5
        #expect(copied.values == [3, 1, 5] && copied.count == 3)
    }

    @Test("what it holds is released when it goes")
    func releases() {
        let before = Tracked.alive
        do {
            let held = FixedArray(repeating: [Tracked(), Tracked()], count: 4)
            #expect(held.count == 4)
            #expect(Tracked.alive == before + 2)
        }
        #expect(Tracked.alive == before)
    }
}
