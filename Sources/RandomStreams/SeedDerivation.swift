/// Derives a generator seed from (seed, replication, purpose).
///
/// The derivation is fixed by this file, not by Swift's per-process `Hasher`,
/// so a seed means the same numbers on every machine and in every release:
/// FNV-1a over the purpose's UTF-8 bytes, then SplitMix64 finalisation of the
/// three parts in turn.
public enum SeedDerivation {
    /// The 64-bit seed of the stream for `purpose` in `replication` of a run
    /// started with `seed`.
    ///
    /// - Complexity: O(*n*) in the length of the purpose's name.
    public static func streamSeed(seed: UInt64, replication: Int, purpose: StreamPurpose) -> UInt64 {
        streamSeed(seed: seed, replication: replication, purposeHash: fnv1a(purpose.name))
    }

    /// The same seed from the purpose's name already hashed (``fnv1a(_:)``):
    /// a bank reseeds every stream for every day, and hashing the names
    /// again each time cost more than the reseeding.
    ///
    /// - Complexity: O(1).
    public static func streamSeed(seed: UInt64, replication: Int, purposeHash: UInt64) -> UInt64 {
        var state = mix(seed ^ 0x4F75_746C_6574_5369)  // "OutletSi"
        state = mix(state ^ UInt64(truncatingIfNeeded: replication))
        state = mix(state ^ purposeHash)
        return state
    }

    /// The SplitMix64 finaliser: a bijection on 64-bit words that spreads
    /// every input bit over the output.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
