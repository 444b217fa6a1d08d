import CGSL
import Foundation
import RandomStreams

/// A negative-binomial regression with a log link, fitted by maximum
/// likelihood: counts `y` with mean `exp(x·β)` and variance `μ + μ²/θ`.
/// That is Poisson counts whose mean is multiplied by a gamma day factor
/// with mean 1 and variance 1/θ (Brown et al. 2005; Aldor-Noiman et al. 2009).
///
/// β by iteratively reweighted least squares (GSL's Cholesky solves the
/// normal equations), θ by maximising the profile likelihood on a log
/// scale, alternating until the log-likelihood settles.
public struct NegativeBinomialRegression: Sendable {
    /// Coefficients, one per column of the design.
    public let coefficients: [Double]
    /// Their covariance, (XᵀWX)⁻¹, row-major p × p.
    public let covariance: [Double]
    /// The dispersion θ; ``poissonTheta`` when the counts vary no more than Poisson.
    public let theta: Double
    public let logLikelihood: Double
    public let iterations: Int

    /// θ above which the counts are Poisson for every practical purpose.
    public static let poissonTheta = 1e8

    public enum Failure: Error, Equatable {
        /// The design is singular (an effect no day separates from the others).
        case singular
        case notConverged
    }

    /// The day factor's coefficient of variation, 1/√θ (0 for Poisson counts).
    public var dayFactorCV: Double { theta >= Self.poissonTheta ? 0 : 1 / theta.squareRoot() }

    /// The standard error of coefficient `index`.
    public func standardError(_ index: Int) -> Double { covariance[index * coefficients.count + index].squareRoot() }

    /// x·β and its variance x Σ xᵀ for a row of covariates.
    /// - Complexity: O(p²).
    public func linearPredictor(_ row: [Double]) -> (value: Double, variance: Double) {
        let p = coefficients.count
        var value = 0.0, variance = 0.0
        for i in 0..<p {
            value += row[i] * coefficients[i]
            for j in 0..<p { variance += row[i] * covariance[i * p + j] * row[j] }
        }
        return (value, max(variance, 0))
    }

    /// Fits `y` on the design `rows` (n rows of p covariates, the first usually the intercept).
    /// - Complexity: O(iterations × n × p² + p³).
    public init(rows: [[Double]], counts y: [Double]) throws(Failure) {
        GSLRuntime.prepare()
        let n = rows.count, p = rows.first?.count ?? 0
        guard n > p, p > 0 else { throw .singular }
        let meanCount = max(y.reduce(0, +) / Double(n), 0.5)
        // Start from the intercept alone at the mean count.
        var beta = Array(repeating: 0.0, count: p)
        beta[0] = log(meanCount)
        var mu = Array(repeating: meanCount, count: n)
        var theta = Self.poissonTheta
        var previous = -Double.infinity
        var covariance: [Double] = []
        var iteration = 0
        let matrix = gsl_matrix_alloc(p, p), vector = gsl_vector_alloc(p), solution = gsl_vector_alloc(p)
        defer { gsl_matrix_free(matrix); gsl_vector_free(vector); gsl_vector_free(solution) }
        guard let matrix, let vector, let solution else { throw .singular }
        var loglik = -Double.infinity
        while iteration < 100 {
            iteration += 1
            // One IRLS step at the current θ.
            var xtwx = Array(repeating: 0.0, count: p * p), xtwz = Array(repeating: 0.0, count: p)
            for i in 0..<n {
                let m = mu[i], row = rows[i]
                let weight = m / (1 + m / theta)
                var eta = 0.0
                for j in 0..<p { eta += row[j] * beta[j] }
                let z = eta + (y[i] - m) / m
                for j in 0..<p {
                    let wj = weight * row[j]
                    xtwz[j] += wj * z
                    for k in j..<p { xtwx[j * p + k] += wj * row[k] }
                }
            }
            for j in 0..<p {
                for k in j..<p {
                    gsl_matrix_set(matrix, j, k, xtwx[j * p + k])
                    gsl_matrix_set(matrix, k, j, xtwx[j * p + k])
                }
                gsl_vector_set(vector, j, xtwz[j])
            }
            guard gsl_linalg_cholesky_decomp1(matrix) == GSL_SUCCESS,
                  gsl_linalg_cholesky_solve(matrix, vector, solution) == GSL_SUCCESS else { throw .singular }
            var next = (0..<p).map { gsl_vector_get(solution, $0) }
            guard next.allSatisfy(\.isFinite) else { throw .notConverged }
            // Step halving keeps the likelihood from falling.
            var trial = Self.means(rows, next)
            var halvings = 0
            while halvings < 20, Self.logLikelihood(y, trial, theta) < Self.logLikelihood(y, mu, theta) - 1e-9 {
                next = zip(beta, next).map { ($0 + $1) / 2 }
                trial = Self.means(rows, next)
                halvings += 1
            }
            beta = next
            mu = trial
            theta = Self.bestTheta(y, mu)
            guard gsl_linalg_cholesky_invert(matrix) == GSL_SUCCESS else { throw .singular }
            covariance = (0..<(p * p)).map { gsl_matrix_get(matrix, $0 / p, $0 % p) }
            loglik = Self.logLikelihood(y, mu, theta)
            if abs(loglik - previous) <= 1e-9 * max(1, abs(loglik)) { break }
            previous = loglik
        }
        guard loglik.isFinite, beta.allSatisfy(\.isFinite) else { throw .notConverged }
        // The covariance at the final θ.
        var xtwx = Array(repeating: 0.0, count: p * p)
        for i in 0..<n {
            let weight = mu[i] / (1 + mu[i] / theta), row = rows[i]
            for j in 0..<p { for k in j..<p { xtwx[j * p + k] += weight * row[j] * row[k] } }
        }
        for j in 0..<p { for k in j..<p { gsl_matrix_set(matrix, j, k, xtwx[j * p + k]); gsl_matrix_set(matrix, k, j, xtwx[j * p + k]) } }
        if gsl_linalg_cholesky_decomp1(matrix) == GSL_SUCCESS, gsl_linalg_cholesky_invert(matrix) == GSL_SUCCESS {
            covariance = (0..<(p * p)).map { gsl_matrix_get(matrix, $0 / p, $0 % p) }
        }
        coefficients = beta
        self.covariance = covariance
        self.theta = theta
        logLikelihood = loglik
        iterations = iteration
    }

