/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The MSM IOMMU driver across a real system sleep cycle, in two modules
 * around the harness's "!sleep" (kunit/modules.list), as for OMAP
 * (kunit/omap_iommu/omap_sleep.h): a suite cannot suspend the system it
 * runs in.
 *
 * socmmu_msm_sleep_prep (suite msm_sleep_prep) binds msm-client-multi
 * (MID 6 on msm_mdp, MID 2 on msm_gfx), keeps it runtime-active, attaches
 * a paging domain and leaves the state below for socmmu_msm_sleep_check
 * (suite msm_sleep_check), loaded after the sleep, whose last case
 * releases it all (msm_sleep_release()): detach, free the domain, unbind
 * the client.
 */
#ifndef SOCMMU_MSM_SLEEP_H
#define SOCMMU_MSM_SLEEP_H

#include <linux/atomic.h>
#include <linux/types.h>

struct device;
struct iommu_domain;
struct msm_model;

/* The client's instances, in its "iommus" order, and its MID on each. */
#define MSM_SLEEP_NR_IOMMUS	2

static inline u32 msm_sleep_mid(int i)
{
	return i ? 2 : 6;
}

/* Mapped through the page table: reads return the mapped page. */
#define MSM_SLEEP_IOVA_MAPPED	0x18000000u
/* Mapped, read through both TLBs, then unmapped and synced. */
#define MSM_SLEEP_IOVA_UNMAPPED	0x18100000u

struct msm_sleep_state {
	/* Everything below is set up and checked: the sleep may follow. */
	bool ready;
	struct device *client;
	struct iommu_domain *domain;
	struct msm_model *iommus[MSM_SLEEP_NR_IOMMUS];
	/* The bank of the client on each instance. */
	int banks[MSM_SLEEP_NR_IOMMUS];
	/* The framework's programs count of each instance when ready. */
	u64 programs[MSM_SLEEP_NR_IOMMUS];
	/* The page behind MSM_SLEEP_IOVA_MAPPED, filled with known content. */
	void *mapped;
	u64 mapped_phys;
	/* What the domain's fault handler saw. */
	atomic_t faults;
	unsigned long fault_iova;
	struct device *fault_dev;
};

/* Prep's state, for the check module. */
const struct msm_sleep_state *msm_sleep_state(void);
/* Detach and free the domain, drop the client's runtime PM, unbind it. */
void msm_sleep_release(void);

/* The bytes the mapped page holds at @offset. */
static inline u8 msm_sleep_byte(size_t offset)
{
	return (u8)(0x5a + offset * 11);
}

#endif
