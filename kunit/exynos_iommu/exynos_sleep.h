/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Exynos SYSMMU driver across a real system sleep cycle, in two
 * modules around the harness's "!sleep" (kunit/modules.list): a suite
 * cannot suspend the system it runs in.
 *
 * socmmu_exynos_sleep_prep (suite exynos_sleep_prep) binds the MFC client
 * (behind two v5 SYSMMUs), keeps it runtime-active, attaches a paging
 * domain and leaves the state below for socmmu_exynos_sleep_check (suite
 * exynos_sleep_check), loaded after the sleep, whose last case releases
 * it all (exynos_sleep_release()): detach, free the domain, unbind the
 * client, so that socmmu_exynos_iommu_test can bind it next.
 */
#ifndef SOCMMU_EXYNOS_SLEEP_H
#define SOCMMU_EXYNOS_SLEEP_H

#include <linux/atomic.h>
#include <linux/types.h>

struct device;
struct iommu_domain;
struct exynos_model;

/* The MFC's SYSMMUs, in the client's "iommus" order. */
#define EXYNOS_SLEEP_NR_MMUS	2

/* Mapped through the page table: reads return the mapped page. */
#define EXYNOS_SLEEP_IOVA_MAPPED	0x18000000u
/* Mapped, read through both TLBs, then unmapped and synced. */
#define EXYNOS_SLEEP_IOVA_UNMAPPED	0x18100000u
/* Never mapped before the sleep: its 1 MB is the zero-L2 link. */
#define EXYNOS_SLEEP_IOVA_LATER		0x18200000u

struct exynos_sleep_state {
	/* Everything below is set up and checked: the sleep may follow. */
	bool ready;
	struct device *client;
	struct iommu_domain *domain;
	struct exynos_model *mmus[EXYNOS_SLEEP_NR_MMUS];
	/* The pages mapped at the IOVAs above, filled with known content. */
	void *mapped;
	u64 mapped_phys;
	void *later;
	u64 later_phys;
	/* What the domain's fault handler saw. */
	atomic_t faults;
	unsigned long fault_iova;
	struct device *fault_dev;
};

/* Prep's state, for the check module. */
const struct exynos_sleep_state *exynos_sleep_state(void);
/* Detach and free the domain, drop the client's runtime PM, unbind it. */
void exynos_sleep_release(void);

/* The bytes a page of the test holds at @offset. */
static inline u8 exynos_sleep_byte(unsigned int seed, size_t offset)
{
	return (u8)(seed + offset * 11);
}

#define EXYNOS_SLEEP_SEED_MAPPED	0x31
#define EXYNOS_SLEEP_SEED_LATER		0x57

#endif
