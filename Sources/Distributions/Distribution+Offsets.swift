/// Signed offsets in minutes, such as how late a customer with an
/// appointment arrives (negative: early). Only these constructors make
/// distributions whose draws can be negative.
extension Distribution {
    /// Uniform on [min, max]; either bound may be negative.
    public static func signedUniform(min: Double, max: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.finite(min, "min", in: "uniform")
        try ParameterCheck.finite(max, "max", in: "uniform")
        let base = try uniform(min: 0, max: max - min)
        return Distribution(base.form, shift: min)
    }

    /// Triangular on [min, max] peaking at `mode`; values may be negative.
    public static func signedTriangular(min: Double, mode: Double, max: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.finite(min, "min", in: "triangular")
        try ParameterCheck.finite(mode, "mode", in: "triangular")
        try ParameterCheck.finite(max, "max", in: "triangular")
        let base = try triangular(min: 0, mode: mode - min, max: max - min)
        return Distribution(base.form, shift: min)
    }

    /// An untruncated normal; the mean may be negative.
    public static func signedNormal(mean: Double, sd: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.finite(mean, "mean", in: "normal")
        try ParameterCheck.positive(sd, "sd", in: "normal")
        return Distribution(.gaussian(mean: mean, sd: sd))
    }

    /// Always exactly `value` minutes, which may be negative.
    public static func signedDeterministic(_ value: Double) throws(DistributionError) -> Distribution {
        try ParameterCheck.finite(value, "value", in: "deterministic")
        return Distribution(.deterministic(0), shift: value)
    }
}
