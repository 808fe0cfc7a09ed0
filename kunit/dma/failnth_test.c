// SPDX-License-Identifier: GPL-2.0
/*
 * "socmmu_dma_failnth": the DMA layer with its Nth allocation failed, for
 * every N (kunit/failnth/failnth.h), on the test DT's client behind the
 * OMAP MMU model: coherent allocations that may sleep and atomic ones,
 * scatterlists and single buffers.  After each failed call: the errno is
 * the one the DMA API promises, the layer maps no byte more than before,
 * the IOVA range the call would have used translates nowhere (in the
 * domain, and for the model's walker), and the same call then works.
 * Leaks show in kmemleak's report at the run's end.
 *
 * `make check` sweeps the first failnth_limit sites of each call;
 * `make faultinject` (scripts/faultinject.sh) boots with
 * socmmu_dma_test.failnth_limit=0: every site, with its numbers.
 */
#include <kunit/test.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/pm_runtime.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include <socmmu_dma.h>

#include "../failnth/failnth.h"
#include "../omap_model/omap_model.h"
#include "dma_test.h"

static unsigned int failnth_limit = 3;
module_param(failnth_limit, uint, 0444);
MODULE_PARM_DESC(failnth_limit, "allocation sites each fail-nth sweep fails (0: all)");

/* dma2: the default window, behind mmu_dma2. */
#define FN_CLIENT 2
#define FN_MMU "mmu_dma2"

struct fn_ctx {
	struct device *dev;
	struct omap_model *mmu;
	struct iommu_domain *domain;
};

static struct fn_ctx fn_get(struct kunit *test)
{
	struct fn_ctx c = {
		.dev = dma_test_client(FN_CLIENT),
		.mmu = omap_model_find(FN_MMU),
	};

	KUNIT_ASSERT_NOT_NULL(test, c.dev);
	KUNIT_ASSERT_NOT_NULL(test, c.mmu);
	c.domain = socmmu_dma_domain(c.dev);
	KUNIT_ASSERT_NOT_NULL(test, c.domain);
	return c;
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

static u64 fn_mapped(struct kunit *test, struct device *dev)
{
	struct socmmu_dma_info info;

	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(dev, &info), 0);
	return info.mapped_bytes;
}

/*
 * After a failed call: nothing more mapped than before, and the range it
 * would have used (@iova: where the same call just went, which the
 * per-CPU IOVA cache hands out again) translates nowhere, for the domain
 * and for the MMU's own walk.
 */
static void fn_expect_nothing_mapped(struct kunit *test, struct fn_ctx *c, u64 mapped_before,
				     dma_addr_t iova, size_t len, unsigned int n)
{
	struct omap_model_result res;
	size_t off, left = 0;
	u64 first = 0;

	KUNIT_EXPECT_EQ_MSG(test, fn_mapped(test, c->dev), mapped_before, "site %u", n);
	for (off = 0; off < len; off += PAGE_SIZE) {
		if (iommu_iova_to_phys(c->domain, iova + off) && !left++)
			first = iova + off;
	}
	KUNIT_EXPECT_EQ_MSG(test, left, 0, "site %u: %zu pages still mapped, the first at 0x%llx",
			    n, left, first);
	KUNIT_EXPECT_NE_MSG(test, omap_model_translate(c->mmu, iova, &res), OMAP_MODEL_OK,
			    "site %u: the MMU still translates 0x%llx", n, (u64)iova);
}

/*
 * What a working buffer gives the device: its last word (@cpu_last, the
 * CPU's view of it), at @iova_last through the MMU.
 */
static void fn_expect_reaches(struct kunit *test, struct fn_ctx *c, dma_addr_t iova_last,
			      const u32 *cpu_last, unsigned int n)
{
	u32 seen = 0;

	KUNIT_EXPECT_EQ_MSG(test, omap_model_read(c->mmu, iova_last, &seen, sizeof(seen), NULL),
			    OMAP_MODEL_OK, "site %u: the device cannot reach its buffer", n);
	KUNIT_EXPECT_EQ_MSG(test, seen, *cpu_last, "site %u", n);
}

