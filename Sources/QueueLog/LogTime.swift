/// Times and dates as queue-system exports write them.
///
/// A time is `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, alone or after a date
/// (`YYYY-MM-DD`, `YYYY/MM/DD` or `YYYYMMDD`, then a space or `T`). A zone
/// (`Z`, `+08:00`) is accepted only when the mapping says which offset the
/// branch keeps (`local_offset`): a UTC log read as local time would move
/// every peak.
public enum LogTime {
    /// A parsed cell: minutes after midnight, local, and the date if the cell had one.
    public struct Value: Sendable, Equatable {
        public var date: LogDate?
        public var minutes: Double
    }

    public enum Failure: Error, Equatable {
        case malformed
        case zoneWithoutOffset
    }

    /// Parses a date alone.
    public static func date(_ text: Substring) -> LogDate? {
        let digits = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        if digits.count == 3, let y = Int(digits[0]), let m = Int(digits[1]), let d = Int(digits[2]),
           digits[0].count == 4, (1...2).contains(digits[1].count), (1...2).contains(digits[2].count) {
            return LogDate(year: y, month: m, day: d)
        }
        if text.count == 8, text.allSatisfy(\.isASCIIDigit), let all = Int(text) {
            return LogDate(year: all / 10_000, month: all / 100 % 100, day: all % 100)
        }
        return nil
    }

    /// Parses a time, or a date and time; `localOffset` (minutes east of UTC)
    /// converts zoned times to the branch's clock.
    public static func parse(_ text: Substring, localOffset: Int?) throws(Failure) -> Value {
        var rest = text
        var date: LogDate?
        if let split = rest.firstIndex(where: { $0 == " " || $0 == "T" }) {
            guard let parsed = Self.date(rest[..<split]) else { throw .malformed }
            date = parsed
            rest = rest[rest.index(after: split)...]
        } else if rest.count >= 8, !rest.contains(":") {
            throw .malformed
        }
        // A zone suffix.
        var zone: Int?
        if rest.hasSuffix("Z") {
            zone = 0
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let suffix = rest[rest.index(after: sign)...].split(separator: ":")
            guard (1...2).contains(suffix.count), let hours = Int(suffix[0]), hours <= 14,
                  let minutes = suffix.count == 2 ? Int(suffix[1]) : 0, minutes < 60 else { throw .malformed }
            zone = (hours * 60 + minutes) * (rest[sign] == "-" ? -1 : 1)
            rest = rest[..<sign]
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), (1...2).contains(parts[0].count), parts[1].count == 2,
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
              let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60 else { throw .malformed }
        var seconds = 0.0
        if parts.count == 3 {
            let text = parts[2]
            guard text.count >= 2, text.prefix(2).allSatisfy(\.isASCIIDigit),
                  text.dropFirst(2).isEmpty || (text.dropFirst(2).first == "." && text.dropFirst(3).allSatisfy(\.isASCIIDigit)
                                                && text.count > 3 && text.count <= 12),
                  let value = Double(text), value < 60 else { throw .malformed }
            seconds = value
        }
        var total = Double(hours * 60 + minutes) + seconds / 60
        if let zone {
            guard let localOffset else { throw .zoneWithoutOffset }
            total += Double(localOffset - zone)
            // A shift across midnight moves the date.
            if total < 0 || total >= 1440 {
                guard let known = date, let moved = known.adding(days: total < 0 ? -1 : 1) else { throw .malformed }
                date = moved
                total += total < 0 ? 1440 : -1440
            }
        }
        return Value(date: date, minutes: total)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension LogDate {
    /// The date `days` later (or earlier), nil outside 1900-9999.
    public func adding(days: Int) -> LogDate? {
        // Hinnant's civil_from_days.
        let z = ordinal + days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return LogDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }
}
