import CGSL
import Distributions
import Foundation

/// The parametric families a service time is fitted to, by maximum likelihood.
public enum ServiceFamily: String, CaseIterable, Sendable {
    case exponential
    case lognormal
    case gamma
    case weibull

    /// Free parameters (for AIC).
    public var parameterCount: Int { self == .exponential ? 1 : 2 }
}

/// A family with its maximum-likelihood parameters on a sample.
///
/// Parameters: exponential (mean); lognormal (μ, σ of the log); gamma
/// (shape k, scale θ); Weibull (shape k, scale λ). Times in minutes.
public struct FittedFamily: Sendable {
    public let family: ServiceFamily
    public let first: Double
    public let second: Double
    public let logLikelihood: Double
    /// Akaike's information criterion, 2p − 2 ln L: the smaller the better.
    public var aic: Double { 2 * Double(family.parameterCount) - 2 * logLikelihood }

    /// Mean of the fitted distribution, minutes.
    public var mean: Double {
        switch family {
        case .exponential: first
        case .lognormal: exp(first + second * second / 2)
        case .gamma: first * second
        case .weibull: second * gsl_sf_gamma(1 + 1 / first)
        }
    }

    /// Standard deviation of the fitted distribution, minutes.
    public var sd: Double {
        switch family {
        case .exponential: return first
        case .lognormal: return sqrt((exp(second * second) - 1) * exp(2 * first + second * second))
        case .gamma: return sqrt(first) * second
        case .weibull:
            let g1 = gsl_sf_gamma(1 + 1 / first)
            return second * sqrt(max(gsl_sf_gamma(1 + 2 / first) - g1 * g1, 0))
        }
    }

    public func cdf(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        switch family {
        case .exponential: return gsl_cdf_exponential_P(x, first)
        case .lognormal: return gsl_cdf_lognormal_P(x, first, second)
        case .gamma: return gsl_cdf_gamma_P(x, first, second)
        case .weibull: return gsl_cdf_weibull_P(x, second, first)
        }
    }

    /// P(X > x), computed from the upper tail so that it stays accurate far out.
    public func survivalFunction(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        switch family {
        case .exponential: return gsl_cdf_exponential_Q(x, first)
        case .lognormal: return gsl_cdf_lognormal_Q(x, first, second)
        case .gamma: return gsl_cdf_gamma_Q(x, first, second)
        case .weibull: return gsl_cdf_weibull_Q(x, second, first)
        }
    }

    /// ln P(X > x), exact in closed form where the family has one.
    public func logSurvival(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        switch family {
        case .exponential: return -x / first
        case .weibull: return -pow(x / second, first)
        case .lognormal, .gamma: return log(survivalFunction(x))
        }
    }

    public func density(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        switch family {
        case .exponential: return gsl_ran_exponential_pdf(x, first)
        case .lognormal: return gsl_ran_lognormal_pdf(x, first, second)
        case .gamma: return gsl_ran_gamma_pdf(x, first, second)
        case .weibull: return gsl_ran_weibull_pdf(x, second, first)
        }
    }

    /// The p-quantile (0 < p < 1), for Q-Q plots.
    public func quantile(_ p: Double) -> Double {
        switch family {
        case .exponential: gsl_cdf_exponential_Pinv(p, first)
        case .lognormal: gsl_cdf_lognormal_Pinv(p, first, second)
        case .gamma: gsl_cdf_gamma_Pinv(p, first, second)
        case .weibull: gsl_cdf_weibull_Pinv(p, second, first)
        }
    }

    /// The distribution as a scenario states it.
    public func distribution() throws(DistributionError) -> Distribution {
        switch family {
        case .exponential: try .exponential(mean: first)
        case .lognormal: try .lognormal(mean: mean, sd: sd)
        case .gamma: try .gamma(mean: mean, sd: sd)
        case .weibull: try .weibull(shape: first, scale: second)
        }
    }

    /// The scenario syntax, e.g. `gamma(mean=4.02, sd=1.97)`.
    public var scenarioText: String {
        func short(_ value: Double) -> String { String(format: "%.4g", value) }
        switch family {
        case .exponential: return "exponential(mean=\(short(first)))"
        case .lognormal: return "lognormal(mean=\(short(mean)), sd=\(short(sd)))"
        case .gamma: return "gamma(mean=\(short(mean)), sd=\(short(sd)))"
        case .weibull: return "weibull(shape=\(short(first)), scale=\(short(second)))"
        }
    }
}

