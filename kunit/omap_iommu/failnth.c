// SPDX-License-Identifier: GPL-2.0
/*
 * "socmmu_omap_iommu_failnth": the OMAP IOMMU driver with its Nth
 * allocation failed, for every N, by the shared sweeps (kunit/failnth):
 * domain allocation, attach (the DSP client: two MMU instances), and
 * map_pages that may sleep and atomic ones, over a range that needs two
 * new L2 tables; and "socmmu_omap_iommu_probe_failnth", the probe of the
 * IPU's MMU, before the suites' bench binds any client.  What the shared
 * sweeps check is theirs; the MMUs' own table walk is this file's.
 *
 * `make check` sweeps the first sites of each call; `make faultinject`
 * every one (socmmu_failnth.limit=0).
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/iommu.h>

#include "../failnth/failnth.h"
#include "../omap_model/omap_model.h"
#include "omap_iommu_test.h"

/* The MMU's own walk; a fault ends once the domain's handler ran. */
static bool fn_translates(void *mmu, unsigned long iova)
{
	struct omap_model_result res;

	if (omap_model_translate(mmu, iova, &res) == OMAP_MODEL_OK)
		return true;
	/* A fault leaves the MMU stalled until the driver's handler runs. */
	if (!oit_wait_unstalled(mmu))
		pr_err("socmmu_omap_iommu_failnth: %s stays stalled\n", omap_model_name(mmu));
	return false;
}

static int fn_read(void *mmu, unsigned long iova, u32 *val)
{
	return omap_model_read(mmu, iova, val, sizeof(*val), NULL) == OMAP_MODEL_OK ? 0 : -EFAULT;
}

static const struct failnth_bench fn_bench = {
	.attach = oit_attach,
	.detach = oit_detach,
	.client_get = oit_client_get,
	.client_put = oit_client_put,
};

static void fn_skip_without_injection(struct kunit *test)
{
	if (!failnth_available())
		kunit_skip(test, "no CONFIG_FAULT_INJECTION");
}

static void fn_sweep_map(struct kunit *test, const char *name, bool atomic)
{
	struct device *client = oit_client(OIT_ISP);
	struct failnth_walker w = {
		.translates = fn_translates, .read = fn_read,
		.mmu = { omap_model_find("mmu_isp") }, .nr = 1,
	};
	struct iommu_domain *domain;

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	KUNIT_ASSERT_NOT_NULL(test, w.mmu[0]);
	domain = oit_domain_alloc(client);
	KUNIT_ASSERT_NOT_NULL(test, domain);
	KUNIT_ASSERT_EQ(test, oit_attach(domain, client), 0);
	KUNIT_ASSERT_EQ(test, oit_client_get(client), 0);
	/* Faults are expected: handled (0), so the MMU resumes. */
	oit_set_fault_handler(domain, 0);
	failnth_sweep_map(test, name, domain, &w, atomic);
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

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	failnth_sweep_domain_alloc(test, client);
}

void oit_failnth_attach(struct kunit *test)
{
	struct device *client = oit_client(OIT_DSP);
	struct failnth_walker w = {
		.translates = fn_translates, .read = fn_read,
		.mmu = { omap_model_find("mmu_dsp0"), omap_model_find("mmu_dsp1") }, .nr = 2,
	};
	struct iommu_domain *domain;

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	KUNIT_ASSERT_TRUE(test, w.mmu[0] && w.mmu[1]);
	domain = oit_domain_alloc(client);
	KUNIT_ASSERT_NOT_NULL(test, domain);
	oit_set_fault_handler(domain, 0);
	failnth_sweep_attach(test, domain, client, &fn_bench, &w);
}

/* The IPU's MMU (OMAP4, bus-error-back): its client is not bound yet. */
void oit_failnth_probe(struct kunit *test)
{
	fn_skip_without_injection(test);
	failnth_sweep_probe(test, "/mmu@d1010000");
}
