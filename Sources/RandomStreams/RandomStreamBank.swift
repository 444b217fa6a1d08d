// Public so that draws can be inlined into the engines (as Distributions
// does): clients still see none of GSL unless they import it.
public import CGSL

/// The position of one stream in a ``RandomStreamBank``.
public struct StreamIndex: Hashable, Sendable {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
}

/// Why a bank of random streams could not be made.
public enum RandomStreamError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two streams were asked for the same purpose; they would share numbers.
    case duplicatePurpose(String)
    /// GSL could not allocate a generator (out of memory).
    case allocationFailed(purpose: String)

    public var description: String {
        switch self {
        case .duplicatePurpose(let name):
            "the random stream purpose '\(name)' is listed twice; every purpose needs its own stream"
        case .allocationFailed(let name):
            "GSL could not allocate a random number generator for '\(name)'"
        }
    }
}

/// The GSL generator behind every stream.
public enum GeneratorKind: String, Sendable, CaseIterable {
    /// L'Ecuyer's combined Tausworthe `taus2` (period 2^88): seeding takes
    /// about 15 ns and a draw about 5 ns, which matters when every simulated
    /// day reseeds dozens of streams for a few hundred customers.
    case taus2
    /// The Mersenne Twister MT19937 (period 2^19937 − 1); seeding takes
    /// about 1 µs and a draw about 10 ns.
    case mt19937
}

/// One GSL generator per purpose, all seeded from (seed, replication, purpose).
///
/// The bank owns its generators and frees them when it goes away, so it is
/// non-copyable: an engine holds it by value and draws from it without
/// reference counting. Draws go through `uniform(_:)` here or through
/// `Distribution.sample(from:stream:)`.
///
/// Both generators take a 32-bit seed, so the 64-bit derived seed is folded
/// to 32 bits; a fold of zero (which GSL would turn into its default seed)
/// is replaced by a fixed non-zero word.
public struct RandomStreamBank: ~Copyable {
    @usableFromInline let generators: UnsafeMutablePointer<OpaquePointer>
    /// The purposes in stream order; `purposes[i]` is stream `StreamIndex(i)`.
    public let purposes: [StreamPurpose]
    /// Each purpose's name hashed for its seed, once.
    let purposeHashes: [UInt64]
    public let generatorKind: GeneratorKind
    /// taus2 draws are made here, inline (``Taus2``), rather than by
    /// GSL through two calls by function pointer; the numbers are the same.
    @usableFromInline let drawsInline: Bool
    /// Each generator's state words, for the inline draws.
    @usableFromInline let states: UnsafeMutablePointer<UnsafeMutablePointer<UInt>>
    /// GSL's ziggurat strips when gammas are drawn inline too
    /// (``MarsagliaTsang``); nil when GSL draws them.
    @usableFromInline let gammaStrips: UnsafePointer<Ziggurat.Strip>?

    /// Creates one stream per purpose, seeded for `replication` of a run
    /// started with `seed`.
    ///
    /// - Complexity: O(*n*) generator initialisations.
    public init(seed: UInt64, replication: Int, purposes: [StreamPurpose],
                generator: GeneratorKind = .taus2) throws(RandomStreamError) {
        _ = GSLRuntime.prepared
        var seen = Set<StreamPurpose>()
        for purpose in purposes where !seen.insert(purpose).inserted {
            throw .duplicatePurpose(purpose.name)
        }
        let generators = UnsafeMutablePointer<OpaquePointer>.allocate(capacity: max(purposes.count, 1))
        for (position, purpose) in purposes.enumerated() {
            let type = generator == .taus2 ? outletsim_gsl_rng_taus2() : outletsim_gsl_rng_mt19937()
            guard let rng = gsl_rng_alloc(type) else {
                for earlier in 0..<position { gsl_rng_free(Self.rng(generators[earlier])) }
                generators.deallocate()
                throw .allocationFailed(purpose: purpose.name)
            }
            (generators + position).initialize(to: OpaquePointer(rng))
        }
        self.generators = generators
        let states = UnsafeMutablePointer<UnsafeMutablePointer<UInt>>.allocate(capacity: max(purposes.count, 1))
        for position in purposes.indices {
            (states + position).initialize(to: Taus2.state(of: Self.rng(generators[position])))
        }
        self.states = states
        self.purposes = purposes
        purposeHashes = purposes.map { SeedDerivation.fnv1a($0.name) }
        self.generatorKind = generator
        drawsInline = generator == .taus2 && Taus2.matchesGSL
        gammaStrips = drawsInline ? Ziggurat.strips : nil
        reseed(seed: seed, replication: replication)
    }

