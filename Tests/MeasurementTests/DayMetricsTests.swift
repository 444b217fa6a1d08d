import Testing
import Measurement

/// A day's terms in the slots of a layout kept from day to day read and
/// replace as a table by key would: the layout only makes puts cheaper.
@Suite("Day metrics on a kept layout")
struct DayMetricsTests {
    static let keys: [MetricKey] = [
        MetricKey(.day, .arrivals), MetricKey(.day, .waitMean), MetricKey(.interval, entity: 3, .arrivals),
        MetricKey(.segment, entity: 1, .shareServedWithin(10)), MetricKey(.windowGroup, entity: 0, .windowUtilisation),
    ]

    @Test("a key put again replaces its term; non-finite terms are not recorded")
    func replacing() {
        var day = DayMetrics()
        day.put(Self.keys[0], 10)
        day.put(Self.keys[1], 30, over: 10)
        day.put(Self.keys[0], 12)
        day.put(Self.keys[2], .nan)
        day.put(Self.keys[3], 1, over: .infinity)
        #expect(day.term(Self.keys[0]) == RatioTerm(12, 1))
        #expect(day.value(Self.keys[1]) == 3)
        #expect(day.term(Self.keys[2]) == nil && day.value(Self.keys[2]).isNaN)
        #expect(day.terms == [Self.keys[0]: RatioTerm(12, 1), Self.keys[1]: RatioTerm(30, 10)])
    }

    @Test("a later day on the layout puts keys in any order, some left out and new ones added, and leaves the earlier day alone")
    func laterDays() {
        var first = DayMetrics()
        for (index, key) in Self.keys.prefix(4).enumerated() { first.put(key, Double(index)) }
        let firstTerms = first.terms
        var second = DayMetrics(layout: first.layout)
        second.put(Self.keys[4], 40)
        second.put(Self.keys[2], 20)
        second.put(Self.keys[0], 0.5)
        second.put(Self.keys[2], 21)
        #expect(second.terms == [Self.keys[4]: RatioTerm(40, 1), Self.keys[2]: RatioTerm(21, 1), Self.keys[0]: RatioTerm(0.5, 1)])
        #expect(second.term(Self.keys[1]) == nil)
        // Slots already there keep their keys; the new key comes after them.
        #expect(Array(second.layout.keys.prefix(4)) == Array(Self.keys.prefix(4)))
        #expect(second.layout.keys.last == Self.keys[4])
        #expect(first.terms == firstTerms && first.layout.keys.count == 4)
    }
}
