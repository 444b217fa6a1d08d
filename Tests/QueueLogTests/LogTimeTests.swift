import Testing
@testable import QueueLog

@Suite("Log times read from their bytes")
struct LogTimeFastPathTests {
    /// The byte-level reading of the common forms gives exactly what the general path gives, and leaves every other form to it.
    @Test("the fast path agrees with the general path on every form, good or bad")
    func agrees() {
        let cells = ["09:00", "9:05", "09:00:00", "23:59:59", "24:00", "09:60", "09:00:60", "09:00:00.500", "2026-03-02 09:15:30",
                     "2026/03/02 09:15", "2026-03-02T17:00:01", "2026-02-30 09:00", "2026-3-2 09:00", "20260302 09:00", "09:00Z",
                     "2026-03-02 09:00+08:00", "09:00:0", "09:0", "0900", "", " 09:00", "09:00 ", "2026-03-02", "2026-03-02 ", "１０:００",
                     "2026-03-02 9:05", "2026-03-02X09:00", "09:00:00:00", "12:34:56.7890123456789"]
        for cell in cells {
            let fast = Array(cell.utf8).withUnsafeBufferPointer { LogTime.plainTime($0) }
            let slow = try? LogTime.slowParse(Substring(cell), localOffset: 0)
            if let fast { #expect(fast == slow, "\(cell): \(fast) vs \(String(describing: slow))") }
            #expect((try? LogTime.parse(Substring(cell), localOffset: 0)) == slow, "\(cell)")
        }
        for cell in ["2026-03-02", "2026/03/02", "2026-02-30", "2026-3-2", "20260302", "2026-03-02 ", "2026-03-0x", "0000-01-01"] {
            #expect(LogTime.date(Substring(cell)) == LogTime.slowDate(Substring(cell)), "\(cell)")
        }
    }
}
