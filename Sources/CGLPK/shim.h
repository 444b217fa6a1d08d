// OutletSim's window onto GLPK, the GNU Linear Programming Kit (Debian's
// libglpk-dev), which solves the shift-covering integer programs. Only the
// ShiftCovering module imports it.
#ifndef OUTLETSIM_CGLPK_SHIM_H
#define OUTLETSIM_CGLPK_SHIM_H

#include <glpk.h>

#endif
