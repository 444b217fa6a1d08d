/// Waits with non-exponential service times.
public enum GeneralService {
    /// The exact M/G/1 mean wait (Pollaczek–Khinchine):
    /// Wq = ρ·E[S]·(1 + cs²) / (2(1 − ρ)), minutes.
    ///
    /// - Parameters:
    ///   - arrivalRate: arrivals per minute.
    ///   - meanServiceTime: minutes.
    ///   - squaredCoefficientOfVariation: Var[S] / E[S]²; 0 for fixed times.
    public static func pollaczekKhinchineWait(arrivalRate: Double, meanServiceTime: Double,
                                              squaredCoefficientOfVariation: Double) -> Double {
        let rho = arrivalRate * meanServiceTime
        guard rho < 1 else { return .infinity }
        return rho * meanServiceTime * (1 + squaredCoefficientOfVariation) / (2 * (1 - rho))
    }

    /// The M/G/c mean wait by the Lee–Longton (Allen–Cunneen with Poisson
    /// arrivals) approximation: the Erlang C wait times (1 + cs²) / 2, minutes.
    /// Exact for c = 1 and for exponential service.
    public static func approximateWait(arrivalRate: Double, meanServiceTime: Double, servers: Int,
                                       squaredCoefficientOfVariation: Double) -> Double {
        let markovian = ErlangC(arrivalRate: arrivalRate, meanServiceTime: meanServiceTime, servers: servers)
        return markovian.meanWait * (1 + squaredCoefficientOfVariation) / 2
    }
}
