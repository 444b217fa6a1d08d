import Foundation

/// How a value is shown, in the terminal, the files' prose, the reports and
/// CI reports alike: one unit and one number of decimals per kind of value.
/// Shares are stored as fractions and shown as percentages. The raw value
/// names the unit in files (`unit` in targets.csv and check's JSON).
public enum ValueUnit: String, Sendable, Equatable {
    /// A fraction, shown as a percentage with one decimal: "77.2%".
    case share
    /// Minutes, one decimal: "17.3 min".
    case minutes
    /// Hours, one decimal: "6.5 h".
    case hours
    /// Money, whole yuan: "10010 yuan".
    case yuan
    /// A count in a day (customers, tickets, breakdowns), a mean over days: one decimal.
    case count
    /// People present at once (waiting, standing), a mean over days: two decimals.
    case people
    /// Staff or windows on duty, a mean over days: one decimal.
    case staff
    /// Persons per square metre: two decimals.
    case density
    /// Offered load in erlangs: two decimals.
    case erlangs

    /// The value in this unit's scale and decimals, without the unit: "77.2%", "17.3", "10010".
    public func number(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        switch self {
        case .share: return Self.fixed(value * 100, 1) + "%"
        case .minutes, .hours, .count, .staff: return Self.fixed(value, 1)
        case .yuan: return Self.fixed(value, 0)
        case .people, .density, .erlangs: return Self.fixed(value, 2)
        }
    }

    /// The value with its unit: "77.2%", "17.3 min", "10010 yuan", "0.35 per m²".
    public func text(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        switch self {
        case .share, .count, .people, .staff, .erlangs: return number(value)
        case .minutes: return number(value) + " min"
        case .hours: return number(value) + " h"
        case .yuan: return number(value) + " yuan"
        case .density: return number(value) + " per m²"
        }
    }

    /// A mean and its interval: "77.2% [76.4%, 77.9%]", "17.3 min [16.8, 18.0]".
    public func text(_ mean: Double, low: Double, high: Double) -> String {
        guard low.isFinite, high.isFinite else { return text(mean) }
        return "\(text(mean)) [\(number(low)), \(number(high))]"
    }

    /// A difference between two values, signed: "+1.2 pp" (percentage
    /// points) for shares, "-0.4" for minutes, "-467" for yuan.
    public func difference(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let sign = value > 0 && number(value) != number(0) ? "+" : ""
        switch self {
        case .share: return sign + Self.fixed(value * 100, 1) + " pp"
        default: return sign + number(value)
        }
    }

    /// A bound as planners wrote it, shown in this unit: "≥ 70%", "≤ 20 min", "60% to 95%".
    public func bound(_ value: Double) -> String {
        switch self {
        case .share: return Self.trimmed(value * 100) + "%"
        case .minutes: return Self.trimmed(value) + " min"
        case .hours: return Self.trimmed(value) + " h"
        case .yuan: return Self.trimmed(value) + " yuan"
        case .density: return Self.trimmed(value) + " per m²"
        case .count, .people, .staff, .erlangs: return Self.trimmed(value)
        }
    }

    /// `value` with exactly `decimals` decimals, never "-0".
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// `value` as written: no trailing zeros ("70", "2.5", "0.35").
    static func trimmed(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%g", value)
    }
}