static dma_addr_t fn_last_word(dma_addr_t start, size_t len)
{
	return start + len - sizeof(u32);
}

/* dma_alloc_coherent() with the @n-th fault point armed; *@hit: it was reached. */
static void *fn_alloc_armed(struct device *dev, size_t len, dma_addr_t *iova, gfp_t gfp,
			    unsigned int n, bool *hit)
{
	void *buf;

	failnth_arm(n);
	buf = dma_alloc_coherent(dev, len, iova, gfp);
	*hit = failnth_disarm();
	return buf;
}

/* The same from an atomic caller: one that holds a spinlock. */
static void *fn_alloc_armed_atomic(struct device *dev, size_t len, dma_addr_t *iova,
				   unsigned int n, bool *hit)
{
	static DEFINE_SPINLOCK(lock);
	unsigned long flags;
	void *buf;

	spin_lock_irqsave(&lock, flags);
	buf = fn_alloc_armed(dev, len, iova, GFP_ATOMIC, n, hit);
	spin_unlock_irqrestore(&lock, flags);
	return buf;
}

static void fn_sweep_coherent(struct kunit *test, const char *name, size_t len, gfp_t gfp)
{
	struct fn_ctx c = fn_get(test);
	struct failnth_sweep s;
	dma_addr_t iova, where;
	void *buf;

	/* Where this size goes: the failed calls must leave it unmapped. */
	buf = dma_alloc_coherent(c.dev, len, &where, gfp);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	dma_free_coherent(c.dev, len, buf, where);

	for (failnth_begin(&s, name, failnth_limit); failnth_next(test, &s);) {
		u64 before = fn_mapped(test, c.dev);
		bool hit;

		if (gfpflags_allow_blocking(gfp))
			buf = fn_alloc_armed(c.dev, len, &iova, gfp, s.n, &hit);
		else
			buf = fn_alloc_armed_atomic(c.dev, len, &iova, s.n, &hit);
		failnth_ran(test, &s, hit, !buf);

		if (!buf) {
			fn_expect_nothing_mapped(test, &c, before, where, len, s.n);
			/* And the next call works. */
			buf = dma_alloc_coherent(c.dev, len, &iova, gfp);
			KUNIT_ASSERT_NOT_NULL_MSG(test, buf, "site %u: the next call failed", s.n);
		}
		memset(buf, s.n, len);
		fn_expect_reaches(test, &c, fn_last_word(iova, len), buf + len - sizeof(u32), s.n);
		dma_free_coherent(c.dev, len, buf, iova);
		KUNIT_EXPECT_EQ(test, fn_mapped(test, c.dev), before);
	}
}

/* Sleeping: 72 KiB, several pages and an L2 table. */
static void dma_failnth_alloc_coherent(struct kunit *test)
{
	fn_sweep_coherent(test, "dma_alloc_coherent", SZ_64K + SZ_8K, GFP_KERNEL);
}

static void dma_failnth_alloc_atomic(struct kunit *test)
{
	fn_sweep_coherent(test, "dma_alloc_coherent atomic", SZ_16K, GFP_ATOMIC);
}

/*
 * 300 scattered pages: one IOVA range, 1 MiB-aligned (the allocator aligns
 * a size to its largest power of two), so its runs fill one L2 table and
 * need a second one at the 257th page: a failure there comes after 256
 * runs are mapped, which the layer must take out again.
 */
#define FN_SG_PAGES 300

