import Testing
import EventKernel

struct Record: Equatable { var number = 0; var minutes = 0.0 }

@Suite("Slot store")
struct SlotStoreTests {
    @Test("slots are handed out in order, the last freed is reused first, and records are written in place")
    func reuse() {
        var store = SlotStore<Record>(capacity: 4)
        let first = store.take(Record(number: 1))
        let second = store.take(Record(number: 2))
        let third = store.take(Record(number: 3))
        #expect([first, second, third] == [0, 1, 2])
        store.free(first)
        store.free(third)
        // A freed record stays readable until its slot is reused.
        #expect(store[third].number == 3)
        #expect(store.take(Record(number: 4)) == third)
        #expect(store.take(Record(number: 5)) == first)
        store[second].minutes += 2.5
        #expect(store[second] == Record(number: 2, minutes: 2.5))
        #expect(store.slotCount == 3)
    }

    @Test("against an array with a free list, over 50,000 takes and frees that grow the store from 4 slots")
    func matchesArray() {
        var generator = PatternGenerator(state: 11)
        var store = SlotStore<Record>(capacity: 4)
        var array: [Record] = [], freeList: [Int32] = [], present: [Int32] = []
        for step in 0..<50_000 {
            if present.isEmpty || generator.next() % 100 < 52 {
                let record = Record(number: step, minutes: Double(step) / 7)
                let slot = store.take(record)
                let expected: Int32
                if let reused = freeList.popLast() {
                    expected = reused
                    array[Int(reused)] = record
                } else {
                    expected = Int32(array.count)
                    array.append(record)
                }
                #expect(slot == expected)
                present.append(slot)
            } else {
                let slot = present.remove(at: Int(generator.next() % UInt64(present.count)))
                store.free(slot)
                freeList.append(slot)
            }
        }
        #expect(present.allSatisfy { store[$0] == array[Int($0)] })
        #expect(store.slotCount == array.count)
        store.removeAll()
        #expect(store.take(Record()) == 0)
    }
}
