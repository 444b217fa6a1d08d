internal import CGSL

/// Quantiles of Student's t distribution, from GSL.
public enum StudentT {
    private static let prepared: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// The `probability` quantile with `degreesOfFreedom` (> 0).
    /// Returns NaN for arguments outside (0, 1) or non-positive degrees.
    public static func quantile(probability: Double, degreesOfFreedom: Double) -> Double {
        _ = prepared
        guard probability > 0, probability < 1, degreesOfFreedom > 0 else { return .nan }
        return gsl_cdf_tdist_Pinv(probability, degreesOfFreedom)
    }
}
