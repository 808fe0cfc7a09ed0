// SPDX-License-Identifier: GPL-2.0
/*
 * "socmmu_exynos_iommu_failnth": the Exynos SYSMMU driver with its Nth
 * allocation failed, for every N, by the shared sweeps (kunit/failnth):
 * domain allocation, attach (the MFC client: two SYSMMUs), map_pages that
 * may sleep and atomic ones (v5) over a range that needs two new L2
 * tables, the DMA layer's setup on a client (what the framework's
 * probe_finalize does) and the layer's calls on it (v7); and
 * "socmmu_exynos_iommu_probe_failnth", the probe of the v7 SYSMMU, before
 * the suites' bench binds its client.  What the shared sweeps check is
 * theirs; the SYSMMUs' own walk is this file's.
 *
 * `make check` sweeps the first sites of each call; `make faultinject`
 * every one (socmmu_failnth.limit=0).
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/iommu.h>
#include <linux/sizes.h>

#include <socmmu_dma.h>

#include "../failnth/failnth.h"
#include "../exynos_model/exynos_model.h"
#include "exynos_iommu_test.h"

/* The SYSMMU's own walk; a fault ends once the driver resumed the master. */
static bool fn_translates(void *mmu, unsigned long iova)
{
	if (exynos_model_translate(mmu, iova, false, NULL) == EXYNOS_MODEL_OK)
		return true;
	if (!eit_wait_unstalled(mmu))
		pr_err("socmmu_exynos_iommu_failnth: %s stays stalled\n", eit_dev_name(mmu));
	return false;
}

static int fn_read(void *mmu, unsigned long iova, u32 *val)
{
	return exynos_model_read(mmu, iova, val, sizeof(*val), NULL) == EXYNOS_MODEL_OK ?
		0 : -EFAULT;
}

static struct failnth_walker fn_walker(enum eit_id which)
{
	struct failnth_walker w = { .translates = fn_translates, .read = fn_read };

	while (w.nr < 2 && eit_model(which, w.nr)) {
		w.mmu[w.nr] = eit_model(which, w.nr);
		w.nr++;
	}
	return w;
}

static const struct failnth_bench fn_bench = {
	.attach = eit_attach,
	.detach = eit_detach,
	.client_get = eit_client_get,
	.client_put = eit_client_put,
};

static void fn_skip_without_injection(struct kunit *test)
{
	if (!failnth_available())
		kunit_skip(test, "no CONFIG_FAULT_INJECTION");
}

static void fn_sweep_map(struct kunit *test, const char *name, bool atomic)
{
	struct device *client = eit_client(EIT_V5);
	struct failnth_walker w = fn_walker(EIT_V5);
	struct iommu_domain *domain;

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	KUNIT_ASSERT_EQ(test, w.nr, 1);
	domain = eit_domain_alloc(client);
	KUNIT_ASSERT_NOT_NULL(test, domain);
	KUNIT_ASSERT_EQ(test, eit_attach(domain, client), 0);
	KUNIT_ASSERT_EQ(test, eit_client_get(client), 0);
	/* Faults are expected: handled (0), so the SYSMMU resumes. */
	eit_set_fault_handler(domain, 0, NULL);
	failnth_sweep_map(test, name, domain, &w, atomic);
}

void eit_failnth_map_pages(struct kunit *test)
{
	fn_sweep_map(test, "iommu_map", false);
}

void eit_failnth_map_pages_atomic(struct kunit *test)
{
	fn_sweep_map(test, "iommu_map atomic", true);
}

void eit_failnth_domain_alloc(struct kunit *test)
{
	struct device *client = eit_client(EIT_V5);

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	failnth_sweep_domain_alloc(test, client);
}

void eit_failnth_attach(struct kunit *test)
{
	struct device *client = eit_client(EIT_MFC);
	struct failnth_walker w = fn_walker(EIT_MFC);
	struct iommu_domain *domain;

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	KUNIT_ASSERT_EQ(test, w.nr, 2);
	domain = eit_domain_alloc(client);
	KUNIT_ASSERT_NOT_NULL(test, domain);
	eit_set_fault_handler(domain, 0, NULL);
	failnth_sweep_attach(test, domain, client, &fn_bench, &w);
}

/*
 * The DMA layer's setup on the v7 client (which the bench took it off):
 * each failure a clean errno, the client without the layer and on the
 * domain it was on, and the next setup works.  The case's exit
 * (eit_failnth_exit()) takes the layer off again.
 */
void eit_failnth_dma_setup(struct kunit *test)
{
	struct device *client = eit_client(EIT_V7);

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	failnth_sweep_dma_setup(test, client, failnth_limit(), NULL);
}

static u64 fn_mapped_bytes(struct device *dev)
{
	struct socmmu_dma_info info;

	return socmmu_dma_get_info(dev, &info) ? ~0ull : info.mapped_bytes;
}

/* The DMA layer on the v7 client, given it back for the case, powered. */
static void fn_sweep_dma(struct kunit *test, enum failnth_dma_call call)
{
	struct device *client = eit_client(EIT_V7);
	struct failnth_walker w = fn_walker(EIT_V7);
	struct failnth_dma d = { .dev = client, .mapped_bytes = fn_mapped_bytes, .w = &w };

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	KUNIT_ASSERT_EQ(test, socmmu_dma_setup(client), 0);
	d.domain = socmmu_dma_domain(client);
	KUNIT_ASSERT_NOT_NULL(test, d.domain);
	KUNIT_ASSERT_EQ(test, eit_client_get(client), 0);
	failnth_sweep_dma(test, &d, call);
}

void eit_failnth_dma_coherent(struct kunit *test)
{
	fn_sweep_dma(test, FAILNTH_DMA_COHERENT);
}

void eit_failnth_dma_atomic(struct kunit *test)
{
	fn_sweep_dma(test, FAILNTH_DMA_ATOMIC);
}

void eit_failnth_dma_map_sg(struct kunit *test)
{
	fn_sweep_dma(test, FAILNTH_DMA_MAP_SG);
}

void eit_failnth_dma_map_single(struct kunit *test)
{
	fn_sweep_dma(test, FAILNTH_DMA_MAP_SINGLE);
}

/* The bench's suites attach domains of their own to v7: the layer goes. */
void eit_failnth_exit(void)
{
	struct device *client = eit_client(EIT_V7);

	if (client)
		socmmu_dma_release(client);
}

/* The v7 SYSMMU: its client is not bound yet. */
void eit_failnth_probe(struct kunit *test)
{
	fn_skip_without_injection(test);
	failnth_sweep_probe(test, "/sysmmu-v7@d2060000");
}
