// SPDX-License-Identifier: GPL-2.0
/*
 * "socmmu_omap_iommu_abuse": the OMAP IOMMU driver against a misbehaving
 * device (kunit/iommu_bench/bench_storm.h): a fault storm on the ISP's
 * MMU, which stalls its master on a fault, and on the IPU's, which answers
 * with a bus error (ti,iommu-bus-err-back); a fault pending while the MMU
 * suspends, by runtime PM and by system sleep.  The OMAP table format has
 * no permissions (Documentation/omap-iommu.rst): no read-only case.
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
#include "../omap_model/omap_model.h"
#include "omap_iommu_test.h"

static unsigned int storm_faults = 3000;
module_param(storm_faults, uint, 0444);
MODULE_PARM_DESC(storm_faults, "faulting transfers of each storm case");

#define OST_MAPPED	0x40000000u
#define OST_HOLE	0x50000000u

/* The fault handler's token: static, so that no late interrupt finds a dead stack. */
static struct ib_abuse ost_abuse;

static void ost_setup(struct kunit *test, struct ib_abuse *a, enum oit_client which,
		      const char *mmu_name)
{
	struct omap_model *mmu = omap_model_find(mmu_name);
	u64 phys;

	memset(a, 0, sizeof(*a));
	KUNIT_ASSERT_NOT_NULL(test, mmu);
	a->bench = oit_the_bench();
	a->client_index = which;
	a->client = oit_client(which);
	KUNIT_ASSERT_NOT_NULL(test, a->client);
	a->iommu = omap_model_device(mmu);
	KUNIT_ASSERT_NOT_NULL(test, a->iommu);
	a->domain = oit_domain_alloc(a->client);
	KUNIT_ASSERT_NOT_NULL(test, a->domain);
	KUNIT_ASSERT_EQ(test, oit_attach(a->domain, a->client), 0);
	KUNIT_ASSERT_EQ(test, oit_client_get(a->client), 0);
	a->mapped_cpu = oit_page(&phys);
	KUNIT_ASSERT_NOT_NULL(test, a->mapped_cpu);
	a->mapped = OST_MAPPED;
	KUNIT_ASSERT_EQ(test, oit_map(a->domain, a->mapped, phys, SZ_4K), 0);
	a->hole = OST_HOLE;
	a->hole_size = SZ_16M;
	KUNIT_ASSERT_EQ(test, model_bus_master_of(a->client->of_node, 0, &a->bus), 0);
	/* The OMAP MMU does not record a fault's direction. */
	a->write_flags = IOMMU_FAULT_READ;
}

/* Stalling MMU: handled faults, then unhandled ones (logged, rate-limited). */
void oit_storm_stall(struct kunit *test)
{
	struct ib_abuse *a = &ost_abuse;

	ost_setup(test, a, OIT_ISP, "mmu_isp");
	ib_storm(test, a, storm_faults / 2, false, 0);
	ib_storm(test, a, storm_faults, true, -EFAULT);
}

/* Bus-error-back MMU: the master never waits, the faults come faster. */
void oit_storm_bus_error(struct kunit *test)
{
	struct ib_abuse *a = &ost_abuse;

	ost_setup(test, a, OIT_IPU, "mmu_ipu");
	ib_storm(test, a, storm_faults, false, -EFAULT);
}

void oit_fault_at_runtime_suspend(struct kunit *test)
{
	struct ib_abuse *a = &ost_abuse;

	ost_setup(test, a, OIT_ISP, "mmu_isp");
	ib_fault_at_suspend(test, a, false);
}

void oit_fault_at_sleep(struct kunit *test)
{
	struct ib_abuse *a = &ost_abuse;

	ost_setup(test, a, OIT_ISP, "mmu_isp");
	ib_fault_at_suspend(test, a, true);
}
