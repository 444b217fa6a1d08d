internal import CGSL

/// Process-wide GSL set-up, done once before the first generator exists.
enum GSLRuntime {
    /// GSL's default error handler calls `abort()`. OutletSim switches it off
    /// and checks every return value instead.
    static let prepared: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()
}
