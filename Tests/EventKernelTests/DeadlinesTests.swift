import EventKernel
import Testing

/// The calendar's deadline lane: events that may be withdrawn, one per
/// entity, taken in turn with the main heap as if both were one heap.
@Suite("Event calendar deadlines")
struct DeadlinesTests {
    @Test("a withdrawn deadline never comes out; one replaced comes out once, at its new time")
    func withdrawAndReplace() {
        var calendar = EventCalendar<TestEvent>()
        calendar.schedule(.arrival, for: 0, at: 2)
        calendar.scheduleDeadline(.tick, for: 7, after: 1)
        calendar.scheduleDeadline(.tick, for: 8, after: 3)
        calendar.scheduleDeadline(.tick, for: 9, after: 4)
        calendar.withdrawDeadline(of: 8)
        calendar.withdrawDeadline(of: 8)  // twice: nothing left to withdraw
        calendar.withdrawDeadline(of: 1_000)  // an entity never seen
        calendar.scheduleDeadline(.tick, for: 7, after: 5)  // replaces entity 7's deadline at 1
        let pending = calendar.count
        #expect(pending == 3)
        var taken: [(entity: Int32, time: Double)] = []
        while let event = calendar.next() { taken.append((event.entity, event.time)) }
        #expect(taken.map(\.entity) == [0, 9, 7])
        #expect(taken.map(\.time) == [2, 4, 5])
        let empty = calendar.isEmpty
        #expect(empty)
    }

    @Test("against one heap holding both lanes: 18,000 events with ties, 6,000 withdrawals and replacements")
    func matchesOneHeap() {
        var generator = PatternGenerator(state: 11)
        var calendar = EventCalendar<TestEvent>(capacity: 4)
        // The reference: every live event, taken by (time, sequence).
        var live: [UInt64: (time: Double, entity: Int32)] = [:]
        var deadlineOf: [Int32: UInt64] = [:]
        var taken: [UInt64] = [], expected: [UInt64] = []
        for round in 0..<400 {
            for _ in 0..<60 {
                let time = calendar.now + generator.coarseTime(upTo: 40)
                switch generator.next() % 4 {
                case 0:
                    let entity = Int32(generator.next() % 300)
                    if let old = deadlineOf[entity] { live[old] = nil }
                    let sequence = calendar.scheduleDeadline(.tick, for: entity, after: time - calendar.now)
                    live[sequence] = (time, entity)
                    deadlineOf[entity] = sequence
                case 1:
                    let entity = Int32(generator.next() % 300)
                    calendar.withdrawDeadline(of: entity)
                    if let old = deadlineOf.removeValue(forKey: entity) { live[old] = nil }
                default:
                    live[calendar.schedule(.arrival, for: -1, at: time)] = (time, -1)
                }
            }
            for _ in 0..<(round % 3 == 0 ? 90 : 40) {
                guard let first = live.min(by: { ($0.value.time, $0.key) < ($1.value.time, $1.key) }) else { break }
                expected.append(first.key)
                live[first.key] = nil
                if first.value.entity >= 0 { deadlineOf[first.value.entity] = nil }
                guard let event = calendar.next() else { break }
                taken.append(event.sequence)
            }
            let ordered = calendar.satisfiesHeapInvariant, pending = calendar.count
            #expect(ordered)
            #expect(pending == live.count)
        }
        #expect(taken == expected)
        #expect(taken.count > 10_000)
    }

    @Test("run until a time sees the earliest deadline, and a reset forgets every deadline")
    func untilTimeAndReset() {
        var calendar = EventCalendar<TestEvent>(startTime: 540)
        calendar.schedule(.arrival, for: 0, after: 30)
        calendar.scheduleDeadline(.tick, for: 3, after: 10)
        let nextTime = calendar.nextTime
        #expect(nextTime == 550)
        let none = calendar.next(notAfter: 545), clock = calendar.now
        #expect(none == nil && clock == 545)
        let deadline = calendar.next(notAfter: 560)?.entity
        #expect(deadline == 3)
        calendar.scheduleDeadline(.tick, for: 4, after: 1)
        calendar.removeAll(resettingClockTo: 0)
        let (empty, ordered) = (calendar.isEmpty, calendar.satisfiesHeapInvariant)
        #expect(empty && ordered)
        calendar.scheduleDeadline(.tick, for: 4, after: 2)
        let time = calendar.next()?.time
        #expect(time == 2)
    }
}
