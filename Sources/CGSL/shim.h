// OutletSim's window onto GSL. Swift 6 cannot read GSL's generator-type
// globals (mutable C globals are not concurrency-safe), so they are reached
// through static inline functions here.
#ifndef OUTLETSIM_CGSL_SHIM_H
#define OUTLETSIM_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_psi.h>
#include <gsl/gsl_linalg.h>

/// L'Ecuyer's maximally equidistributed combined Tausworthe generator
/// (period 2^88): OutletSim's default, cheap to seed and to draw from.
static inline const gsl_rng_type *outletsim_gsl_rng_taus2(void) {
    return gsl_rng_taus2;
}

/// The Mersenne Twister MT19937 generator type.
static inline const gsl_rng_type *outletsim_gsl_rng_mt19937(void) {
    return gsl_rng_mt19937;
}

#endif
