import QueueLog

/// Where the rows left out of a log would have counted: the share of each
/// segment's and each interval's rows left out, so that a figure resting
/// on a part of the log with many left-out rows says so where it is shown.
public struct LeftOutShares: Sendable {
    /// A figure is flagged when more than this share of its rows was left out.
    public static let biasingShare = 0.05

    /// Rows after the header, and rows left out, by reason (most first).
    public let rowsRead: Int
    public let counts: [(reason: LeftOutReason, rows: Int)]
    public var total: Int { counts.reduce(0) { $0 + $1.rows } }
    /// Left-out share of each segment's rows (by ``QueueLog/segments``), on the fitted days.
    public let bySegment: [Double]
    /// Left-out share of each interval's rows, on the fitted days.
    public let byInterval: [Double]

    public var biasedSegments: [Int] { bySegment.indices.filter { bySegment[$0] > Self.biasingShare } }
    public var biasedIntervals: [Int] { byInterval.indices.filter { byInterval[$0] > Self.biasingShare } }

    /// - Parameters:
    ///   - tickets: the fitted days' tickets; `days` their dates.
    ///   - interval: the interval of a time of day.
    /// - Complexity: O(tickets + left-out rows).
    init(log: QueueLog, tickets: [TicketRecord], days: Set<LogDate>, intervalCount: Int, interval: (Double) -> Int) {
        rowsRead = log.rowsRead
        counts = log.leftOutCounts
        var keptBySegment = Array(repeating: 0, count: log.segments.count), keptByInterval = Array(repeating: 0, count: intervalCount)
        for ticket in tickets {
            keptBySegment[ticket.segment] += 1
            keptByInterval[interval(ticket.issued)] += 1
        }
        let segmentIndex = Dictionary(log.segments.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var outBySegment = Array(repeating: 0, count: log.segments.count), outByInterval = Array(repeating: 0, count: intervalCount)
        for row in log.leftOut where row.date.map(days.contains) ?? true {
            if let name = row.segment, let segment = segmentIndex[name] { outBySegment[segment] += 1 }
            if row.issued.isFinite { outByInterval[interval(row.issued)] += 1 }
        }
        func share(_ out: Int, _ kept: Int) -> Double { out + kept > 0 ? Double(out) / Double(out + kept) : 0 }
        bySegment = zip(outBySegment, keptBySegment).map(share)
        byInterval = zip(outByInterval, keptByInterval).map(share)
    }
}
