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
    ///
    /// - Complexity: O(length); `YYYY-MM-DD` in ASCII is read from its bytes.
    public static func date(_ text: Substring) -> LogDate? {
        if text.utf8.count == 10, let storage = text.utf8.withContiguousStorageIfAvailable({ Self.isoDate($0, at: 0) }) {
            // nil: not this form; .some(nil): this form, but no such date.
            if let read = storage { return read }
        }
        return slowDate(text)
    }

    /// `YYYY-MM-DD` (or with `/`) starting at byte `start`, ten ASCII bytes
    /// followed by nothing, a space or `T`: the date, or `.some(nil)` when
    /// no such date exists; nil for anything else (the general path decides).
    @inline(__always)
    static func isoDate(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> LogDate?? {
        guard bytes.count >= start + 10, bytes.count == start + 10 || bytes[start + 10] == 0x20 || bytes[start + 10] == 0x54 else { return nil }
        let separator = bytes[start + 4]
        guard separator == 0x2D || separator == 0x2F, bytes[start + 7] == separator else { return nil }
        var year = 0, month = 0, day = 0
        for k in 0..<4 {
            let byte = bytes[start + k]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            year = year * 10 + Int(byte - 0x30)
        }
        for (offset, target) in [(5, 0), (8, 1)] {
            for k in 0..<2 {
                let byte = bytes[start + offset + k]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                if target == 0 { month = month * 10 + Int(byte - 0x30) } else { day = day * 10 + Int(byte - 0x30) }
            }
        }
        // Read: a valid date, or none (the slow path would say the same).
        return .some(LogDate(year: year, month: month, day: day))
    }

    static func slowDate(_ text: Substring) -> LogDate? {
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
    ///
    /// - Complexity: O(length). The forms exports write most (`HH:MM`,
    ///   `HH:MM:SS`, after `YYYY-MM-DD ` or `T`, in ASCII, no zone, whole
    ///   seconds) are read straight from the bytes; the rest by the general path.
    public static func parse(_ text: Substring, localOffset: Int?) throws(Failure) -> Value {
        if let fast = text.utf8.withContiguousStorageIfAvailable(Self.plainTime), let value = fast { return value }
        return try slowParse(text, localOffset: localOffset)
    }

    /// `[YYYY-MM-DD(space|T)]H[H]:MM[:SS]` in ASCII, nothing more; nil for
    /// anything else, which the general path then reads (or refuses).
    static func plainTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        var date: LogDate?
        var position = 0
        if bytes.count >= 11 {
            guard let read = isoDate(bytes, at: 0), let valid = read else { return nil }
            date = valid
            position = 11
        }
        func digit(_ at: Int) -> Int? {
            guard at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39 else { return nil }
            return Int(bytes[at] - 0x30)
        }
        guard let first = digit(position) else { return nil }
        var hours = first
        position += 1
        if let second = digit(position) {
            hours = hours * 10 + second
            position += 1
        }
        guard position < bytes.count, bytes[position] == 0x3A, let m1 = digit(position + 1), let m2 = digit(position + 2) else { return nil }
        let minutes = m1 * 10 + m2
        position += 3
        var seconds = 0
        if position < bytes.count {
            guard bytes[position] == 0x3A, let s1 = digit(position + 1), let s2 = digit(position + 2), position + 3 == bytes.count else { return nil }
            seconds = s1 * 10 + s2
        }
        guard hours < 24, minutes < 60, seconds < 60 else { return nil }
        return Value(date: date, minutes: Double(hours * 60 + minutes) + Double(seconds) / 60)
    }

    static func slowParse(_ text: Substring, localOffset: Int?) throws(Failure) -> Value {
        var rest = text
        var date: LogDate?
        if let split = rest.firstIndex(where: { $0 == " " || $0 == "T" }) {
            guard let parsed = Self.slowDate(rest[..<split]) else { throw .malformed }
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
