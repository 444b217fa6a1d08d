extension Distribution: CustomStringConvertible {
    /// The distribution as a planner writes it, e.g. `gamma(mean=6, sd=3)`.
    public var description: String {
        switch form {
        case .gaussian(let mean, let sd):
            return "normal(mean=\(mean), sd=\(sd))"
        case .uniform(let min, let max) where shift != 0:
            return "uniform(min=\(min + shift), max=\(max + shift))"
        case .triangular(let min, let mode, let max) where shift != 0:
            return "triangular(min=\(min + shift), mode=\(mode + shift), max=\(max + shift))"
        case .deterministic(let value) where shift != 0:
            return "deterministic(\(value + shift))"
        case .exponential(let mean):
            return "exponential(mean=\(mean))"
        case .erlang(let phases, let mean):
            return "erlang(k=\(phases), mean=\(mean))"
        case .gamma(let shape, let scale):
            return "gamma(mean=\(shape * scale), sd=\((shape * scale * scale).squareRoot()))"
        case .lognormal:
            return "lognormal(mean=\(mean), sd=\(variance.squareRoot()))"
        case .weibull(let shape, let scale):
            return "weibull(shape=\(shape), scale=\(scale))"
        case .truncatedNormal(let mean, let sd):
            return "normal(mean=\(mean), sd=\(sd))"
        case .uniform(let min, let max):
            return "uniform(min=\(min), max=\(max))"
        case .triangular(let min, let mode, let max):
            return "triangular(min=\(min), mode=\(mode), max=\(max))"
        case .deterministic(let value):
            return "deterministic(\(value))"
        case .discrete(let table):
            return "empirical(values=\(table.values), probabilities=\(table.probabilities))"
        case .continuous(let table):
            return "empirical(points=\(table.points))"
        }
    }
}
