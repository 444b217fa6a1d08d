import Foundation

/// The only ways to make a ``Distribution``; each validates its parameters.
/// All times are in minutes.
extension Distribution {
    /// Exponential with the given mean (minutes), i.e. rate 1/mean.
    public static func exponential(mean: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.positive(mean, "mean", in: "exponential")
        return Distribution(.exponential(mean: mean))
    }

    /// Erlang: the sum of `phases` exponential stages with total mean `mean`.
    public static func erlang(phases: Int, mean: Double) throws(DistributionError) -> Distribution {
        guard phases >= 1 else {
            throw .invalidParameter(distribution: "erlang", parameter: "k", found: Double(phases), allowed: "a whole number >= 1")
        }
        try ParameterCheck.positive(mean, "mean", in: "erlang")
        return Distribution(.erlang(phases: phases, mean: mean))
    }

    /// Gamma with the given mean and standard deviation (minutes).
    public static func gamma(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.positive(mean, "mean", in: "gamma")
        try ParameterCheck.positive(sd, "sd", in: "gamma")
        let shape = (mean / sd) * (mean / sd)
        return Distribution(.gamma(shape: shape, scale: mean / shape))
    }

    /// Lognormal with the given mean and standard deviation of the time itself
    /// (not of its logarithm).
    public static func lognormal(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.positive(mean, "mean", in: "lognormal")
        try ParameterCheck.positive(sd, "sd", in: "lognormal")
        let sigmaSquared = log1p((sd / mean) * (sd / mean))
        let zeta = log(mean) - sigmaSquared / 2
        return Distribution(.lognormal(zeta: zeta, sigma: sigmaSquared.squareRoot()))
    }

    /// Weibull with shape k and scale λ (minutes): P(X > x) = exp(-(x/λ)^k).
    public static func weibull(shape: Double, scale: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.positive(shape, "shape", in: "weibull")
        try ParameterCheck.positive(scale, "scale", in: "weibull")
        return Distribution(.weibull(shape: shape, scale: scale))
    }

    /// Normal(mean, sd) truncated at 0: draws below zero are redrawn, so the
    /// realised mean is a little above `mean` when `sd` is large against it.
    public static func normal(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.nonNegative(mean, "mean", in: "normal")
        try ParameterCheck.positive(sd, "sd", in: "normal")
        return Distribution(.truncatedNormal(mean: mean, sd: sd))
    }

    /// Uniform on [min, max] minutes.
    public static func uniform(min: Double, max: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.nonNegative(min, "min", in: "uniform")
        try ParameterCheck.nonNegative(max, "max", in: "uniform")
        guard max >= min else {
            throw .invalidParameter(distribution: "uniform", parameter: "max", found: max, allowed: "a number >= min (\(DistributionError.format(min)))")
        }
        return Distribution(.uniform(min: min, max: max))
    }

    /// Triangular on [min, max] with its peak at `mode`.
    public static func triangular(min: Double, mode: Double, max: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.nonNegative(min, "min", in: "triangular")
        try ParameterCheck.nonNegative(mode, "mode", in: "triangular")
        try ParameterCheck.nonNegative(max, "max", in: "triangular")
        guard mode >= min else {
            throw .invalidParameter(distribution: "triangular", parameter: "mode", found: mode, allowed: "a number >= min (\(DistributionError.format(min)))")
        }
        guard max >= mode, max > min else {
            throw .invalidParameter(distribution: "triangular", parameter: "max", found: max, allowed: "a number >= mode and > min")
        }
        return Distribution(.triangular(min: min, mode: mode, max: max))
    }

    /// Always exactly `value` minutes.
    public static func deterministic(_ value: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.nonNegative(value, "value", in: "deterministic")
        return Distribution(.deterministic(value))
    }

    /// A discrete table: `values[i]` minutes with weight `weights[i]`.
    /// Weights need not sum to 1; they are normalised.
    public static func empirical(values: [Double], weights: [Double]) throws(DistributionError) -> Distribution {
        Distribution(.discrete(try DiscreteTable(values: values, weights: weights)))
    }

    /// A continuous distribution from observed sample points: the empirical
    /// distribution function, interpolated linearly between sorted points.
    public static func empirical(samplePoints: [Double]) throws(DistributionError) -> Distribution {
        Distribution(.continuous(try ContinuousTable(points: samplePoints)))
    }
}

extension Distribution {
    /// Exponential with mean 1: the unit of time-change for non-homogeneous
    /// arrivals by inversion. Built where it is used (inlined): a stored
    /// static would be fetched through a lazy initialiser on every draw.
    @inlinable public static var unitExponential: Distribution { Distribution(.exponential(mean: 1)) }
}
