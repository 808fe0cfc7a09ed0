/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What crosses between the IOMMU framework's C shims, its C++ core and a
 * hardware driver's C++ code: plain types only, readable from C and C++.
 * See Documentation/iommu-framework.rst.
 */
#ifndef SOCMMU_IOMMU_DRIVER_ABI_H
#define SOCMMU_IOMMU_DRIVER_ABI_H

#include <shim/base.h>

struct device;
struct kx_iomem;
struct socmmu_inst;

/* A property a driver's binding has, read by the framework at probe. */
enum socmmu_dt_kind {
	SOCMMU_DT_U32,		/* one u32 */
	SOCMMU_DT_FLAG,		/* present or not */
	SOCMMU_DT_SYSCON,	/* <&syscon arg...>: a regmap and its arguments */
};

#define SOCMMU_DT_MAX_CELLS	4

/* What the framework found for one property of the driver's table. */
struct socmmu_dt_value {
	bool present;
	/* SOCMMU_DT_U32: cells[0]; SOCMMU_DT_SYSCON: the arguments after the phandle. */
	u32 ncells;
	u32 cells[SOCMMU_DT_MAX_CELLS];
	/* SOCMMU_DT_SYSCON: the regmap, or NULL with the lookup's errno in @err. */
	void *syscon;
	int err;
};

/* The most interrupts and clocks an instance may have. */
#define SOCMMU_MAX_IRQS		4
#define SOCMMU_MAX_CLOCKS	4

/* Everything a driver's create() gets for one instance. */
struct socmmu_hw_params {
	struct device *dev;		/* the IOMMU instance itself */
	struct socmmu_inst *inst;	/* for the framework's services */
	struct kx_iomem *base;		/* register window 0 */
	u64 size;			/* its length */
	unsigned long variant;		/* the matched compatible's data */
	const struct socmmu_dt_value *props;	/* in the driver's table order */
	unsigned int nprops;
	const char *const *clocks;	/* the clock-names the node gives */
	unsigned int nclocks;
	unsigned int nirqs;
};

/* report_iommu_fault() flags: IOMMU_FAULT_READ/WRITE, checked in the shim. */
#define SOCMMU_FAULT_READ	0x0
#define SOCMMU_FAULT_WRITE	0x1

/* What the framework did to an instance, for debugfs and tests. */
struct socmmu_iommu_stats {
	u64 entry_flushes;	/* single-entry TLB invalidations */
	u64 range_flushes;	/* range TLB invalidations */
	u64 full_flushes;	/* whole-TLB invalidations */
	u64 walk_cache_flushes;	/* invalidations after a map (L1 caches) */
	u64 skipped_off;	/* invalidations skipped: instance powered off */
	u64 flush_errors;	/* invalidations the hardware failed to confirm */
	u64 saved_entries;	/* TLB entries saved at the last suspend */
	u64 programs;		/* contexts programmed (attach, resume) */
	u64 faults;		/* faults taken by the IRQ handler */
	u64 unhandled_faults;	/* of those, no handler or the handler refused */
	u64 resumed;		/* stalled masters let go (retry) */
	u64 terminated;		/* stalled masters given an error */
	/*
	 * Lines about unhandled faults: printed, and dropped by the
	 * per-instance rate limit; their sum is unhandled_faults, so a storm
	 * is counted exactly however little of it reaches the log.
	 */
	u64 fault_lines;
	u64 fault_lines_dropped;
	u64 suspend_faults;	/* faults taken at runtime suspend, before power went */
};

#endif
