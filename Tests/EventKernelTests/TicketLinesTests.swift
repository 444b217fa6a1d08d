import Testing
import EventKernel

@Suite("Ticket lines")
struct TicketLinesTests {
    @Test("each line is first in, first out, and lines do not mix")
    func fifo() {
        var lines = TicketLines(lineCount: 2, capacity: 2)
        for number in 1...5 { lines.append(Ticket(slot: Int32(number), number: number), to: number % 2) }
        #expect(lines.count(of: 0) == 2 && lines.count(of: 1) == 3)
        #expect(lines.first(of: 1)?.number == 1)
        #expect(lines[1, 2].number == 5)
        #expect(lines.popFirst(from: 1)?.number == 1)
        #expect(lines.popFirst(from: 0)?.number == 2)
        #expect(lines.popFirst(from: 0)?.number == 4)
        #expect(lines.popFirst(from: 0) == nil)
        #expect(lines.isEmpty(0) && !lines.isEmpty(1))
        lines.removeAll()
        #expect(lines.isEmpty(1) && lines.first(of: 1) == nil)
    }

    @Test("against arrays used as queues, over 40,000 appends and pops that wrap and grow three lines")
    func matchesArrays() {
        var generator = PatternGenerator(state: 5)
        var lines = TicketLines(lineCount: 3, capacity: 1)
        var reference: [[Ticket]] = [[], [], []]
        for step in 0..<40_000 {
            let line = Int(generator.next() % 3)
            if generator.next() % 100 < 55 {
                let ticket = Ticket(slot: Int32(step % 97), number: step)
                lines.append(ticket, to: line)
                reference[line].append(ticket)
            } else {
                #expect(lines.popFirst(from: line) == (reference[line].isEmpty ? nil : reference[line].removeFirst()))
            }
            #expect(lines.count(of: line) == reference[line].count)
        }
        for line in lines.indices {
            for offset in reference[line].indices { #expect(lines[line, offset] == reference[line][offset]) }
        }
    }

    @Test("a single line is first in, first out, and empties")
    func singleLine() {
        // Values are read out first: #expect cannot capture a non-copyable line.
        var line = TicketLine(capacity: 1)
        for number in 1...5 { line.append(Ticket(slot: 0, number: number)) }
        let (count, front) = (line.count, line.first?.number)
        #expect(count == 5 && front == 1)
        let popped = line.popFirst()?.number
        #expect(popped == 1)
        line.append(Ticket(slot: 0, number: 6))
        var taken: [Int] = []
        while let ticket = line.popFirst() { taken.append(ticket.number) }
        let empty = line.isEmpty
        #expect(taken == [2, 3, 4, 5, 6] && empty)
        line.append(Ticket(slot: 0, number: 7))
        line.removeAll()
        let afterRemoval = line.first
        #expect(afterRemoval == nil)
    }
}
