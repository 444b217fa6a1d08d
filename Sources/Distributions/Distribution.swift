/// A validated probability distribution of a duration in minutes, stated the
/// way planners state it (a mean and a standard deviation rather than GSL's
/// shape and scale).
///
/// Values exist only through the throwing constructors in
/// `Distribution+Constructors.swift`, so every `Distribution` is valid and
/// its samples are finite and non-negative. Sampling is a switch over a
/// small enum: no existentials, no allocation.
public struct Distribution: Sendable, Equatable {
    /// The parameters in the form the sampler uses.
    @usableFromInline
    enum Form: Sendable, Equatable {
        case exponential(mean: Double)
        case erlang(phases: Int, mean: Double)
        case gamma(shape: Double, scale: Double)
        case lognormal(zeta: Double, sigma: Double)
        case weibull(shape: Double, scale: Double)
        /// Normal(mean, sd) conditioned on being >= 0.
        case truncatedNormal(mean: Double, sd: Double)
        case uniform(min: Double, max: Double)
        case triangular(min: Double, mode: Double, max: Double)
        case deterministic(Double)
        case discrete(DiscreteTable)
        case continuous(ContinuousTable)
        /// An untruncated normal, for signed offsets only.
        case gaussian(mean: Double, sd: Double)
    }

    @usableFromInline let form: Form
    /// Minutes added to every draw; non-zero only for signed offsets such as
    /// an appointment's lateness, where negative means early.
    @usableFromInline let shift: Double

    @usableFromInline
    init(_ form: Form, shift: Double = 0) {
        self.form = form
        self.shift = shift
    }

    /// Whether draws can be negative (signed offsets only).
    public var isSigned: Bool {
        if shift < 0 { return true }
        if case .gaussian = form { return true }
        return false
    }
}
