/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A fake IOMMU driver on the framework, for the framework's own suite:
 * it records what the framework asks of the hardware and touches none.
 * Nodes "socmmu,test-fake-iommu" of the test device tree, with
 * #iommu-cells = <1> and:
 *   socmmu,contexts        contexts of the instance
 *   socmmu,table-format    instances with equal values share tables
 *   socmmu,max-id          the highest stream ID check_ids() accepts
 *   socmmu,caches-empty-l1 the instance wants walk-cache invalidations
 * and at most one clock.  "socmmu,test-fake-iommu-refused" nodes bind the
 * same driver, whose create() refuses them for socmmu,contexts = <0>.
 */
#ifndef SOCMMU_FAKE_IOMMU_H
#define SOCMMU_FAKE_IOMMU_H

#include <shim/base.h>

#include "../../iommu/core/driver_abi.h"

struct device;

#define FAKE_MAX_CONTEXTS	4

enum fake_prop {
	FAKE_PROP_CONTEXTS,
	FAKE_PROP_FORMAT,
	FAKE_PROP_MAX_ID,
	FAKE_PROP_CACHES_EMPTY_L1,
	FAKE_NR_PROPS,
};

/* What the framework asked of one context. */
struct fake_context_log {
	unsigned int programs;		/* program(), either reason */
	unsigned int resumes;		/* program(Resume) */
	bool translate;			/* the last program()'s setup */
	u64 ttb;
	u32 nids;
	u32 first_id;
	bool has_client;
	unsigned int range_flushes;	/* flush_range() */
	u64 range_start, range_end;	/* the last one's */
	unsigned int full_flushes;	/* flush_all() */
	unsigned int walk_flushes;	/* flush_walk_cache() */
	u64 walk_start, walk_end;
};

struct fake_log {
	unsigned int contexts;
	unsigned int saves, restores, check_ids;
	unsigned int end_faults;	/* end_fault() */
	bool last_handled;		/* the last one's @handled */
	struct fake_context_log ctx[FAKE_MAX_CONTEXTS];
};

KX_BEGIN_DECLS

/* socmmu_driver_info.create */
void *fake_hw_create(const struct socmmu_hw_params *params, int *err) KX_NOEXCEPT;
/* The log of the instance @iommu; -ENODEV if it is not a fake. */
int fake_iommu_log(struct device *iommu, struct fake_log *out) KX_NOEXCEPT;
void fake_iommu_clear_log(struct device *iommu) KX_NOEXCEPT;
/*
 * A fault pending on context @ctx of @iommu, which take_fault() hands to
 * the framework's IRQ path once; end_fault() terminates the stalled master
 * when it was not handled if @can_terminate, and resumes it otherwise.
 */
int fake_iommu_raise_fault(struct device *iommu, u32 ctx, u64 addr, bool write,
			   bool can_terminate) KX_NOEXCEPT;

KX_END_DECLS

#endif