    static func means(_ rows: [[Double]], _ beta: [Double]) -> [Double] {
        rows.map { row in
            var eta = 0.0
            for j in 0..<beta.count { eta += row[j] * beta[j] }
            // Held inside what a day can hold, so that a wild step cannot overflow.
            return exp(min(max(eta, -30), 30))
        }
    }

    /// The negative-binomial log-likelihood, up to the terms in y alone; Poisson at ``poissonTheta``.
    static func logLikelihood(_ y: [Double], _ mu: [Double], _ theta: Double) -> Double {
        var total = 0.0
        if theta >= poissonTheta {
            for i in y.indices { total += y[i] * log(mu[i]) - mu[i] }
            return total
        }
        let lgTheta = gsl_sf_lngamma(theta)
        for i in y.indices {
            total += gsl_sf_lngamma(y[i] + theta) - lgTheta + theta * log(theta / (theta + mu[i])) + y[i] * log(mu[i] / (theta + mu[i]))
        }
        return total
    }

    /// θ maximising the likelihood at the means `mu`: golden-section search
    /// on log θ from 0.01 to ``poissonTheta``; the Poisson limit when the
    /// likelihood still rises there.
    /// - Complexity: O(80 × n).
    static func bestTheta(_ y: [Double], _ mu: [Double]) -> Double {
        func value(_ logTheta: Double) -> Double { logLikelihood(y, mu, exp(logTheta)) }
        var low = log(0.01), high = log(poissonTheta) - 1e-9
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = high - ratio * (high - low), b = low + ratio * (high - low)
        var fa = value(a), fb = value(b)
        for _ in 0..<80 {
            if fa < fb {
                low = a; a = b; fa = fb
                b = low + ratio * (high - low); fb = value(b)
            } else {
                high = b; b = a; fb = fa
                a = high - ratio * (high - low); fa = value(a)
            }
        }
        let best = exp((low + high) / 2)
        // Counts that vary no more than Poisson: the likelihood is flat or rising to the limit.
        return best > 1e7 || value(log(best)) <= logLikelihood(y, mu, poissonTheta) + 1e-9 ? poissonTheta : best
    }
}
