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

    @Test("against TicketLine, over 40,000 appends and pops that wrap and grow three lines")
    func matchesTicketLine() {
        var generator = PatternGenerator(state: 5)
        var lines = TicketLines(lineCount: 3, capacity: 1)
        var reference = Array(repeating: TicketLine(capacity: 1), count: 3)
        for step in 0..<40_000 {
            let line = Int(generator.next() % 3)
            if generator.next() % 100 < 55 {
                let ticket = Ticket(slot: Int32(step % 97), number: step)
                lines.append(ticket, to: line)
                reference[line].append(ticket)
            } else {
                #expect(lines.popFirst(from: line) == reference[line].popFirst())
            }
            #expect(lines.count(of: line) == reference[line].count)
        }
        for line in 0..<3 {
            for offset in 0..<reference[line].count { #expect(lines[line, offset] == reference[line][offset]) }
        }
    }
}
