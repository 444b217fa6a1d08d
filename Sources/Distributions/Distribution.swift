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

    /// Whether a draw is the variate itself: no shift, and a form whose
    /// draws cannot leave ±``ParameterCheck/largestTime`` (bounded, by
    /// construction, within half of it), so ``bounded(_:)`` would return
    /// them unchanged. Decided once here rather than tested in every draw.
    @usableFromInline let drawIsVariate: Bool

    /// Inlinable, as before the flag was added: the engine's unit
    /// exponential for arrivals is built where it is drawn, and folds to
    /// the exponential's inversion only when this can be seen through.
    @inlinable
    init(_ form: Form, shift: Double = 0) {
        self.form = form
        self.shift = shift
        drawIsVariate = shift == 0 && Self.staysWellInRange(form)
    }

    /// Whether every draw of `form` lies within ±½ ``ParameterCheck/largestTime``.
    @inlinable
    static func staysWellInRange(_ form: Form) -> Bool {
        let half = ParameterCheck.largestTime / 2
        func inRange(_ values: Double...) -> Bool { values.allSatisfy { abs($0) <= half } }
        switch form {
        case .uniform(let min, let max): return inRange(min, max)
        case .triangular(let min, let mode, let max): return inRange(min, mode, max) && min <= mode && mode <= max
        case .deterministic(let value): return inRange(value)
        case .discrete(let table): return table.values.allSatisfy { inRange($0) }
        case .continuous(let table): return table.points.allSatisfy { inRange($0) }
        case .exponential, .erlang, .gamma, .lognormal, .weibull, .truncatedNormal, .gaussian: return false
        }
    }

    /// Whether draws can be negative (signed offsets only).
    public var isSigned: Bool {
        if shift < 0 { return true }
        if case .gaussian = form { return true }
        return false
    }
}
