/// A time of day, kept as minutes after midnight ("08:30" is 510).
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes after midnight; may exceed 1440 for overtime past midnight.
    public let minutes: Double

    public init(minutes: Double) {
        self.minutes = minutes
    }

    /// The latest time a scenario may name: hour 9,999 (about 416 days).
    public static let latest = ClockTime(minutes: 9_999 * 60)

    /// Parses "H:MM" or "HH:MM" from 00:00; hours past 24 continue into the
    /// following days ("30:00" is 06:00 the next day), up to 9999:00, for
    /// outlets that run round the clock and for long validation runs.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...4).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]),
              minutes < 60, hours * 60 + minutes <= Int(Self.latest.minutes) else { return nil }
        self.minutes = Double(hours * 60 + minutes)
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }

    /// "HH:MM", with seconds dropped.
    public var description: String {
        let whole = Int(minutes.rounded(.down))
        let hours = whole / 60, rest = whole % 60
        return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
    }
}
