/// An estimate with a symmetric confidence interval around it.
public struct ConfidenceInterval: Sendable, Equatable, CustomStringConvertible {
    public let estimate: Double
    public let halfWidth: Double
    /// Coverage, e.g. 0.95.
    public let level: Double

    public init(estimate: Double, halfWidth: Double, level: Double) {
        self.estimate = estimate
        self.halfWidth = halfWidth
        self.level = level
    }

    public var low: Double { estimate - halfWidth }
    public var high: Double { estimate + halfWidth }

    /// Whether `value` lies inside the closed interval.
    public func contains(_ value: Double) -> Bool {
        low <= value && value <= high
    }

    /// Half-width relative to the estimate's magnitude.
    public var relativeHalfWidth: Double {
        estimate == 0 ? .infinity : halfWidth / abs(estimate)
    }

    public var description: String {
        "\(estimate) ± \(halfWidth) (\(Int((level * 100).rounded()))%)"
    }
}
