// SPDX-License-Identifier: GPL-2.0
/*
 * "socmmu_omap_iommu_failnth": the OMAP IOMMU driver with its Nth
 * allocation failed, for every N (kunit/failnth/failnth.h): domain
 * allocation, attach (the DSP client: two MMU instances), and map_pages
 * that may sleep and atomic ones, over a range that needs two new L2
 * tables.  After each failed call: a clean errno, no partially visible
 * mapping (the domain's iova_to_phys and the model's own table walk agree
 * that nothing of the range translates), and the same call then works.
 * Leaks show in kmemleak's report at the run's end.
 *
 * `make check` sweeps the first failnth_limit sites of each call;
 * `make faultinject` every site (socmmu_omap_iommu_test.failnth_limit=0).
 */
#include <kunit/test.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/spinlock.h>

#include <shim/kcompat.h>

#include "../failnth/failnth.h"
#include "../omap_model/omap_model.h"
#include "omap_iommu_test.h"

static unsigned int failnth_limit = 3;
module_param(failnth_limit, uint, 0444);
MODULE_PARM_DESC(failnth_limit, "allocation sites each fail-nth sweep fails (0: all)");

/*
 * 192 KiB across a section boundary: a 64 KiB large page at the end of one
 * section, two at the start of the next, so two L2 tables are made.  The
 * physical side is only walked, never read: any 64 KiB-aligned address.
 */
#define FN_IOVA 0x200f0000u
#define FN_PA 0x9a0f0000u
#define FN_SIZE (3 * SZ_64K)

static void fn_skip_without_injection(struct kunit *test)
{
	if (!failnth_available())
		kunit_skip(test, "no CONFIG_FAULT_INJECTION");
}

/* What the domain and the MMU's walk say of [FN_IOVA, +FN_SIZE): all of it or none. */
static void fn_expect_range(struct kunit *test, struct iommu_domain *domain,
			    struct omap_model *mmu, bool mapped, unsigned int n)
{
	struct omap_model_result res;
	unsigned int wrong = 0;
	u32 off, first = 0;

	for (off = 0; off < FN_SIZE; off += SZ_4K) {
		u64 want = mapped ? FN_PA + off : 0;

		if (oit_iova_to_phys(domain, FN_IOVA + off) != want && !wrong++)
			first = FN_IOVA + off;
	}
	KUNIT_EXPECT_EQ_MSG(test, wrong, 0, "site %u: %u pages %s, the first at 0x%x", n, wrong,
			    mapped ? "not mapped as asked" : "still mapped", first);
	for (off = 0; off < FN_SIZE; off += SZ_64K) {
		int status = omap_model_translate(mmu, FN_IOVA + off, &res);

		if (mapped)
			KUNIT_EXPECT_EQ_MSG(test, status, OMAP_MODEL_OK,
					    "site %u: the MMU cannot walk to 0x%x", n,
					    FN_IOVA + off);
		else
			KUNIT_EXPECT_NE_MSG(test, status, OMAP_MODEL_OK,
					    "site %u: the MMU still walks to 0x%x", n,
					    FN_IOVA + off);
		/* A fault leaves the MMU stalled until the driver's handler runs. */
		if (status != OMAP_MODEL_OK)
			KUNIT_EXPECT_TRUE(test, oit_wait_unstalled(mmu));
	}
}

/* The map with the @n-th fault point armed; *@hit: it was reached. */
static int fn_map_armed(struct iommu_domain *domain, gfp_t gfp, unsigned int n, bool *hit)
{
	int ret;

	failnth_arm(n);
	ret = kx_iommu_map_gfp(domain, FN_IOVA, FN_PA, FN_SIZE, IOMMU_READ | IOMMU_WRITE, gfp);
	*hit = failnth_disarm();
	return ret;
}

/* The same from an atomic caller: one that holds a spinlock. */
static int fn_map_armed_atomic(struct iommu_domain *domain, unsigned int n, bool *hit)
{
	static DEFINE_SPINLOCK(lock);
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&lock, flags);
	ret = fn_map_armed(domain, GFP_ATOMIC, n, hit);
	spin_unlock_irqrestore(&lock, flags);
	return ret;
}

