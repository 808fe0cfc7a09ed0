// SPDX-License-Identifier: GPL-2.0
/*
 * "socmmu_dma_failnth": the DMA layer with its Nth allocation failed, for
 * every N, by the shared sweeps (kunit/failnth), on the test DT's client
 * behind the OMAP MMU model: coherent allocations that may sleep and
 * atomic ones, scatterlists and single buffers; and the layer's own
 * setup on a client with a reserved area.  After each failed call:
 * the errno is the one the DMA API promises, the layer maps no byte more
 * than before, the IOVA range the call would have used translates nowhere
 * (in the domain, and for the model's walker), and the same call then
 * works.  Leaks show in kmemleak's report at the run's end.  The same
 * sweeps run on an Exynos and an MSM client in those drivers' suites.
 *
 * `make check` sweeps the first sites of each call; `make faultinject`
 * every one (socmmu_failnth.limit=0).
 */
#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/errno.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/pm_runtime.h>
#include <linux/sizes.h>

#include <socmmu_dma.h>

#include "../failnth/failnth.h"
#include "../omap_model/omap_model.h"
#include "dma_test.h"

/* dma2: the default window, behind mmu_dma2. */
#define FN_CLIENT 2
#define FN_MMU "mmu_dma2"

/* The MMU's walk; its domain (the layer's) has no fault handler. */
static bool fn_translates(void *mmu, unsigned long iova)
{
	struct omap_model_result res;

	return omap_model_translate(mmu, iova, &res) == OMAP_MODEL_OK;
}

static int fn_read(void *mmu, unsigned long iova, u32 *val)
{
	return omap_model_read(mmu, iova, val, sizeof(*val), NULL) == OMAP_MODEL_OK ? 0 : -EFAULT;
}

static u64 fn_mapped_bytes(struct device *dev)
{
	struct socmmu_dma_info info;

	return socmmu_dma_get_info(dev, &info) ? ~0ull : info.mapped_bytes;
}

static int fn_case_init(struct kunit *test)
{
	struct device *dev = dma_test_client(FN_CLIENT);

	if (!failnth_available())
		kunit_skip(test, "no CONFIG_FAULT_INJECTION");
	if (!dev) {
		KUNIT_FAIL(test, "the test DT's DMA client %u is not bound", FN_CLIENT);
		return -ENODEV;
	}
	/* The client, and through its device link its MMU, powered. */
	pm_runtime_enable(dev);
	return pm_runtime_resume_and_get(dev);
}

static void fn_case_exit(struct kunit *test)
{
	struct device *dev = dma_test_client(FN_CLIENT);

	if (!failnth_available() || !dev)
		return;
	pm_runtime_put_sync(dev);
	pm_runtime_disable(dev);
}

static void fn_sweep(struct kunit *test, enum failnth_dma_call call)
{
	struct failnth_walker w = {
		.translates = fn_translates, .read = fn_read,
		.mmu = { omap_model_find(FN_MMU) }, .nr = 1,
	};
	struct failnth_dma d = {
		.dev = dma_test_client(FN_CLIENT), .mapped_bytes = fn_mapped_bytes, .w = &w,
	};

	KUNIT_ASSERT_NOT_NULL(test, d.dev);
	KUNIT_ASSERT_NOT_NULL(test, w.mmu[0]);
	d.domain = socmmu_dma_domain(d.dev);
	KUNIT_ASSERT_NOT_NULL(test, d.domain);
	failnth_sweep_dma(test, &d, call);
}

static void dma_failnth_alloc_coherent(struct kunit *test)
{
	fn_sweep(test, FAILNTH_DMA_COHERENT);
}

static void dma_failnth_alloc_atomic(struct kunit *test)
{
	fn_sweep(test, FAILNTH_DMA_ATOMIC);
}

static void dma_failnth_alloc_two_tables(struct kunit *test)
{
	fn_sweep(test, FAILNTH_DMA_COHERENT_TWO_TABLES);
}

static void dma_failnth_map_sg(struct kunit *test)
{
	fn_sweep(test, FAILNTH_DMA_MAP_SG);
}

static void dma_failnth_map_single(struct kunit *test)
{
	fn_sweep(test, FAILNTH_DMA_MAP_SINGLE);
}

/* dma0: a window and a reserved-memory area at its start (the test DT). */
#define FN_RESV_CLIENT 0
#define FN_RESV_IOVA 0x80000000

/* Whichever allocation the previous run failed, the area stays reserved. */
static void fn_expect_reserved(struct kunit *test, struct device *dev, unsigned int n)
{
	KUNIT_EXPECT_EQ_MSG(test, socmmu_dma_reserve(dev, FN_RESV_IOVA, PAGE_SIZE), -EBUSY,
			    "site %u: the reserved area is in the window", n);
}

/*
 * The layer's setup on a client with a reserved area, every site (it has
 * about thirty, so `make check` sweeps them all too).  It ends with the
 * layer on the client, as the DT's client was found.
 */
static void dma_failnth_setup(struct kunit *test)
{
	struct device *dev = dma_test_client(FN_RESV_CLIENT);

	KUNIT_ASSERT_NOT_NULL(test, dev);
	socmmu_dma_release(dev);
	failnth_sweep_dma_setup(test, dev, 0, fn_expect_reserved);
}

static struct kunit_case dma_failnth_cases[] = {
	KUNIT_CASE(dma_failnth_setup),
	KUNIT_CASE(dma_failnth_alloc_coherent),
	KUNIT_CASE(dma_failnth_alloc_atomic),
	KUNIT_CASE(dma_failnth_alloc_two_tables),
	KUNIT_CASE(dma_failnth_map_sg),
	KUNIT_CASE(dma_failnth_map_single),
	{}
};

static struct kunit_suite dma_failnth_suite = {
	.name = "socmmu_dma_failnth",
	.init = fn_case_init,
	.exit = fn_case_exit,
	.test_cases = dma_failnth_cases,
};

kunit_test_suites(&dma_failnth_suite);
