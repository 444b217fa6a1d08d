internal import CGSL

/// taus2 draws made inline: L'Ecuyer's maximally equidistributed combined
/// Tausworthe generator (Math. Comp. 65, 1996), on the three 32-bit
/// components GSL keeps for a taus2 generator, each in an `unsigned long`.
///
/// Through GSL, every uniform draw is two calls by function pointer
/// (`gsl_rng_uniform`, then the type's `get_double`); a customer makes a
/// dozen. Made here they are a few shifts, with the same numbers: the
/// state is GSL's own, so GSL's samplers (gamma, lognormal) continue the
/// same stream. The layout is GSL's private one, so each process checks
/// once (``matchesGSL``) before any bank uses it; with a GSL that differs,
/// banks call GSL.
@usableFromInline
enum Taus2 {
    /// The next 32-bit output, as GSL's `gsl_rng_get` (taus2's smallest output is 0).
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    static func next(_ state: UnsafeMutablePointer<UInt>) -> UInt32 {
        var s1 = UInt32(truncatingIfNeeded: state[0])
        var s2 = UInt32(truncatingIfNeeded: state[1])
        var s3 = UInt32(truncatingIfNeeded: state[2])
        s1 = ((s1 & 0xFFFF_FFFE) &<< 12) ^ (((s1 &<< 13) ^ s1) &>> 19)
        s2 = ((s2 & 0xFFFF_FFF8) &<< 4) ^ (((s2 &<< 2) ^ s2) &>> 25)
        s3 = ((s3 & 0xFFFF_FFF0) &<< 17) ^ (((s3 &<< 3) ^ s3) &>> 11)
        state[0] = UInt(s1)
        state[1] = UInt(s2)
        state[2] = UInt(s3)
        return s1 ^ s2 ^ s3
    }

    /// The next draw on [0, 1): the 32-bit output divided by 2^32, as GSL's `gsl_rng_uniform`.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    static func uniform(_ state: UnsafeMutablePointer<UInt>) -> Double {
        Double(next(state)) / 4_294_967_296.0
    }

    /// The next draw on (0, 1), drawing again on 0, as GSL's `gsl_rng_uniform_pos`.
    ///
    /// - Complexity: O(1) expected.
    @inlinable @inline(__always)
    static func uniformPositive(_ state: UnsafeMutablePointer<UInt>) -> Double {
        var draw = uniform(state)
        while draw == 0 { draw = uniform(state) }
        return draw
    }

    /// The state words of a taus2 generator (read only when ``matchesGSL``).
    ///
    /// - Complexity: O(1).
    static func state(of rng: UnsafeMutablePointer<gsl_rng>) -> UnsafeMutablePointer<UInt> {
        rng.pointee.state.assumingMemoryBound(to: UInt.self)
    }

    /// Seeds tried, each for ``drawsPerSeed`` draws: GSL's default seed, small and large seeds, and all ones.
    static let seeds: [UInt] = [0, 1, 2, 12_345, 0x9E37_79B9, 0xFFFF_FFFF]
    static let drawsPerSeed = 1_000

    /// Whether ``uniform(_:)`` reproduces this GSL's taus2 draws bit for bit, on generators of its own.
    static let matchesGSL: Bool = {
        _ = GSLRuntime.prepared
        guard let ours = gsl_rng_alloc(outletsim_gsl_rng_taus2()) else { return false }
        defer { gsl_rng_free(ours) }
        guard let theirs = gsl_rng_alloc(outletsim_gsl_rng_taus2()) else { return false }
        defer { gsl_rng_free(theirs) }
        // GSL's taus2 state is three unsigned longs; anything smaller cannot be it.
        guard gsl_rng_size(ours) >= 3 * MemoryLayout<UInt>.size else { return false }
        let state = Self.state(of: ours)
        for seed in seeds {
            gsl_rng_set(ours, seed)
            gsl_rng_set(theirs, seed)
            for _ in 0..<drawsPerSeed where uniform(state).bitPattern != gsl_rng_uniform(theirs).bitPattern {
                return false
            }
        }
        return true
    }()
}
