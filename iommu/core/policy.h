/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The framework's limits and the messages that explain refusals: each
 * fact in one place, used by the core and checked by its suite.
 */
#ifndef SOCMMU_IOMMU_POLICY_H
#define SOCMMU_IOMMU_POLICY_H

#include <kcxx/errno.h>
#include <kcxx/types.h>

#include "core_abi.h"

namespace socmmu {

/*
 * "iommus" entries one client may list, all instances together: mainline's
 * APQ8064 GPU lists 64 (MIDs 0..31 on each of its two IOMMUs).
 */
inline constexpr u32 kMaxEndpoints = 64;
static_assert(kMaxEndpoints == SOCMMU_MAX_ENDPOINTS, "core_abi.h says the same");

/* Why a map failed, for the one line that reports it. */
constexpr const char *map_error_text(int err)
{
	switch (err) {
	case -kcxx::EEXIST:
		return "overlaps a mapping";
	case -kcxx::ERANGE:
		return "outside the aperture or the physical address space";
	case -kcxx::EINVAL:
		return "bad page size or alignment";
	case -kcxx::ENOMEM:
		return "out of memory";
	case -kcxx::ENODEV:
		return "domain not attached to any IOMMU yet";
	default:
		return "failed";
	}
}

} // namespace socmmu

#endif
