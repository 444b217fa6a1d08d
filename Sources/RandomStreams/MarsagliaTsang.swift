// Public: the bank's inlinable gamma passes GSL's generator through.
public import CGSL
#if canImport(Glibc)
import Glibc
#endif

/// GSL's gamma sampler (`gsl_ran_gamma`: Marsaglia and Tsang's method,
/// ACM TOMS 26, 2000), made on a taus2 state with the inline draws
/// (``Taus2``, ``Ziggurat``) in GSL's order and with GSL's arithmetic, so
/// the numbers are GSL's.
///
/// Why: a weekday customer draws two gammas (patience and most service
/// times); through GSL each was a call, a call for the normal and calls by
/// function pointer for every word, about 170 instructions.
///
/// The method: with d = a − ⅓ and c = ⅓ / √d, draw a normal x until
/// v = 1 + c·x is positive; with v³ and a uniform u, accept when
/// u < 1 − 0.0331·x⁴ (the squeeze) or log u < x²/2 + d·(1 − v³ + log v³);
/// the variate is b·d·v³. For a < 1, a uniform u is drawn first and the
/// variate is gamma(1 + a, b) · u^(1/a).
@usableFromInline
enum MarsagliaTsang {
    /// A gamma variate of `shape` a and `scale` b, drawn on `state`, GSL's
    /// generator `rng` (whose state `state` is) finishing the normals off
    /// the ziggurat's fast path.
    ///
    /// Out of line: it is one call at each of the engine's sampling sites.
    ///
    /// - Complexity: O(1) expected (about 1.02 tries for a ≥ 1).
    @usableFromInline @inline(never)
    static func gamma(_ state: UnsafeMutablePointer<UInt>, _ rng: UnsafeMutablePointer<gsl_rng>,
                      _ strips: UnsafePointer<Ziggurat.Strip>, shape a: Double, scale b: Double) -> Double {
        if a < 1 {
            let u = Taus2.uniformPositive(state)
            return gamma(state, rng, strips, shape: 1.0 + a, scale: b) * pow(u, 1.0 / a)
        }
        let d = a - 1.0 / 3.0
        let c = (1.0 / 3.0) / d.squareRoot()
        var x = 0.0, v = 0.0
        while true {
            repeat {
                x = Ziggurat.standardNormal(state, rng, strips)
                v = 1.0 + c * x
            } while v <= 0
            v = v * v * v
            let u = Taus2.uniformPositive(state)
            if u < 1 - 0.0331 * x * x * x * x { break }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { break }
        }
        return b * d * v
    }

    /// Shapes tried by ``matchesGSL(_:)``: below 1, at 1, the engine's
    /// usual few, and one large; each for ``drawsPerShape`` draws on each
    /// of ``Taus2/seeds``.
    static let shapes: [Double] = [0.3, 1, 2.25, 4, 9, 120]
    static let drawsPerShape = 200

    /// Whether the inline normal and gamma reproduce GSL's bit for bit, on
    /// generators of their own, with `strips` as read from GSL.
    ///
    /// - Complexity: O(seeds × (shapes + 1) × draws).
    static func matchesGSL(_ strips: UnsafePointer<Ziggurat.Strip>) -> Bool {
        guard let ours = gsl_rng_alloc(outletsim_gsl_rng_taus2()) else { return false }
        defer { gsl_rng_free(ours) }
        guard let theirs = gsl_rng_alloc(outletsim_gsl_rng_taus2()) else { return false }
        defer { gsl_rng_free(theirs) }
        let state = Taus2.state(of: ours)
        for seed in Taus2.seeds {
            gsl_rng_set(ours, seed)
            gsl_rng_set(theirs, seed)
            for _ in 0..<drawsPerShape * 4 {
                let normal = Ziggurat.standardNormal(state, ours, strips)
                guard normal.bitPattern == gsl_ran_gaussian_ziggurat(theirs, 1.0).bitPattern else { return false }
            }
            for shape in shapes {
                for _ in 0..<drawsPerShape {
                    let variate = gamma(state, ours, strips, shape: shape, scale: 1.5)
                    guard variate.bitPattern == gsl_ran_gamma(theirs, shape, 1.5).bitPattern else { return false }
                }
            }
        }
        return true
    }
}
