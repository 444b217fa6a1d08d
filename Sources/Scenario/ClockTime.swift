/// A time of day, kept as minutes after midnight ("08:30" is 510).
public struct ClockTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes after midnight; may exceed 1440 for overtime past midnight.
    public let minutes: Double

    public init(minutes: Double) {
        self.minutes = minutes
    }

    /// Parses "H:MM" or "HH:MM" (00:00 to 24:00).
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]),
              minutes < 60, hours < 24 || (hours == 24 && minutes == 0) else { return nil }
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
