// SPDX-License-Identifier: GPL-2.0
/*
 * "socmmu_msm_iommu_abuse": the MSM IOMMU driver against a misbehaving
 * device (kunit/iommu_bench/bench_storm.h).  The MSM IOMMU stalls the
 * faulting master until RESUME, and a retried access that faults again
 * stalls again: a storm of handled faults is retried up to the driver's
 * limit and then terminated, one of unhandled faults terminated at once;
 * neither may wedge the bus.  Then a fault pending while the IOMMU
 * suspends, by runtime PM and by system sleep, and a write to a read-only
 * page.
 *
 * `make check` storms storm_faults faults per case; `make storm` many more
 * (kunit/storm.list).
 */
#include <kunit/test.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/sizes.h>

#include "../iommu_bench/bench_storm.h"
#include "../msm_model/msm_model.h"
#include "msm_iommu_test.h"

static unsigned int storm_faults = 3000;
module_param(storm_faults, uint, 0444);
MODULE_PARM_DESC(storm_faults, "faulting transfers of each storm case");

#define MST_MAPPED	0x40000000u
#define MST_RO		0x40100000u
#define MST_HOLE	0x50000000u

/* MIT_A: msm_mdp, MID 1, its only "iommus" entry. */
/* The fault handler's token: static, so that no late interrupt finds a dead stack. */
static struct ib_abuse mst_abuse;

static void mst_setup(struct kunit *test, struct ib_abuse *a)
{
	struct msm_model *m = msm_model_find("iommu@d4000000");
	u64 phys;

	memset(a, 0, sizeof(*a));
	KUNIT_ASSERT_NOT_NULL(test, m);
	a->bench = mit_the_bench();
	a->client_index = MIT_A;
	a->client = mit_client(MIT_A);
	KUNIT_ASSERT_NOT_NULL(test, a->client);
	a->iommu = msm_model_device(m);
	KUNIT_ASSERT_NOT_NULL(test, a->iommu);
	a->domain = mit_domain_alloc(a->client);
	KUNIT_ASSERT_NOT_NULL(test, a->domain);
	KUNIT_ASSERT_EQ(test, mit_attach(a->domain, a->client), 0);
	KUNIT_ASSERT_EQ(test, mit_pm_get(a->client), 0);
	a->mapped_cpu = mit_page(&phys);
	KUNIT_ASSERT_NOT_NULL(test, a->mapped_cpu);
	a->mapped = MST_MAPPED;
	KUNIT_ASSERT_EQ(test, mit_map(a->domain, a->mapped, phys, SZ_4K, IOMMU_READ | IOMMU_WRITE),
			0);
	a->hole = MST_HOLE;
	a->hole_size = SZ_16M;
	KUNIT_ASSERT_EQ(test, model_bus_master_of(a->client->of_node, 0, &a->bus), 0);
	a->write_flags = IOMMU_FAULT_WRITE;
}

void mit_storm(struct kunit *test)
{
	struct ib_abuse *a = &mst_abuse;

	mst_setup(test, a);
	/* Each handled fault is retried until the driver gives up on it. */
	ib_storm(test, a, storm_faults / 8, false, 0);
	ib_storm(test, a, storm_faults, true, -EFAULT);
}

void mit_fault_at_runtime_suspend(struct kunit *test)
{
	struct ib_abuse *a = &mst_abuse;

	mst_setup(test, a);
	ib_fault_at_suspend(test, a, false);
}

void mit_fault_at_sleep(struct kunit *test)
{
	struct ib_abuse *a = &mst_abuse;

	mst_setup(test, a);
	ib_fault_at_suspend(test, a, true);
}

void mit_readonly_write(struct kunit *test)
{
	struct ib_abuse *a = &mst_abuse;
	u8 *ro;
	u64 phys;

	mst_setup(test, a);
	ro = mit_page(&phys);
	KUNIT_ASSERT_NOT_NULL(test, ro);
	KUNIT_ASSERT_EQ(test, mit_map(a->domain, MST_RO, phys, SZ_4K, IOMMU_READ), 0);
	ib_readonly_write(test, a, MST_RO, ro);
}
