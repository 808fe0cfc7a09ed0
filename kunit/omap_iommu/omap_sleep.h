/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The OMAP IOMMU driver across a real system sleep cycle, in two modules
 * around the harness's "!sleep" (kunit/modules.list): a suite cannot
 * suspend the system it runs in (it runs inside finit_module, and the
 * loader waits there unfreezably).
 *
 * socmmu_omap_sleep_prep (suite omap_sleep_prep) binds the DSP client
 * (two MMU instances), keeps it runtime-active, attaches a paging domain
 * and leaves the state below for socmmu_omap_sleep_check (suite
 * omap_sleep_check), loaded after the sleep, whose last case releases it
 * all (omap_sleep_release()): detach, free the domain, unbind the client.
 */
#ifndef SOCMMU_OMAP_SLEEP_H
#define SOCMMU_OMAP_SLEEP_H

#include <linux/atomic.h>
#include <linux/types.h>

struct device;
struct iommu_domain;
struct omap_model;

/* The DSP's MMU instances, in the client's "iommus" order. */
#define OMAP_SLEEP_NR_MMUS	2

/* Mapped through the page table: reads return the mapped page. */
#define OMAP_SLEEP_IOVA_MAPPED	0x18000000u
/* Mapped, read through both TLBs, then unmapped and flushed. */
#define OMAP_SLEEP_IOVA_UNMAPPED 0x18100000u
/* In no table: only a locked TLB entry on each instance translates it. */
#define OMAP_SLEEP_IOVA_LOCKED	0x19000000u

struct omap_sleep_state {
	/* Everything below is set up and checked: the sleep may follow. */
	bool ready;
	struct device *client;
	struct iommu_domain *domain;
	struct omap_model *mmus[OMAP_SLEEP_NR_MMUS];
	/* The pages behind the IOVAs above, filled with known content. */
	void *mapped;
	u64 mapped_phys;
	void *locked;
	u64 locked_phys;
	/* What the domain's fault handler saw. */
	atomic_t faults;
	unsigned long fault_iova;
	struct device *fault_dev;
};

/* Prep's state, for the check module. */
const struct omap_sleep_state *omap_sleep_state(void);
/* Detach and free the domain, drop the client's runtime PM, unbind it. */
void omap_sleep_release(void);

/* The bytes a page of the test holds at @offset. */
static inline u8 omap_sleep_byte(unsigned int seed, size_t offset)
{
	return (u8)(seed + offset * 13);
}

#define OMAP_SLEEP_SEED_MAPPED	0x21
#define OMAP_SLEEP_SEED_LOCKED	0x42

#endif