/// Maximum-likelihood fits of the service families to positive samples.
public enum MaximumLikelihood {
    /// The family fitted to `sample` (every value > 0, at least 2 distinct);
    /// nil when the likelihood has no finite maximum.
    ///
    /// - Complexity: O(n) per Newton step, a few dozen steps at most.
    public static func fit(_ family: ServiceFamily, _ sample: [Double]) -> FittedFamily? {
        let n = Double(sample.count)
        guard sample.count >= 2, sample.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        let logs = sample.map(log)
        let sumLog = logs.reduce(0, +), meanLog = sumLog / n
        let mean = sample.reduce(0, +) / n
        switch family {
        case .exponential:
            return FittedFamily(family: .exponential, first: mean, second: .nan, logLikelihood: -n * log(mean) - n)
        case .lognormal:
            let variance = logs.reduce(0) { $0 + ($1 - meanLog) * ($1 - meanLog) } / n
            guard variance > 0 else { return nil }
            let sigma = sqrt(variance)
            let ll = -sumLog - n * log(sigma) - n / 2 * log(2 * Double.pi) - n / 2
            return FittedFamily(family: .lognormal, first: meanLog, second: sigma, logLikelihood: ll)
        case .gamma:
            // ln k − ψ(k) = ln x̄ − mean ln x; Minka's start, then Newton.
            let s = log(mean) - meanLog
            guard s > 0 else { return nil }
            var k = (3 - s + sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s)
            for _ in 0..<100 {
                let f = log(k) - gsl_sf_psi(k) - s
                let derivative = 1 / k - gsl_sf_psi_1(k)
                let next = k - f / derivative
                let step = next > 0 ? next : k / 2
                if abs(step - k) < 1e-12 * k { k = step; break }
                k = step
            }
            let theta = mean / k
            let ll = (k - 1) * sumLog - n * mean / theta - n * k * log(theta) - n * gsl_sf_lngamma(k)
            return ll.isFinite ? FittedFamily(family: .gamma, first: k, second: theta, logLikelihood: ll) : nil
        case .weibull:
            // Σ x^k ln x / Σ x^k − 1/k − mean ln x = 0, on x scaled by its
            // mean so that x^k stays finite; Newton from k = 1.2/CV-ish.
            let scaled = sample.map { $0 / mean }, scaledLogs = scaled.map(log)
            let meanScaledLog = scaledLogs.reduce(0, +) / n
            func equation(_ k: Double) -> (Double, Double) {
                var a = 0.0, b = 0.0, c = 0.0
                for (x, lx) in zip(scaled, scaledLogs) {
                    let xk = pow(x, k)
                    a += xk
                    b += xk * lx
                    c += xk * lx * lx
                }
                let f = b / a - 1 / k - meanScaledLog
                let derivative = (c * a - b * b) / (a * a) + 1 / (k * k)
                return (f, derivative)
            }
            var k = 1.0
            var converged = false
            for _ in 0..<200 {
                let (f, derivative) = equation(k)
                var next = k - f / derivative
                if !(next > 0) || !next.isFinite { next = k / 2 }
                next = min(next, k * 4)
                if abs(next - k) < 1e-12 * k { k = next; converged = true; break }
                k = next
            }
            guard converged || abs(equation(k).0) < 1e-8, k.isFinite, k > 0 else { return nil }
            let scaleScaled = pow(scaled.reduce(0) { $0 + pow($1, k) } / n, 1 / k)
            let lambda = scaleScaled * mean
            var ll = n * log(k) - n * k * log(lambda) + (k - 1) * sumLog
            for x in sample { ll -= pow(x / lambda, k) }
            return ll.isFinite ? FittedFamily(family: .weibull, first: k, second: lambda, logLikelihood: ll) : nil
        }
    }

    /// The Kolmogorov-Smirnov distance between `sample` and `fitted`.
    ///
    /// - Complexity: O(n log n).
    public static func kolmogorovSmirnov(_ sample: [Double], _ fitted: FittedFamily) -> Double {
        let sorted = sample.sorted()
        let n = Double(sorted.count)
        var distance = 0.0
        for (index, x) in sorted.enumerated() {
            let f = fitted.cdf(x)
            distance = max(distance, Double(index + 1) / n - f, f - Double(index) / n)
        }
        return distance
    }

    /// P(D > d) for the Kolmogorov distribution with Stephens' small-sample
    /// correction. With parameters estimated from the same sample the true
    /// p-value is smaller (Lilliefors): this one is conservative.
    public static func kolmogorovPValue(distance: Double, n: Int) -> Double {
        let rootN = sqrt(Double(n))
        let lambda = (rootN + 0.12 + 0.11 / rootN) * distance
        guard lambda > 0.2 else { return 1 }
        var sum = 0.0
        for j in 1...100 {
            let term = 2 * (j % 2 == 1 ? 1.0 : -1.0) * exp(-2 * Double(j * j) * lambda * lambda)
            sum += term
            if abs(term) < 1e-12 { break }
        }
        return min(max(sum, 0), 1)
    }
}
