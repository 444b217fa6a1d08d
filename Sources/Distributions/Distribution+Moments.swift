import Foundation
internal import CGSL

extension Distribution {
    /// The mean, in minutes. Erlang and M/G/c estimates use it as the mean
    /// service time.
    public var mean: Double { shift + unshiftedMean }

    var unshiftedMean: Double {
        switch form {
        case .exponential(let mean), .erlang(_, let mean):
            return mean
        case .gamma(let shape, let scale):
            return shape * scale
        case .lognormal(let zeta, let sigma):
            return exp(zeta + sigma * sigma / 2)
        case .weibull(let shape, let scale):
            return scale * gsl_sf_gamma(1 + 1 / shape)
        case .truncatedNormal(let mean, let sd):
            return mean + sd * Self.inverseMillsRatio(-mean / sd)
        case .uniform(let min, let max):
            return (min + max) / 2
        case .triangular(let min, let mode, let max):
            return (min + mode + max) / 3
        case .deterministic(let value):
            return value
        case .discrete(let table):
            return zip(table.values, table.probabilities).reduce(0) { $0 + $1.0 * $1.1 }
        case .continuous(let table):
            let gaps = zip(table.points.dropLast(), table.points.dropFirst())
            return gaps.reduce(0) { $0 + ($1.0 + $1.1) / 2 } / Double(table.points.count - 1)
        case .gaussian(let mean, _):
            return mean
        }
    }

    /// The variance, in squared minutes.
    public var variance: Double {
        switch form {
        case .exponential(let mean):
            return mean * mean
        case .erlang(let phases, let mean):
            return mean * mean / Double(phases)
        case .gamma(let shape, let scale):
            return shape * scale * scale
        case .lognormal(let zeta, let sigma):
            return (exp(sigma * sigma) - 1) * exp(2 * zeta + sigma * sigma)
        case .weibull(let shape, let scale):
            let first = gsl_sf_gamma(1 + 1 / shape)
            return scale * scale * (gsl_sf_gamma(1 + 2 / shape) - first * first)
        case .truncatedNormal(let mean, let sd):
            let alpha = -mean / sd
            let lambda = Self.inverseMillsRatio(alpha)
            return sd * sd * (1 + alpha * lambda - lambda * lambda)
        case .uniform(let min, let max):
            return (max - min) * (max - min) / 12
        case .triangular(let a, let c, let b):
            return (a * a + b * b + c * c - a * b - a * c - b * c) / 18
        case .deterministic:
            return 0
        case .discrete(let table):
            let second = zip(table.values, table.probabilities).reduce(0) { $0 + $1.0 * $1.0 * $1.1 }
            return max(0, second - unshiftedMean * unshiftedMean)
        case .continuous(let table):
            // Each gap is uniform on [a, b] with E[X^2] = (a^2 + ab + b^2) / 3.
            let gaps = zip(table.points.dropLast(), table.points.dropFirst())
            let second = gaps.reduce(0) { $0 + ($1.0 * $1.0 + $1.0 * $1.1 + $1.1 * $1.1) / 3 }
                / Double(table.points.count - 1)
            return max(0, second - unshiftedMean * unshiftedMean)
        case .gaussian(_, let sd):
            return sd * sd
        }
    }

    /// The squared coefficient of variation, variance / mean²; 1 for
    /// exponential times. M/G/c approximations scale Erlang C waits by it.
    public var squaredCoefficientOfVariation: Double {
        let m = mean
        return m > 0 && !isSigned ? variance / (m * m) : 0
    }

    /// φ(α) / (1 − Φ(α)) for the standard normal.
    static func inverseMillsRatio(_ alpha: Double) -> Double {
        gsl_ran_ugaussian_pdf(alpha) / gsl_cdf_ugaussian_Q(alpha)
    }
}