    deinit {
        for position in purposes.indices { gsl_rng_free(Self.rng(generators[position])) }
        generators.deallocate()
        states.deallocate()
    }

    /// Number of streams.
    public var count: Int { purposes.count }

    /// The stream serving `purpose`, if the bank has one.
    ///
    /// - Complexity: O(*n*); look indices up once, before the event loop.
    public func index(of purpose: StreamPurpose) -> StreamIndex? {
        purposes.firstIndex(of: purpose).map(StreamIndex.init)
    }

    /// Reseeds every stream for another replication, reusing the generators.
    ///
    /// - Complexity: O(*n*) generator initialisations.
    public func reseed(seed: UInt64, replication: Int) {
        for (position, hash) in purposeHashes.enumerated() {
            let derived = SeedDerivation.streamSeed(seed: seed, replication: replication, purposeHash: hash)
            gsl_rng_set(Self.rng(generators[position]), UInt(Self.generatorSeed(from: derived)))
        }
    }

    /// The 32-bit generator seed used for a derived 64-bit stream seed.
    public static func generatorSeed(from derived: UInt64) -> UInt32 {
        let folded = UInt32(truncatingIfNeeded: derived ^ (derived >> 32))
        return folded == 0 ? 0x9E37_79B9 : folded
    }

    /// A uniform draw from the open interval (0, 1) on `stream`: GSL's
    /// `gsl_rng_uniform_pos`.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public func uniform(_ stream: StreamIndex) -> Double {
        if drawsInline { return Taus2.uniformPositive(states[stream.rawValue]) }
        return gsl_rng_uniform_pos(UnsafeMutablePointer<gsl_rng>(generators[stream.rawValue]))
    }

    /// A uniform draw from [0, 1) on `stream`: GSL's `gsl_rng_uniform`,
    /// which GSL's own samplers (the exponential's inversion) start from.
    ///
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    package func uniformFromZero(_ stream: StreamIndex) -> Double {
        if drawsInline { return Taus2.uniform(states[stream.rawValue]) }
        return gsl_rng_uniform(UnsafeMutablePointer<gsl_rng>(generators[stream.rawValue]))
    }

    /// A gamma variate of `shape` and `scale` on `stream`: GSL's `gsl_ran_gamma`.
    ///
    /// - Complexity: O(1) expected.
    @inlinable @inline(__always)
    package func gamma(_ stream: StreamIndex, shape: Double, scale: Double) -> Double {
        let rng = UnsafeMutablePointer<gsl_rng>(generators[stream.rawValue])
        if let strips = gammaStrips {
            return MarsagliaTsang.gamma(states[stream.rawValue], rng, strips, shape: shape, scale: scale)
        }
        return gsl_ran_gamma(rng, shape, scale)
    }

    @inline(__always)
    static func rng(_ pointer: OpaquePointer) -> UnsafeMutablePointer<gsl_rng> {
        UnsafeMutablePointer<gsl_rng>(pointer)
    }

    /// The raw GSL generator behind `stream`, for the sibling modules that
    /// turn it into variates. Never exposed outside the package.
    @inlinable @inline(__always)
    package func generator(_ stream: StreamIndex) -> OpaquePointer {
        generators[stream.rawValue]
    }
}
