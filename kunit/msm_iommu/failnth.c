// SPDX-License-Identifier: GPL-2.0
/*
 * "socmmu_msm_iommu_failnth": the MSM IOMMU driver with its Nth allocation
 * failed, for every N, by the shared sweeps (kunit/failnth): domain
 * allocation, attach (the multi client: two IOMMUs), map_pages that may
 * sleep and atomic ones over a range that needs two new L2 tables (ARMv7s
 * format), and the DMA layer on the VFE client, which keeps it; and
 * "socmmu_msm_iommu_probe_failnth", the probe of the VFE's IOMMU, before
 * the suites' bench binds any client.  What the shared sweeps check is
 * theirs; the IOMMUs' own walk is this file's.
 *
 * `make check` sweeps the first sites of each call; `make faultinject`
 * every one (socmmu_failnth.limit=0).
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/iommu.h>
#include <linux/pm_runtime.h>
#include <linux/sizes.h>

#include <socmmu_dma.h>

#include "../failnth/failnth.h"
#include "../msm_model/msm_model.h"
#include "msm_iommu_test.h"

/* A context bank as a master sees it: the IOMMU and the master's MID. */
struct fn_master {
	const char *iommu;
	u32 mid;
};

static const struct fn_master fn_a = { "iommu@d4000000", 1 };
static const struct fn_master fn_multi[2] = { { "iommu@d4000000", 6 }, { "iommu@d4100000", 2 } };
static const struct fn_master fn_vfe = { "iommu@d4200000", 2 };

static bool fn_translates(void *master, unsigned long iova)
{
	const struct fn_master *ms = master;
	struct msm_model *m = msm_model_find(ms->iommu);
	int status = msm_model_translate(m, ms->mid, iova, 0, NULL);

	if (status == MSM_MODEL_OK)
		return true;
	if (status != MSM_MODEL_STALLED)
		return false;
	/* A fault stalls the context bank until the driver's handler ends it. */
	if (!mit_wait_unstalled(m, ms->mid)) {
		pr_err("socmmu_msm_iommu_failnth: %s MID %u stays stalled\n", ms->iommu,
		       ms->mid);
		return false;
	}
	/*
	 * The handler refused the fault, so the driver terminated the stalled
	 * transfer.  Through the model's C API that abort reaches the MID's
	 * next transfer (kunit/msm_model/msm_master.c, mm_resume()): take it
	 * here, or the next walk of this master fails however it is mapped.
	 */
	if (msm_model_translate(m, ms->mid, iova, 0, NULL) != MSM_MODEL_ERROR)
		pr_err("socmmu_msm_iommu_failnth: %s MID %u: no abort after the terminate\n",
		       ms->iommu, ms->mid);
	return false;
}

static int fn_read(void *master, unsigned long iova, u32 *val)
{
	const struct fn_master *ms = master;

	return msm_model_read(msm_model_find(ms->iommu), ms->mid, iova, val, sizeof(*val),
			      NULL) == MSM_MODEL_OK ? 0 : -EFAULT;
}

static struct failnth_walker fn_walker(const struct fn_master *ms, unsigned int nr)
{
	struct failnth_walker w = {
		.translates = fn_translates, .read = fn_read, .nr = nr,
	};
	unsigned int i;

	for (i = 0; i < nr; i++)
		w.mmu[i] = (void *)&ms[i];
	return w;
}

static const struct failnth_bench fn_bench = {
	.attach = mit_attach,
	.detach = mit_detach,
	.client_get = mit_pm_get,
	.client_put = mit_pm_put,
};

static void fn_skip_without_injection(struct kunit *test)
{
	if (!failnth_available())
		kunit_skip(test, "no CONFIG_FAULT_INJECTION");
}

static void fn_sweep_map(struct kunit *test, const char *name, bool atomic)
{
	struct device *client = mit_client(MIT_A);
	struct failnth_walker w = fn_walker(&fn_a, 1);
	struct iommu_domain *domain;

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	KUNIT_ASSERT_NOT_NULL(test, msm_model_find(fn_a.iommu));
	domain = mit_domain_alloc(client);
	KUNIT_ASSERT_NOT_NULL(test, domain);
	KUNIT_ASSERT_EQ(test, mit_attach(domain, client), 0);
	KUNIT_ASSERT_EQ(test, mit_pm_get(client), 0);
	/* Faults are expected: refused, so the stalled transfer is terminated. */
	mit_set_fault_handler(domain, MIT_FAULT_REFUSE, 0);
	failnth_sweep_map(test, name, domain, &w, atomic);
}

void mit_failnth_map_pages(struct kunit *test)
{
	fn_sweep_map(test, "iommu_map", false);
}

void mit_failnth_map_pages_atomic(struct kunit *test)
{
	fn_sweep_map(test, "iommu_map atomic", true);
}

void mit_failnth_domain_alloc(struct kunit *test)
{
	struct device *client = mit_client(MIT_A);

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	failnth_sweep_domain_alloc(test, client);
}

void mit_failnth_attach(struct kunit *test)
{
	struct device *client = mit_client(MIT_MULTI);
	struct failnth_walker w = fn_walker(fn_multi, 2);
	struct iommu_domain *domain;

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	KUNIT_ASSERT_TRUE(test, msm_model_find(fn_multi[0].iommu) &&
			  msm_model_find(fn_multi[1].iommu));
	domain = mit_domain_alloc(client);
	KUNIT_ASSERT_NOT_NULL(test, domain);
	mit_set_fault_handler(domain, MIT_FAULT_REFUSE, 0);
	failnth_sweep_attach(test, domain, client, &fn_bench, &w);
}

static u64 fn_mapped_bytes(struct device *dev)
{
	struct socmmu_dma_info info;

	return socmmu_dma_get_info(dev, &info) ? ~0ull : info.mapped_bytes;
}

/* The DMA layer on the VFE client, powered for the case. */
static void fn_sweep_dma(struct kunit *test, enum failnth_dma_call call)
{
	struct device *client = mit_client(MIT_VFE);
	struct failnth_walker w = fn_walker(&fn_vfe, 1);
	struct failnth_dma d = { .dev = client, .mapped_bytes = fn_mapped_bytes, .w = &w };

	fn_skip_without_injection(test);
	KUNIT_ASSERT_NOT_NULL(test, client);
	d.domain = socmmu_dma_domain(client);
	KUNIT_ASSERT_NOT_NULL(test, d.domain);
	KUNIT_ASSERT_EQ(test, mit_pm_get(client), 0);
	failnth_sweep_dma(test, &d, call);
}

void mit_failnth_dma_coherent(struct kunit *test)
{
	fn_sweep_dma(test, FAILNTH_DMA_COHERENT);
}

void mit_failnth_dma_atomic(struct kunit *test)
{
	fn_sweep_dma(test, FAILNTH_DMA_ATOMIC);
}

void mit_failnth_dma_map_sg(struct kunit *test)
{
	fn_sweep_dma(test, FAILNTH_DMA_MAP_SG);
}

void mit_failnth_dma_map_single(struct kunit *test)
{
	fn_sweep_dma(test, FAILNTH_DMA_MAP_SINGLE);
}

/* The VFE's IOMMU: its client is not bound yet. */
void mit_failnth_probe(struct kunit *test)
{
	fn_skip_without_injection(test);
	failnth_sweep_probe(test, "/iommu@d4200000");
}