static void fn_sweep_map(struct kunit *test, const char *name, bool atomic)
{
	struct device *client = oit_client(OIT_ISP);
	struct omap_model *mmu = omap_model_find("mmu_isp");
	struct iommu_domain *domain;
	struct failnth_sweep s;

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	KUNIT_ASSERT_NOT_NULL(test, mmu);
	domain = oit_domain_alloc(client);
	KUNIT_ASSERT_NOT_NULL(test, domain);
	KUNIT_ASSERT_EQ(test, oit_attach(domain, client), 0);
	KUNIT_ASSERT_EQ(test, oit_client_get(client), 0);
	/* Faults are expected: handled (0), so the MMU resumes. */
	oit_set_fault_handler(domain, 0);

	for (failnth_begin(&s, name, failnth_limit); failnth_next(test, &s);) {
		bool hit;
		int ret;

		if (atomic)
			ret = fn_map_armed_atomic(domain, s.n, &hit);
		else
			ret = fn_map_armed(domain, GFP_KERNEL, s.n, &hit);
		failnth_ran(test, &s, hit, ret);

		if (ret) {
			KUNIT_EXPECT_EQ_MSG(test, ret, -ENOMEM, "site %u", s.n);
			fn_expect_range(test, domain, mmu, false, s.n);
			ret = oit_map(domain, FN_IOVA, FN_PA, FN_SIZE);
			KUNIT_ASSERT_EQ_MSG(test, ret, 0, "site %u: the next call failed", s.n);
		}
		fn_expect_range(test, domain, mmu, true, s.n);
		KUNIT_ASSERT_EQ(test, oit_unmap(domain, FN_IOVA, FN_SIZE), (size_t)FN_SIZE);
	}
}

void oit_failnth_map_pages(struct kunit *test)
{
	fn_sweep_map(test, "iommu_map", false);
}

void oit_failnth_map_pages_atomic(struct kunit *test)
{
	fn_sweep_map(test, "iommu_map atomic", true);
}

void oit_failnth_domain_alloc(struct kunit *test)
{
	struct device *client = oit_client(OIT_DSP);
	struct iommu_domain *domain;
	struct failnth_sweep s;
	bool attached;

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	for (failnth_begin(&s, "domain_alloc", failnth_limit); failnth_next(test, &s);) {
		bool hit;

		failnth_arm(s.n);
		domain = kx_iommu_paging_domain_alloc(client);
		hit = failnth_disarm();
		failnth_ran(test, &s, hit, !domain);
		if (!domain) {
			domain = kx_iommu_paging_domain_alloc(client);
			KUNIT_ASSERT_NOT_NULL_MSG(test, domain, "site %u: the next call failed",
						  s.n);
		}
		/* A usable domain: it maps (6.1's, only once attached). */
		attached = !oit_paging_domains() && !iommu_attach_device(domain, client);
		KUNIT_EXPECT_EQ(test, oit_map(domain, FN_IOVA, FN_PA, SZ_4K), 0);
		KUNIT_EXPECT_EQ(test, oit_iova_to_phys(domain, FN_IOVA), (u64)FN_PA);
		if (attached)
			iommu_detach_device(domain, client);
		iommu_domain_free(domain);
	}
}

void oit_failnth_attach(struct kunit *test)
{
	struct device *client = oit_client(OIT_DSP);
	struct omap_model *mmus[2] = { omap_model_find("mmu_dsp0"), omap_model_find("mmu_dsp1") };
	struct omap_model_result res;
	struct iommu_domain *domain;
	struct failnth_sweep s;
	bool mapped = false;
	int i;

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	KUNIT_ASSERT_TRUE(test, mmus[0] && mmus[1]);
	domain = oit_domain_alloc(client);
	KUNIT_ASSERT_NOT_NULL(test, domain);
	oit_set_fault_handler(domain, 0);

	for (failnth_begin(&s, "attach", failnth_limit); failnth_next(test, &s);) {
		bool hit;
		int ret;

		failnth_arm(s.n);
		ret = oit_attach(domain, client);
		hit = failnth_disarm();
		failnth_ran(test, &s, hit, ret);
		if (ret) {
			KUNIT_EXPECT_EQ_MSG(test, ret, -ENOMEM, "site %u", s.n);
			KUNIT_EXPECT_PTR_NE_MSG(test, iommu_get_domain_for_dev(client), domain,
						"site %u: attached after all", s.n);
			ret = oit_attach(domain, client);
			KUNIT_ASSERT_EQ_MSG(test, ret, 0, "site %u: the next call failed", s.n);
		}
		/* 6.1 maps only in an attached domain; it keeps the page after. */
		if (!mapped) {
			KUNIT_ASSERT_EQ(test, oit_map(domain, FN_IOVA, FN_PA, SZ_4K), 0);
			mapped = true;
		}
		/* Both instances walk the domain's table. */
		KUNIT_ASSERT_EQ(test, oit_client_get(client), 0);
		for (i = 0; i < 2; i++)
			KUNIT_EXPECT_EQ_MSG(test, omap_model_translate(mmus[i], FN_IOVA, &res),
					    OMAP_MODEL_OK, "site %u: instance %d", s.n, i);
		oit_client_put(client);
		oit_detach(domain, client);
	}
}
