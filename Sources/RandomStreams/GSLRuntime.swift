internal import CGSL

/// Process-wide GSL set-up, done once before the first generator exists.
public enum GSLRuntime {
    /// GSL's default error handler calls `abort()`. OutletSim switches it off
    /// and checks every return value instead.
    static let prepared: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// Switches GSL's aborting error handler off, once, for code that calls
    /// GSL's special functions before any generator exists (a fit).
    public static func prepare() { _ = prepared }
}
