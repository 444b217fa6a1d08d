// Public so that `sample` can be inlined into the engines: called across
// modules it was opaque, and each caller copied the distribution (retaining
// an empirical table's arrays) for every draw; inlined, the switch reads the
// parameters in place. Clients still see none of GSL unless they import it.
public import CGSL
import RandomStreams
#if canImport(Glibc)
import Glibc
#endif

extension Distribution {
    /// One draw, in minutes, from `stream` of `bank`.
    ///
    /// - Complexity: O(1); the truncated normal redraws with probability at
    ///   most 1/2 per attempt.
    @inlinable @inline(__always)
    public func sample(from bank: borrowing RandomStreamBank, stream: StreamIndex) -> Double {
        let drawn = draw(bank, stream)
        if drawIsVariate { return drawn }
        let value = Self.bounded(drawn)
        return shift == 0 ? value : shift + value
    }

    /// A draw kept within ±``ParameterCheck/largestTime`` minutes (NaN as 0):
    /// heavy tails (a Weibull of tiny shape, a lognormal of huge spread) can
    /// overflow to infinity, and every time in a day must stay finite.
    @inlinable @inline(__always)
    static func bounded(_ value: Double) -> Double {
        if value > ParameterCheck.largestTime { return ParameterCheck.largestTime }
        if value >= -ParameterCheck.largestTime { return value }
        return value.isNaN ? 0 : -ParameterCheck.largestTime
    }

    @inlinable @inline(__always)
    func draw(_ bank: borrowing RandomStreamBank, _ stream: StreamIndex) -> Double {
        let rng = UnsafeMutablePointer<gsl_rng>(bank.generator(stream))
        switch form {
        case .exponential(let mean):
            // GSL's gsl_ran_exponential (inversion) on the bank's inline draw.
            return -mean * log1p(-bank.uniformFromZero(stream))
        case .erlang(let phases, let mean):
            return bank.gamma(stream, shape: Double(phases), scale: mean / Double(phases))
        case .gamma(let shape, let scale):
            return bank.gamma(stream, shape: shape, scale: scale)
        case .lognormal(let zeta, let sigma):
            return gsl_ran_lognormal(rng, zeta, sigma)
        case .weibull(let shape, let scale):
            return gsl_ran_weibull(rng, scale, shape)
        case .truncatedNormal(let mean, let sd):
            // GSL's Gaussian tail above -mean; for -mean/sd < 1 it redraws
            // plain Gaussians until one lands in the tail.
            return mean + gsl_ran_gaussian_tail(rng, -mean, sd)
        case .uniform(let min, let max):
            return min + (max - min) * bank.uniformFromZero(stream)
        case .triangular(let min, let mode, let max):
            let u = bank.uniformFromZero(stream)
            let split = (mode - min) / (max - min)
            return u < split
                ? min + ((max - min) * (mode - min) * u).squareRoot()
                : max - ((max - min) * (max - mode) * (1 - u)).squareRoot()
        case .deterministic(let value):
            return value
        case .discrete(let table):
            return table.value(for: bank.uniformFromZero(stream))
        case .continuous(let table):
            return table.value(for: bank.uniformFromZero(stream))
        case .gaussian(let mean, let sd):
            return mean + gsl_ran_gaussian(rng, sd)
        }
    }
}
