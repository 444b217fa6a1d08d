import Testing
import Measurement

@Suite("Metric keys")
struct MetricKeyTests {
    /// Every key a large outlet's day could put: all scopes, 40 entities, 60 intervals, many metrics.
    static let keys: [MetricKey] = {
        let metrics: [Metric] = [.arrivals, .waitMean, .ticketWaitMean, .shareAbandoned, .occupancyMax, .waitPercentile(90),
                                 .timeInOutletPercentile(50), .shareServedWithin(10), .shareServedWithin(15), .windowUtilisation]
        var keys: [MetricKey] = []
        for scope in Scope.allCases {
            for entity in 0..<40 {
                for interval in -1..<60 {
                    for metric in metrics { keys.append(MetricKey(scope, entity: entity, interval: interval, metric)) }
                }
            }
        }
        return keys
    }()

    @Test("equal keys hash equal in a table's seed, and 195,200 distinct keys are all found again in a dictionary")
    func hashing() {
        var table: [MetricKey: Int] = [:]
        for (index, key) in Self.keys.enumerated() { table[key] = index }
        #expect(table.count == Self.keys.count)
        #expect(Self.keys.enumerated().allSatisfy { table[$0.element] == $0.offset })
        let key = MetricKey(.interval, entity: 3, interval: 7, .shareServedWithin(10))
        let same = MetricKey(.interval, entity: 3, interval: 7, .shareServedWithin(10))
        #expect(key._rawHashValue(seed: 12345) == same._rawHashValue(seed: 12345))
        #expect(key.hashValue == same.hashValue)
    }

    @Test("the hash spreads keys over a table's low bits: no 4,096-slot bucket holds more than 4 times its share")
    func spread() {
        var buckets = Array(repeating: 0, count: 4_096)
        for key in Self.keys { buckets[key._rawHashValue(seed: 0) & 4_095] += 1 }
        let share = Double(Self.keys.count) / 4_096
        #expect(Double(buckets.max() ?? 0) < 4 * share)
        #expect(Double(buckets.min() ?? 0) > share / 4)
    }
}
