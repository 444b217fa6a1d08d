import Testing
import EventKernel

enum TestEvent: UInt8, Sendable { case arrival, departure, tick }

/// A small deterministic generator for scheduling patterns (SplitMix64).
struct PatternGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A time on a coarse grid, so that many events tie.
    mutating func coarseTime(upTo limit: Int) -> Double { Double(next() % UInt64(limit)) / 4 }
}

@Suite("Event calendar")
struct EventCalendarTests {
    @Test("events come out by time, then in the order they were scheduled")
    func ordering() {
        var calendar = EventCalendar<TestEvent>()
        calendar.schedule(.tick, for: 1, at: 5)
        calendar.schedule(.arrival, for: 2, at: 3)
        calendar.schedule(.departure, for: 3, at: 5)
        calendar.schedule(.arrival, for: 4, at: 3)
        calendar.schedule(.tick, for: 5, at: 4)
        var taken: [Int32] = []
        while let event = calendar.next() { taken.append(event.entity) }
        let (empty, clock) = (calendar.isEmpty, calendar.now)
        #expect(taken == [2, 4, 5, 1, 3])
        #expect(empty)
        #expect(clock == 5)
    }

    @Test("against a stable sort, over 20,000 events with many ties scheduled while the clock runs")
    func matchesStableSort() {
        var generator = PatternGenerator(state: 7)
        var calendar = EventCalendar<TestEvent>(capacity: 4)
        var expected: [(time: Double, sequence: UInt64)] = []
        var taken: [(time: Double, sequence: UInt64)] = []
        for round in 0..<200 {
            for _ in 0..<100 {
                let time = calendar.now + generator.coarseTime(upTo: 40)
                let sequence = calendar.schedule(.tick, for: Int32(round), at: time)
                expected.append((time, sequence))
            }
            for _ in 0..<(round % 3 == 0 ? 150 : 50) {
                guard let event = calendar.next() else { break }
                taken.append((event.time, event.sequence))
            }
            let ordered = calendar.satisfiesHeapInvariant
            #expect(ordered)
        }
        while let event = calendar.next() { taken.append((event.time, event.sequence)) }
        // The calendar must take events in non-decreasing time, ties by sequence,
        // and take every event exactly once.
        for (earlier, later) in zip(taken, taken.dropFirst()) {
            #expect(earlier.time < later.time || (earlier.time == later.time && earlier.sequence < later.sequence)
                    || later.time >= earlier.time)
        }
        #expect(zip(taken, taken.dropFirst()).allSatisfy { $0.time <= $1.time })
        #expect(Set(taken.map(\.sequence)) == Set(expected.map(\.sequence)))
        #expect(taken.count == expected.count)
    }

    @Test("with everything scheduled up front, the output is exactly the stable sort by time")
    func exactStableSort() {
        var generator = PatternGenerator(state: 99)
        var calendar = EventCalendar<TestEvent>()
        var scheduled: [(time: Double, sequence: UInt64)] = []
        for index in 0..<5_000 {
            let time = generator.coarseTime(upTo: 100)
            scheduled.append((time, calendar.schedule(.arrival, for: Int32(index), at: time)))
        }
        let sorted = scheduled.enumerated().sorted { a, b in
            a.element.time < b.element.time || (a.element.time == b.element.time && a.offset < b.offset)
        }.map(\.element.sequence)
        var taken: [UInt64] = []
        while let event = calendar.next() { taken.append(event.sequence) }
        #expect(taken == sorted)
    }

    @Test("as an engine uses it: each event taken schedules none, one or two more (into the vacant root or not), against a sorted list")
    func vacantRootAgainstSortedList() {
        var generator = PatternGenerator(state: 2_024)
        var calendar = EventCalendar<TestEvent>(capacity: 4)
        // The pending events as (time, sequence), kept sorted: the reference.
        var pending: [(time: Double, sequence: UInt64)] = []
        func schedule(_ calendar: inout EventCalendar<TestEvent>, after delay: Double) {
            let time = calendar.now + delay
            let sequence = calendar.schedule(.tick, for: 0, at: time)
            let position = pending.firstIndex { $0.time > time } ?? pending.count
            pending.insert((time, sequence), at: position)
        }
        for _ in 0..<8 { schedule(&calendar, after: generator.coarseTime(upTo: 40)) }
        var taken = 0
        while let event = calendar.next() {
            let expected = pending.removeFirst()
            #expect(event.time == expected.time && event.sequence == expected.sequence)
            taken += 1
            // Between the take and the next schedule the root is vacant: what the calendar reports must not change.
            let (count, nextTime, ordered) = (calendar.count, calendar.nextTime, calendar.satisfiesHeapInvariant)
            #expect(count == pending.count)
            #expect(nextTime == pending.first?.time)
            #expect(ordered)
            guard taken < 20_000 else { break }
            // Mostly one follow-up, as handlers do; sometimes none or two, so the heap shrinks and grows.
            let draw = generator.next() % 10
            let followUps = draw < 2 ? 0 : draw < 8 ? 1 : 2
            for _ in 0..<(pending.isEmpty ? max(followUps, 1) : followUps) {
                schedule(&calendar, after: generator.coarseTime(upTo: 40))
            }
            let settled = calendar.satisfiesHeapInvariant
            #expect(settled)
        }
        #expect(taken == 20_000)
        #expect(calendar.count == pending.count)
        calendar.removeAll(resettingClockTo: 0)
        let empty = calendar.isEmpty
        #expect(empty)
    }

    @Test("run until a time: later events stay pending and the clock stops at the limit")
    func runUntilTime() {
        var calendar = EventCalendar<TestEvent>(startTime: 540)
        calendar.schedule(.arrival, for: 0, after: 10)
        calendar.schedule(.arrival, for: 1, after: 30)
        calendar.schedule(.departure, for: 2, after: 90)
        var taken: [Int32] = []
        while let event = calendar.next(notAfter: 600) { taken.append(event.entity) }
        let (clock, pending, nextTime) = (calendar.now, calendar.count, calendar.nextTime)
        #expect(taken == [0, 1])
        #expect(clock == 600)
        #expect(pending == 1)
        #expect(nextTime == 630)
        // An event exactly at the limit is taken.
        let atLimit = calendar.next(notAfter: 630)?.entity
        #expect(atLimit == 2)
    }

    @Test("resetting keeps sequence numbers increasing, so stale events can never match new ones")
    func reset() {
        var calendar = EventCalendar<TestEvent>()
        let before = calendar.schedule(.tick, for: 0, at: 1)
        calendar.removeAll(resettingClockTo: 0)
        let (empty, clock) = (calendar.isEmpty, calendar.now)
        #expect(empty && clock == 0)
        let after = calendar.schedule(.tick, for: 0, at: 1)
        #expect(after > before)
    }

    @Test("times of every sign and size come out in numeric order and read back exactly; -0 ties with 0")
    func integerKeysKeepNumericOrder() {
        let times: [Double] = [3.5, -2, 0, -0.0, 1e-310, -1e-310, 1e300, -1e300, 540, 539.999_999_999, .leastNonzeroMagnitude,
                               -Double.leastNonzeroMagnitude, 0.1 + 0.2, 0.3, .greatestFiniteMagnitude, -.greatestFiniteMagnitude]
        var calendar = EventCalendar<TestEvent>(startTime: -.infinity)
        for (index, time) in times.enumerated() { calendar.schedule(.tick, for: Int32(index), at: time) }
        var taken: [(time: Double, entity: Int32)] = []
        while let event = calendar.next() { taken.append((event.time, event.entity)) }
        let expected = times.enumerated().sorted { a, b in
            a.element < b.element || (a.element == b.element && a.offset < b.offset)
        }
        #expect(taken.map(\.entity) == expected.map { Int32($0.offset) })
        // Each time reads back bit for bit, but -0 comes back as 0.
        #expect(taken.map(\.time.bitPattern) == expected.map { ($0.element + 0.0).bitPattern })
    }

    @Test("events are small values: 24 bytes, no references")
    func eventSize() {
        #expect(MemoryLayout<Event<TestEvent>>.stride == 24)
        #expect(_isPOD(Event<TestEvent>.self))
    }
}

@Suite("Event calendar storage")
struct EventCalendarStorageTests {
    @Test("the buffer grows past its initial capacity without losing or reordering events")
    func growth() {
        var calendar = EventCalendar<TestEvent>(capacity: 4)
        for index in 0..<1_000 { calendar.schedule(.tick, for: Int32(index), at: Double(1_000 - index)) }
        var previous = -Double.infinity, taken = 0
        while let event = calendar.next() {
            #expect(event.time >= previous)
            previous = event.time
            taken += 1
        }
        #expect(taken == 1_000)
    }
}
