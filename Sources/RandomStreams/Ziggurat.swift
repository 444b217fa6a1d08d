internal import CGSL
#if canImport(Glibc)
import Glibc
#endif

/// GSL's standard normal by the ziggurat method (`gsl_ran_gaussian_ziggurat`,
/// Marsaglia and Tsang's method as GSL writes it), made inline on a taus2
/// state for the draws that take its fast path, and by GSL for the rest.
///
/// Why: GSL's gamma sampler, which every gamma and Erlang service or
/// patience time goes through, starts each try with this normal, and
/// through GSL each is a call, then a call by function pointer for the
/// 32-bit word. The word's low 7 bits pick one of 128 strips, bit 8 the
/// sign, the next 24 bits a position j. When j is below the strip's bound
/// k, the normal is j times the strip's width w: about 98% of draws.
///
/// The strips' k and w are GSL's own, read from GSL by feeding its
/// ziggurat chosen words through a generator of ours (``probedStrips``),
/// so no table is copied and none is computed differently. For any other
/// draw the state words are put back and GSL draws the normal itself,
/// from the same word on: the numbers cannot differ from GSL's.
@usableFromInline
enum Ziggurat {
    /// One strip: the bound on j below which a draw is j × `width`.
    @usableFromInline
    struct Strip {
        @usableFromInline var bound: UInt32
        @usableFromInline var width: Double
    }

    /// The 128 strips, read from this process's GSL; nil when reading them
    /// failed, or when the inline normal or gamma differ from GSL's on
    /// generators of their own (then banks call GSL).
    ///
    /// Built once; the storage is never freed, and never written after.
    nonisolated(unsafe) static let strips: UnsafePointer<Strip>? = {
        _ = GSLRuntime.prepared
        guard Taus2.matchesGSL, let strips = probedStrips() else { return nil }
        guard MarsagliaTsang.matchesGSL(strips) else {
            strips.deallocate()
            return nil
        }
        return UnsafePointer(strips)
    }()

    /// A standard normal draw on `state`, GSL's generator `rng` (whose state
    /// `state` is) finishing the draws off the fast path.
    ///
    /// - Complexity: O(1) expected.
    @inline(__always)
    static func standardNormal(_ state: UnsafeMutablePointer<UInt>, _ rng: UnsafeMutablePointer<gsl_rng>,
                               _ strips: UnsafePointer<Strip>) -> Double {
        let saved = (state[0], state[1], state[2])
        let word = Taus2.next(state)
        let strip = Int(word & 0x7F)
        let position = (word &>> 8) & 0xFF_FFFF
        if position < strips[strip].bound {
            // GSL's sign · σ · x with σ = 1, in its order.
            let sign: Double = word & 0x80 != 0 ? 1 : -1
            return sign * (Double(position) * strips[strip].width)
        }
        state[0] = saved.0
        state[1] = saved.1
        state[2] = saved.2
        return gsl_ran_gaussian_ziggurat(rng, 1.0)
    }

    /// What the probe generator hands GSL's ziggurat, and what it was asked for.
    private struct Probe {
        /// The first 32-bit word of a draw.
        var first: UInt32 = 0
        /// Calls for a word, and for a uniform double.
        var words = 0
        var doubles = 0
    }

    /// GSL's strips, read by drawing normals from a generator of ours. Its
    /// first word of each draw is chosen; its later words have j = 0 in
    /// strip after strip, so a draw that leaves the fast path ends on it;
    /// its doubles are ½.
    /// - A strip's bound k is the smallest j whose draw asks for more than
    ///   its first word (a binary search over the 24 bits).
    /// - Its width w is the draw at j = 1 (exactly 1 × w) when k > 1;
    ///   otherwise only j = 0 is on the fast path, where w is not used.
    ///
    /// - Complexity: O(128 × 25) normal draws.
    static func probedStrips() -> UnsafeMutablePointer<Strip>? {
        guard let name = "outletsim-ziggurat-probe".withCString({ strdup($0) }) else { return nil }
        defer { free(name) }
        var type = gsl_rng_type(
            name: UnsafePointer(name), max: 0xFFFF_FFFF, min: 0, size: MemoryLayout<Probe>.stride,
            set: { state, _ in
                state?.assumingMemoryBound(to: Probe.self).pointee = Probe()
            },
            get: { state in
                guard let probe = state?.assumingMemoryBound(to: Probe.self) else { return 0 }
                probe.pointee.words += 1
                if probe.pointee.words == 1 { return UInt(probe.pointee.first) }
                return UInt(probe.pointee.words & 0x7F)
            },
            get_double: { state in
                state?.assumingMemoryBound(to: Probe.self).pointee.doubles += 1
                return 0.5
            })
        return withUnsafePointer(to: &type) { type -> UnsafeMutablePointer<Strip>? in
            guard let rng = gsl_rng_alloc(type) else { return nil }
            defer { gsl_rng_free(rng) }
            let probe = rng.pointee.state.assumingMemoryBound(to: Probe.self)
            /// Draws with `first` as the first word: the normal, and whether it took the fast path.
            func draw(_ first: UInt32) -> (Double, Bool) {
                probe.pointee = Probe(first: first)
                let normal = gsl_ran_gaussian_ziggurat(rng, 1.0)
                return (normal, probe.pointee.words == 1 && probe.pointee.doubles == 0)
            }
            let strips = UnsafeMutablePointer<Strip>.allocate(capacity: 128)
            for strip in 0..<128 {
                let word = { (position: UInt32) in position &<< 8 | 0x80 | UInt32(strip) }
                var low: UInt32 = 0, high: UInt32 = 1 << 24
                while low < high {
                    let middle = low + (high - low) / 2
                    if draw(word(middle)).1 { low = middle + 1 } else { high = middle }
                }
                let (atOne, fast) = draw(word(1))
                let width = low > 1 && fast ? atOne : 0
                (strips + strip).initialize(to: Strip(bound: low, width: width))
            }
            return strips
        }
    }
}
