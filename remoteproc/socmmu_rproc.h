/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the simulated remote processor's driver (socmmu_rproc.ko) tells its
 * tests, besides the remoteproc core's own state.  See
 * Documentation/remoteproc.rst.
 */
#ifndef SOCMMU_RPROC_H
#define SOCMMU_RPROC_H

#include <linux/types.h>

struct device_node;
struct rproc;

struct socmmu_rproc_stats {
	u64 kicks;		/* mailbox messages to the core */
	u64 vq_interrupts;	/* mailbox messages from it, handed to the vrings */
	u64 iommu_faults;	/* faults of the core reported by its IOMMU */
	u64 stray_faults;	/* ... while the core was not running */
	u64 halts;		/* the core said it halted */
	u64 crashes;		/* rproc_report_crash() calls */
	int last_crash;		/* enum rproc_crash_type of the last, or -1 */
	u32 last_fault_iova;
	u32 last_halt_error;
	u32 last_halt_addr;
	u64 suspends;		/* runtime suspends with the core running */
	u64 suspend_busy;	/* ... refused: the core was not idle */
	u64 warm_resumes;
	bool shm_declared;	/* the shared memory is declared now */
	u64 shm_iova;		/* where it is (0 if not declared) */
	u64 shm_phys;
	u64 shm_size;
};

/*
 * The remote processor of @np's device, if this driver drives it, with a
 * reference on its device (put_device(&rproc->dev) when done); else NULL.
 */
struct rproc *socmmu_rproc_get(struct device_node *np);

/* @rproc's driver counters: 0, or -ENODEV if @rproc is not ours. */
int socmmu_rproc_get_stats(struct rproc *rproc, struct socmmu_rproc_stats *out);

#endif