static void dma_failnth_map_sg(struct kunit *test)
{
	struct fn_ctx c = fn_get(test);
	struct page **pages;
	struct scatterlist *sg;
	const u32 *last;
	struct failnth_sweep s;
	struct sg_table sgt;
	dma_addr_t where;
	int i, ret;

	pages = kunit_kcalloc(test, FN_SG_PAGES, sizeof(*pages), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pages);
	for (i = 0; i < FN_SG_PAGES; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		memset(page_address(pages[i]), (u8)(i + 1), PAGE_SIZE);
	}
	KUNIT_ASSERT_EQ(test, sg_alloc_table(&sgt, FN_SG_PAGES, GFP_KERNEL), 0);
	/* Chained: more entries than one page of them holds. */
	for_each_sgtable_sg(&sgt, sg, i)
		sg_set_page(sg, pages[i], PAGE_SIZE, 0);
	KUNIT_ASSERT_EQ(test, dma_map_sgtable(c.dev, &sgt, DMA_TO_DEVICE, 0), 0);
	where = sg_dma_address(sgt.sgl);
	dma_unmap_sgtable(c.dev, &sgt, DMA_TO_DEVICE, 0);

	for (failnth_begin(&s, "dma_map_sg", failnth_limit); failnth_next(test, &s);) {
		u64 before = fn_mapped(test, c.dev);
		bool hit;

		failnth_arm(s.n);
		ret = dma_map_sgtable(c.dev, &sgt, DMA_TO_DEVICE, 0);
		hit = failnth_disarm();
		failnth_ran(test, &s, hit, ret);

		if (ret) {
			KUNIT_EXPECT_EQ_MSG(test, ret, -ENOMEM, "site %u", s.n);
			fn_expect_nothing_mapped(test, &c, before, where, FN_SG_PAGES * PAGE_SIZE,
						 s.n);
			ret = dma_map_sgtable(c.dev, &sgt, DMA_TO_DEVICE, 0);
			KUNIT_ASSERT_EQ_MSG(test, ret, 0, "site %u: the next call failed", s.n);
		}
		/* One range, every page in order: the last word is the last page's. */
		last = page_address(pages[FN_SG_PAGES - 1]) + PAGE_SIZE - sizeof(u32);
		fn_expect_reaches(test, &c,
				  fn_last_word(sg_dma_address(sgt.sgl), FN_SG_PAGES * PAGE_SIZE),
				  last, s.n);
		dma_unmap_sgtable(c.dev, &sgt, DMA_TO_DEVICE, 0);
	}
	sg_free_table(&sgt);
	for (i = 0; i < FN_SG_PAGES; i++)
		__free_page(pages[i]);
}

static void dma_failnth_map_single(struct kunit *test)
{
	struct fn_ctx c = fn_get(test);
	const size_t len = 3 * PAGE_SIZE;
	struct failnth_sweep s;
	dma_addr_t iova, where;
	void *buf;

	buf = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0x5a, len);
	where = dma_map_single(c.dev, buf, len, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(c.dev, where));
	dma_unmap_single(c.dev, where, len, DMA_TO_DEVICE);

	for (failnth_begin(&s, "dma_map_single", failnth_limit); failnth_next(test, &s);) {
		u64 before = fn_mapped(test, c.dev);
		bool hit, failed;

		failnth_arm(s.n);
		iova = dma_map_single(c.dev, buf, len, DMA_TO_DEVICE);
		hit = failnth_disarm();
		failed = dma_mapping_error(c.dev, iova);
		failnth_ran(test, &s, hit, failed);

		if (failed) {
			fn_expect_nothing_mapped(test, &c, before, where & PAGE_MASK,
						 len + offset_in_page(buf), s.n);
			iova = dma_map_single(c.dev, buf, len, DMA_TO_DEVICE);
			KUNIT_ASSERT_FALSE_MSG(test, dma_mapping_error(c.dev, iova),
					       "site %u: the next call failed", s.n);
		}
		fn_expect_reaches(test, &c, fn_last_word(iova, len), buf + len - sizeof(u32), s.n);
		dma_unmap_single(c.dev, iova, len, DMA_TO_DEVICE);
	}
}

static struct kunit_case dma_failnth_cases[] = {
	KUNIT_CASE(dma_failnth_alloc_coherent),
	KUNIT_CASE(dma_failnth_alloc_atomic),
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
