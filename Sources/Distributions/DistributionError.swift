/// Why a distribution's parameters were refused.
///
/// Messages name the distribution, the parameter, what was found and what is
/// allowed, so a scenario validator can pass them straight to the planner.
public enum DistributionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A single parameter is out of its allowed range, or not a number.
    case invalidParameter(distribution: String, parameter: String, found: Double, allowed: String)
    /// A table of values (empirical distributions) is unusable as a whole.
    case invalidTable(distribution: String, problem: String)

    public var description: String {
        switch self {
        case let .invalidParameter(distribution, parameter, found, allowed):
            "\(distribution): \(parameter) must be \(allowed), found \(Self.format(found))"
        case let .invalidTable(distribution, problem):
            "\(distribution): \(problem)"
        }
    }

    /// Formats a found value so that NaN and infinities read plainly.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-infinity" : "infinity" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// Parameter checks shared by the distribution constructors. Times are at
/// most a million minutes (about two years), so that every draw is finite
/// and a simulated day always ends.
@usableFromInline
enum ParameterCheck {
    @usableFromInline static let largestTime = 1_000_000.0

    static func positive(_ value: Double, _ parameter: String, in distribution: String) throws(DistributionError) {
        guard value.isFinite, value > 0 else {
            throw .invalidParameter(distribution: distribution, parameter: parameter, found: value, allowed: "a finite number > 0")
        }
        try atMostLargest(value, parameter, in: distribution)
    }

    static func nonNegative(_ value: Double, _ parameter: String, in distribution: String) throws(DistributionError) {
        guard value.isFinite, value >= 0 else {
            throw .invalidParameter(distribution: distribution, parameter: parameter, found: value, allowed: "a finite number >= 0")
        }
        try atMostLargest(value, parameter, in: distribution)
    }

    static func finite(_ value: Double, _ parameter: String, in distribution: String) throws(DistributionError) {
        guard value.isFinite else {
            throw .invalidParameter(distribution: distribution, parameter: parameter, found: value, allowed: "a finite number")
        }
        try atMostLargest(value, parameter, in: distribution)
    }

    static func atMostLargest(_ value: Double, _ parameter: String, in distribution: String) throws(DistributionError) {
        guard abs(value) <= largestTime else {
            throw .invalidParameter(distribution: distribution, parameter: parameter, found: value, allowed: "at most 1000000 in size (minutes, or customers in a group)")
        }
    }

    /// Weights are only relative: any finite non-negative number.
    static func weight(_ value: Double, _ parameter: String, in distribution: String) throws(DistributionError) {
        guard value.isFinite, value >= 0 else {
            throw .invalidParameter(distribution: distribution, parameter: parameter, found: value, allowed: "a finite number >= 0")
        }
    }
}
