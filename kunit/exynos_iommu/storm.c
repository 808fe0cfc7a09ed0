// SPDX-License-Identifier: GPL-2.0
/*
 * "socmmu_exynos_iommu_abuse": the Exynos SYSMMU driver against a
 * misbehaving device (kunit/iommu_bench/bench_storm.h): fault storms on
 * the oldest and the newest SYSMMU (v1 records no direction for a page
 * fault, v7 does), a fault pending while the SYSMMU suspends, by runtime
 * PM and by system sleep, and writes to read-only pages, which every
 * version refuses with a write permission fault.
 *
 * `make check` storms storm_faults faults per case; `make storm` many more
 * (kunit/storm.list).
 */
#include <kunit/test.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/sizes.h>

#include "../exynos_model/exynos_model.h"
#include "../iommu_bench/bench_storm.h"
#include "exynos_iommu_test.h"

static unsigned int storm_faults = 3000;
module_param(storm_faults, uint, 0444);
MODULE_PARM_DESC(storm_faults, "faulting transfers of each storm case");

#define EST_MAPPED	0x40000000u
#define EST_RO		0x40100000u
#define EST_HOLE	0x50000000u

/* The fault handler's token: static, so that no late interrupt finds a dead stack. */
static struct ib_abuse est_abuse;

static void est_setup(struct kunit *test, struct ib_abuse *a, enum eit_id which)
{
	struct exynos_model *mmu = eit_model(which, 0);
	u64 phys;

	memset(a, 0, sizeof(*a));
	KUNIT_ASSERT_NOT_NULL(test, mmu);
	a->bench = eit_the_bench();
	a->client_index = which;
	a->client = eit_client(which);
	KUNIT_ASSERT_NOT_NULL(test, a->client);
	a->iommu = exynos_model_device(mmu);
	KUNIT_ASSERT_NOT_NULL(test, a->iommu);
	a->domain = eit_domain_alloc(a->client);
	KUNIT_ASSERT_NOT_NULL(test, a->domain);
	KUNIT_ASSERT_EQ(test, eit_attach(a->domain, a->client), 0);
	KUNIT_ASSERT_EQ(test, eit_client_get(a->client), 0);
	a->mapped_cpu = eit_page(&phys);
	KUNIT_ASSERT_NOT_NULL(test, a->mapped_cpu);
	a->mapped = EST_MAPPED;
	KUNIT_ASSERT_EQ(test, eit_map(a->domain, a->mapped, phys, SZ_4K, EIT_READ | EIT_WRITE), 0);
	a->hole = EST_HOLE;
	a->hole_size = SZ_16M;
	KUNIT_ASSERT_EQ(test, model_bus_master_of(a->client->of_node, 0, &a->bus), 0);
	/* v1-v3 record one bit and one address for a page fault: no direction. */
	a->write_flags = which >= EIT_V5 ? IOMMU_FAULT_WRITE : IOMMU_FAULT_READ;
}

static void est_storm(struct kunit *test, enum eit_id which)
{
	struct ib_abuse *a = &est_abuse;

	est_setup(test, a, which);
	ib_storm(test, a, storm_faults / 2, false, 0);
	ib_storm(test, a, storm_faults, true, -EFAULT);
}

void eit_storm_v1(struct kunit *test)
{
	est_storm(test, EIT_V1);
}

void eit_storm_v7(struct kunit *test)
{
	est_storm(test, EIT_V7);
}

void eit_fault_at_runtime_suspend(struct kunit *test)
{
	struct ib_abuse *a = &est_abuse;

	est_setup(test, a, EIT_V7);
	ib_fault_at_suspend(test, a, false);
}

void eit_fault_at_sleep(struct kunit *test)
{
	struct ib_abuse *a = &est_abuse;

	est_setup(test, a, EIT_V5);
	ib_fault_at_suspend(test, a, true);
}

void eit_readonly_write(struct kunit *test)
{
	/* Two domains at most per case. */
	static const enum eit_id which[] = { EIT_V1, EIT_V7 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(which); i++) {
		struct ib_abuse *a = &est_abuse;
		u8 *ro;
		u64 phys;

		est_setup(test, a, which[i]);
		ro = eit_page(&phys);
		KUNIT_ASSERT_NOT_NULL(test, ro);
		KUNIT_ASSERT_EQ(test, eit_map(a->domain, EST_RO, phys, SZ_4K, EIT_READ), 0);
		ib_readonly_write(test, a, EST_RO, ro);
		/* This client idles: its domain goes at the case's end. */
		eit_client_put(a->client);
	}
}
