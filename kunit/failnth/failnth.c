// SPDX-License-Identifier: GPL-2.0
/*
 * socmmu_failnth: the fail-nth sweeps the OMAP, Exynos and MSM drivers'
 * suites and the DMA layer's share (failnth.h), and the number of sites
 * each fails.  What differs per driver (its model's walk, its bench) is
 * given to a sweep; what a failed call must leave is checked here, the
 * same for every driver: a clean errno, nothing of the call visible to the
 * domain's iova_to_phys nor to the hardware's own walk, and the same call
 * then works.  kmemleak reports leaks at the run's end.
 *
 * Loaded before every suite that sweeps, so that its "limit" is set when
 * 6.1 runs those suites (before their own parameters apply):
 * `make faultinject` loads it with limit=0, every site.
 */
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/namei.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "../../iommu/core/socmmu_iommu.h"
#include "failnth.h"

static unsigned int limit = 3;
module_param(limit, uint, 0444);
MODULE_PARM_DESC(limit, "allocation sites each fail-nth sweep fails (0: all)");

/**
 * failnth_limit() - how many sites each sweep fails
 *
 * Return: the module's "limit" parameter; 0 means every site.
 */
unsigned int failnth_limit(void)
{
	return limit;
}
EXPORT_SYMBOL_GPL(failnth_limit);

/* ------------------------------------------------------------ mapping -- */

/**
 * failnth_map_armed() - iommu_map() of the sweeps' range, @n-th fault point armed
 * @domain: the domain
 * @gfp: GFP_KERNEL or GFP_ATOMIC
 * @n: the fault point to fail
 * @hit: set when it was reached
 *
 * Return: iommu_map()'s.
 */
int failnth_map_armed(struct iommu_domain *domain, gfp_t gfp, unsigned int n, bool *hit)
{
	int ret;

	failnth_arm(n);
	ret = kx_iommu_map_gfp(domain, FAILNTH_IOVA, FAILNTH_PA, FAILNTH_SIZE,
			       IOMMU_READ | IOMMU_WRITE, gfp);
	*hit = failnth_disarm();
	return ret;
}
EXPORT_SYMBOL_GPL(failnth_map_armed);

/**
 * failnth_map_armed_atomic() - the same from an atomic caller (a spinlock held)
 * @domain: the domain
 * @n: the fault point to fail
 * @hit: set when it was reached
 *
 * Return: iommu_map()'s.
 */
int failnth_map_armed_atomic(struct iommu_domain *domain, unsigned int n, bool *hit)
{
	static DEFINE_SPINLOCK(lock);
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&lock, flags);
	ret = failnth_map_armed(domain, GFP_ATOMIC, n, hit);
	spin_unlock_irqrestore(&lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(failnth_map_armed_atomic);

/* What the domain and every walker say of the sweeps' range: all of it or none. */
static void fn_expect_range(struct kunit *test, struct iommu_domain *domain,
			    const struct failnth_walker *w, bool mapped, unsigned int n)
{
	unsigned int wrong = 0, i;
	u32 off, first = 0;

	for (off = 0; off < FAILNTH_SIZE; off += SZ_4K) {
		u64 want = mapped ? FAILNTH_PA + off : 0;

		if (iommu_iova_to_phys(domain, FAILNTH_IOVA + off) != want && !wrong++)
			first = FAILNTH_IOVA + off;
	}
	KUNIT_EXPECT_EQ_MSG(test, wrong, 0, "site %u: %u pages %s, the first at 0x%x", n, wrong,
			    mapped ? "not mapped as asked" : "still mapped", first);
	for (i = 0; i < w->nr; i++) {
		for (off = 0; off < FAILNTH_SIZE; off += SZ_64K) {
			bool walks = w->translates(w->mmu[i], FAILNTH_IOVA + off);

			KUNIT_EXPECT_EQ_MSG(test, walks, mapped,
					    "site %u: instance %u %s 0x%x", n, i,
					    mapped ? "cannot walk to" : "still walks to",
					    FAILNTH_IOVA + off);
		}
	}
}

/**
 * failnth_sweep_map() - iommu_map() with its Nth allocation failed, every N
 * @test: the running case
 * @name: the sweep's name in the report
 * @domain: attached, its client powered, its faults handled
 * @w: the client's IOMMU instances
 * @atomic: map with GFP_ATOMIC under a spinlock
 *
 * After each failure: -ENOMEM, nothing of the range visible, and the
 * same map then works.
 */
void failnth_sweep_map(struct kunit *test, const char *name, struct iommu_domain *domain,
		       const struct failnth_walker *w, bool atomic)
{
	struct failnth_sweep s;

	for (failnth_begin(&s, name, limit); failnth_next(test, &s);) {
		bool hit;
		int ret;

		if (atomic)
			ret = failnth_map_armed_atomic(domain, s.n, &hit);
		else
			ret = failnth_map_armed(domain, GFP_KERNEL, s.n, &hit);
		failnth_ran(test, &s, hit, ret);

		if (ret) {
			KUNIT_EXPECT_EQ_MSG(test, ret, -ENOMEM, "site %u", s.n);
			fn_expect_range(test, domain, w, false, s.n);
			ret = kx_iommu_map(domain, FAILNTH_IOVA, FAILNTH_PA, FAILNTH_SIZE,
					   IOMMU_READ | IOMMU_WRITE);
			KUNIT_ASSERT_EQ_MSG(test, ret, 0, "site %u: the next call failed", s.n);
		}
		fn_expect_range(test, domain, w, true, s.n);
		KUNIT_ASSERT_EQ(test, iommu_unmap(domain, FAILNTH_IOVA, FAILNTH_SIZE),
				(size_t)FAILNTH_SIZE);
	}
}
EXPORT_SYMBOL_GPL(failnth_sweep_map);

/**
 * failnth_sweep_domain_alloc() - a paging domain with its Nth allocation failed
 * @test: the running case
 * @client: a client of the driver under test
 *
 * After each failure: no domain, and the next one maps.
 */
void failnth_sweep_domain_alloc(struct kunit *test, struct device *client)
{
	struct iommu_domain *domain;
	struct failnth_sweep s;
	bool attached;

	for (failnth_begin(&s, "domain_alloc", limit); failnth_next(test, &s);) {
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
		attached = !KX_IOMMU_PAGING_DOMAINS && !iommu_attach_device(domain, client);
		KUNIT_EXPECT_EQ(test, kx_iommu_map(domain, FAILNTH_IOVA, FAILNTH_PA, SZ_4K,
						   IOMMU_READ | IOMMU_WRITE), 0);
		KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(domain, FAILNTH_IOVA),
				(phys_addr_t)FAILNTH_PA);
		if (attached)
			iommu_detach_device(domain, client);
		iommu_domain_free(domain);
	}
}
EXPORT_SYMBOL_GPL(failnth_sweep_domain_alloc);

/* Does every instance walk to the page at FAILNTH_IOVA? */
static void fn_expect_walks(struct kunit *test, const struct failnth_walker *w, bool walks,
			    unsigned int n)
{
	unsigned int i;

	for (i = 0; i < w->nr; i++)
		KUNIT_EXPECT_EQ_MSG(test, w->translates(w->mmu[i], FAILNTH_IOVA), walks,
				    "site %u: instance %u %s the domain", n, i,
				    walks ? "does not walk" : "walks");
}

/**
 * failnth_sweep_attach() - attach with its Nth allocation failed, every N
 * @test: the running case
 * @domain: a paging domain of the driver, not attached
 * @client: its client (every instance in front of it in @w)
 * @b: the suite's bench calls
 * @w: the client's IOMMU instances
 *
 * After each failure: -ENOMEM, the client not on @domain and no instance
 * walking it, and the next attach works; every instance then walks it.
 */
void failnth_sweep_attach(struct kunit *test, struct iommu_domain *domain,
			  struct device *client, const struct failnth_bench *b,
			  const struct failnth_walker *w)
{
	struct failnth_sweep s;
	bool mapped = false;

	for (failnth_begin(&s, "attach", limit); failnth_next(test, &s);) {
		bool hit;
		int ret;

		failnth_arm(s.n);
		ret = b->attach(domain, client);
		hit = failnth_disarm();
		failnth_ran(test, &s, hit, ret);
		if (ret) {
			KUNIT_EXPECT_EQ_MSG(test, ret, -ENOMEM, "site %u", s.n);
			KUNIT_EXPECT_PTR_NE_MSG(test, iommu_get_domain_for_dev(client), domain,
						"site %u: attached after all", s.n);
			/* No instance half-way onto the domain (its page mapped by now). */
			if (mapped) {
				KUNIT_ASSERT_EQ(test, b->client_get(client), 0);
				fn_expect_walks(test, w, false, s.n);
				b->client_put(client);
			}
			ret = b->attach(domain, client);
			KUNIT_ASSERT_EQ_MSG(test, ret, 0, "site %u: the next call failed", s.n);
		}
		/* 6.1 maps only in an attached domain; it keeps the page after. */
		if (!mapped) {
			KUNIT_ASSERT_EQ(test, kx_iommu_map(domain, FAILNTH_IOVA, FAILNTH_PA, SZ_4K,
							   IOMMU_READ | IOMMU_WRITE), 0);
			mapped = true;
		}
		KUNIT_ASSERT_EQ(test, b->client_get(client), 0);
		fn_expect_walks(test, w, true, s.n);
		b->client_put(client);
		b->detach(domain, client);
	}
}
EXPORT_SYMBOL_GPL(failnth_sweep_attach);

/* ---------------------------------------------------------------- DMA -- */

/*
 * After a failed call: nothing more mapped than before, and the range it
 * would have used (@iova: where the same call just went, which the
 * per-CPU IOVA cache hands out again) translates nowhere, for the domain
 * and for the IOMMU's own walk.
 */
static void fn_expect_nothing_mapped(struct kunit *test, const struct failnth_dma *d,
				     u64 mapped_before, dma_addr_t iova, size_t len,
				     unsigned int n)
{
	size_t off, left = 0;
	u64 first = 0;

	KUNIT_EXPECT_EQ_MSG(test, d->mapped_bytes(d->dev), mapped_before, "site %u", n);
	for (off = 0; off < len; off += PAGE_SIZE) {
		if (iommu_iova_to_phys(d->domain, iova + off) && !left++)
			first = iova + off;
	}
	KUNIT_EXPECT_EQ_MSG(test, left, 0, "site %u: %zu pages still mapped, the first at 0x%llx",
			    n, left, first);
	KUNIT_EXPECT_FALSE_MSG(test, d->w->translates(d->w->mmu[0], iova),
			       "site %u: the IOMMU still translates 0x%llx", n, (u64)iova);
}

/* What a working buffer gives the device: its last word, as the CPU wrote it. */
static void fn_expect_reaches(struct kunit *test, const struct failnth_dma *d,
			      dma_addr_t start, size_t len, const void *cpu_start, unsigned int n)
{
	const u32 *cpu_last = cpu_start + len - sizeof(u32);
	u32 seen = 0;

	KUNIT_EXPECT_EQ_MSG(test, d->w->read(d->w->mmu[0], start + len - sizeof(u32), &seen), 0,
			    "site %u: the device cannot reach its buffer", n);
	KUNIT_EXPECT_EQ_MSG(test, seen, *cpu_last, "site %u", n);
}

static void *fn_alloc_armed(struct device *dev, size_t len, dma_addr_t *iova, gfp_t gfp,
			    unsigned int n, bool *hit)
{
	void *buf;

	failnth_arm(n);
	buf = dma_alloc_coherent(dev, len, iova, gfp);
	*hit = failnth_disarm();
	return buf;
}

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

/**
 * failnth_sweep_dma_coherent() - dma_alloc_coherent() with its Nth allocation failed
 * @test: the running case
 * @name: the sweep's name in the report
 * @d: the client, powered
 * @len: the buffer's size
 * @gfp: GFP_KERNEL, or GFP_ATOMIC (then called under a spinlock)
 */
void failnth_sweep_dma_coherent(struct kunit *test, const char *name,
				const struct failnth_dma *d, size_t len, gfp_t gfp)
{
	struct failnth_sweep s;
	dma_addr_t iova, where;
	void *buf;

	/* Where this size goes: the failed calls must leave it unmapped. */
	buf = dma_alloc_coherent(d->dev, len, &where, gfp);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	dma_free_coherent(d->dev, len, buf, where);

	for (failnth_begin(&s, name, limit); failnth_next(test, &s);) {
		u64 before = d->mapped_bytes(d->dev);
		bool hit;

		if (gfpflags_allow_blocking(gfp))
			buf = fn_alloc_armed(d->dev, len, &iova, gfp, s.n, &hit);
		else
			buf = fn_alloc_armed_atomic(d->dev, len, &iova, s.n, &hit);
		failnth_ran(test, &s, hit, !buf);

		if (!buf) {
			fn_expect_nothing_mapped(test, d, before, where, len, s.n);
			buf = dma_alloc_coherent(d->dev, len, &iova, gfp);
			KUNIT_ASSERT_NOT_NULL_MSG(test, buf, "site %u: the next call failed", s.n);
		}
		memset(buf, s.n, len);
		fn_expect_reaches(test, d, iova, len, buf, s.n);
		dma_free_coherent(d->dev, len, buf, iova);
		KUNIT_EXPECT_EQ(test, d->mapped_bytes(d->dev), before);
	}
}
EXPORT_SYMBOL_GPL(failnth_sweep_dma_coherent);

/**
 * failnth_sweep_dma_map_sg() - dma_map_sgtable() with its Nth allocation failed
 * @test: the running case
 * @d: the client, powered
 * @npages: scattered pages in the table (chained past one page of entries)
 *
 * One IOVA range, aligned to its size's largest power of two: more than
 * 256 pages need a second L2 table mid-way, a failure there comes after
 * the first table's runs are mapped, which the layer must take out again.
 */
void failnth_sweep_dma_map_sg(struct kunit *test, const struct failnth_dma *d,
			      unsigned int npages)
{
	struct page **pages;
	struct scatterlist *sg;
	struct failnth_sweep s;
	struct sg_table sgt;
	dma_addr_t where;
	unsigned int i;
	int ret;

	pages = kunit_kcalloc(test, npages, sizeof(*pages), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pages);
	for (i = 0; i < npages; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		if (!pages[i])
			goto out;
		memset(page_address(pages[i]), (u8)(i + 1), PAGE_SIZE);
	}
	if (sg_alloc_table(&sgt, npages, GFP_KERNEL))
		goto out;
	for_each_sgtable_sg(&sgt, sg, i)
		sg_set_page(sg, pages[i], PAGE_SIZE, 0);
	ret = dma_map_sgtable(d->dev, &sgt, DMA_TO_DEVICE, 0);
	KUNIT_EXPECT_EQ(test, ret, 0);
	if (ret)
		goto out_table;
	where = sg_dma_address(sgt.sgl);
	dma_unmap_sgtable(d->dev, &sgt, DMA_TO_DEVICE, 0);

	for (failnth_begin(&s, "dma_map_sg", limit); failnth_next(test, &s);) {
		u64 before = d->mapped_bytes(d->dev);
		bool hit;

		failnth_arm(s.n);
		ret = dma_map_sgtable(d->dev, &sgt, DMA_TO_DEVICE, 0);
		hit = failnth_disarm();
		failnth_ran(test, &s, hit, ret);

		if (ret) {
			KUNIT_EXPECT_EQ_MSG(test, ret, -ENOMEM, "site %u", s.n);
			fn_expect_nothing_mapped(test, d, before, where,
						 (size_t)npages * PAGE_SIZE, s.n);
			ret = dma_map_sgtable(d->dev, &sgt, DMA_TO_DEVICE, 0);
			KUNIT_EXPECT_EQ_MSG(test, ret, 0, "site %u: the next call failed", s.n);
			if (ret)
				break;
		}
		/* One range, every page in order: the last word is the last page's. */
		fn_expect_reaches(test, d, sg_dma_address(sgt.sgl) + (npages - 1) * PAGE_SIZE,
				  PAGE_SIZE, page_address(pages[npages - 1]), s.n);
		dma_unmap_sgtable(d->dev, &sgt, DMA_TO_DEVICE, 0);
	}
out_table:
	sg_free_table(&sgt);
out:
	KUNIT_EXPECT_EQ(test, i, npages);
	while (i--)
		__free_page(pages[i]);
}
EXPORT_SYMBOL_GPL(failnth_sweep_dma_map_sg);

/**
 * failnth_sweep_dma_map_single() - dma_map_single() with its Nth allocation failed
 * @test: the running case
 * @d: the client, powered
 */
void failnth_sweep_dma_map_single(struct kunit *test, const struct failnth_dma *d)
{
	const size_t len = 3 * PAGE_SIZE;
	struct failnth_sweep s;
	dma_addr_t iova, where;
	void *buf;

	buf = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0x5a, len);
	where = dma_map_single(d->dev, buf, len, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(d->dev, where));
	dma_unmap_single(d->dev, where, len, DMA_TO_DEVICE);

	for (failnth_begin(&s, "dma_map_single", limit); failnth_next(test, &s);) {
		u64 before = d->mapped_bytes(d->dev);
		bool hit, failed;

		failnth_arm(s.n);
		iova = dma_map_single(d->dev, buf, len, DMA_TO_DEVICE);
		hit = failnth_disarm();
		failed = dma_mapping_error(d->dev, iova);
		failnth_ran(test, &s, hit, failed);

		if (failed) {
			fn_expect_nothing_mapped(test, d, before, where & PAGE_MASK,
						 len + offset_in_page(buf), s.n);
			iova = dma_map_single(d->dev, buf, len, DMA_TO_DEVICE);
			KUNIT_ASSERT_FALSE_MSG(test, dma_mapping_error(d->dev, iova),
					       "site %u: the next call failed", s.n);
		}
		fn_expect_reaches(test, d, iova, len, buf, s.n);
		dma_unmap_single(d->dev, iova, len, DMA_TO_DEVICE);
	}
}
EXPORT_SYMBOL_GPL(failnth_sweep_dma_map_single);

/**
 * failnth_sweep_dma() - one of the DMA layer's calls, swept as every suite does
 * @test: the running case
 * @d: the client, powered
 * @call: which call, with which size
 */
void failnth_sweep_dma(struct kunit *test, const struct failnth_dma *d,
		       enum failnth_dma_call call)
{
	switch (call) {
	case FAILNTH_DMA_COHERENT:
		failnth_sweep_dma_coherent(test, "dma_alloc_coherent", d, SZ_64K + SZ_8K,
					   GFP_KERNEL);
		break;
	case FAILNTH_DMA_ATOMIC:
		failnth_sweep_dma_coherent(test, "dma_alloc_coherent atomic", d, SZ_16K,
					   GFP_ATOMIC);
		break;
	case FAILNTH_DMA_MAP_SG:
		failnth_sweep_dma_map_sg(test, d, 300);
		break;
	case FAILNTH_DMA_MAP_SINGLE:
		failnth_sweep_dma_map_single(test, d);
		break;
	case FAILNTH_DMA_COHERENT_TWO_TABLES:
		failnth_sweep_dma_coherent(test, "dma_alloc_coherent over two L2 tables", d,
					   SZ_1M + SZ_128K, GFP_KERNEL);
		break;
	}
}
EXPORT_SYMBOL_GPL(failnth_sweep_dma);

/**
 * failnth_sweep_dma_setup() - socmmu_dma_setup() with its Nth allocation failed
 * @test: the running case
 * @dev: a client the layer is off (socmmu_dma_release())
 * @limit: sites to fail, 0 for all
 * @expect_set_up: what else a working setup must give, or NULL
 *
 * Each failure a clean errno, the client without the layer and on the
 * domain it was on, and the next setup works.  The layer stays on @dev.
 */
void failnth_sweep_dma_setup(struct kunit *test, struct device *dev, unsigned int limit,
			     void (*expect_set_up)(struct kunit *test, struct device *dev,
						   unsigned int n))
{
	struct socmmu_dma_info info;
	struct iommu_domain *before;
	struct failnth_sweep s;

	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(dev, &info), -ENODEV);
	before = iommu_get_domain_for_dev(dev);
	for (failnth_begin(&s, "socmmu_dma_setup", limit); failnth_next(test, &s);) {
		bool hit;
		int ret;

		failnth_arm(s.n);
		ret = socmmu_dma_setup(dev);
		hit = failnth_disarm();
		failnth_ran(test, &s, hit, ret);
		if (ret) {
			KUNIT_EXPECT_EQ_MSG(test, ret, -ENOMEM, "site %u", s.n);
			KUNIT_EXPECT_EQ_MSG(test, socmmu_dma_get_info(dev, &info), -ENODEV,
					    "site %u: the layer is half there", s.n);
			KUNIT_EXPECT_PTR_EQ_MSG(test, iommu_get_domain_for_dev(dev), before,
						"site %u: the client moved", s.n);
			ret = socmmu_dma_setup(dev);
			KUNIT_ASSERT_EQ_MSG(test, ret, 0, "site %u: the next call failed", s.n);
		}
		KUNIT_EXPECT_EQ_MSG(test, socmmu_dma_get_info(dev, &info), 0, "site %u", s.n);
		KUNIT_EXPECT_PTR_EQ_MSG(test, iommu_get_domain_for_dev(dev), socmmu_dma_domain(dev),
					"site %u", s.n);
		if (expect_set_up)
			expect_set_up(test, dev, s.n);
		if (!s.done)
			socmmu_dma_release(dev);
	}
	/* A sweep cut short by @limit ends after a release. */
	if (socmmu_dma_get_info(dev, &info))
		KUNIT_EXPECT_EQ(test, socmmu_dma_setup(dev), 0);
}
EXPORT_SYMBOL_GPL(failnth_sweep_dma_setup);

/* -------------------------------------------------------------- probe -- */

struct fn_probed {
	struct platform_device *pdev;
	struct device_driver *drv;
	int irqs[4];
	int nirqs;
	char sysfs[96];		/* the IOMMU core's class device */
};

/* A client of the instance @data (its fwnode) that has a driver. */
static int fn_bound_client(struct device *dev, void *data)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);

	return fwspec && fwspec->iommu_fwnode == data && dev->driver;
}

static bool fn_in_sysfs(const char *path)
{
	struct path p;

	if (kern_path(path, 0, &p))
		return false;
	path_put(&p);
	return true;
}

/* What a bound instance holds (@bound), or none of it. */
static void fn_expect_instance(struct kunit *test, const struct fn_probed *p, bool bound,
			       unsigned int n)
{
	struct device *dev = &p->pdev->dev;
	struct socmmu_iommu_stats stats;
	int i;

	KUNIT_EXPECT_EQ_MSG(test, !!dev->driver, bound, "site %u: driver", n);
	KUNIT_EXPECT_EQ_MSG(test, !socmmu_iommu_get_stats(dev, &stats), bound,
			    "site %u: an instance of the framework", n);
	KUNIT_EXPECT_EQ_MSG(test, fn_in_sysfs(p->sysfs), bound, "site %u: %s", n, p->sysfs);
	KUNIT_EXPECT_EQ_MSG(test, pm_runtime_enabled(dev), bound, "site %u: runtime PM", n);
	for (i = 0; i < p->nirqs; i++)
		KUNIT_EXPECT_EQ_MSG(test, irq_has_action(p->irqs[i]), bound,
				    "site %u: IRQ %d's handler", n, p->irqs[i]);
}

/**
 * failnth_sweep_probe() - an IOMMU's probe with its Nth allocation failed
 * @test: the running case
 * @path: the IOMMU's DT node, bound to its driver, its clients not
 *
 * The driver core's bind (device_driver_attach()) with the Nth fault point
 * armed: it fails with -ENOMEM (-EBUSY where the kernel's
 * devm_ioremap_resource() failed to allocate the region) and leaves
 * nothing of the instance, or binds.  The instance is unbound between runs and bound at the end.
 * Whatever the probe of a bound instance does to the clients (6.12 and
 * Debian's 6.1 probe them again in iommu_device_register()) is swept too.
 */
void failnth_sweep_probe(struct kunit *test, const char *path)
{
	struct device_node *np = of_find_node_by_path(path);
	struct fn_probed *p;
	struct failnth_sweep s;
	struct device *dev;
	int i, ret, bound;

	KUNIT_ASSERT_NOT_NULL_MSG(test, np, "no node %s", path);
	p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	p->pdev = of_find_device_by_node(np);
	of_node_put(np);
	KUNIT_ASSERT_NOT_NULL_MSG(test, p->pdev, "%s has no device", path);
	dev = &p->pdev->dev;
	p->drv = dev->driver;
	/* Unbinding under a bound client would pull its tables from under it. */
	bound = bus_for_each_dev(&platform_bus_type, NULL, dev_fwnode(dev), fn_bound_client);
	if (!p->drv || bound)
		put_device(dev);
	KUNIT_ASSERT_NOT_NULL_MSG(test, p->drv, "%s is not bound", path);
	KUNIT_ASSERT_FALSE_MSG(test, bound, "%s has a bound client", path);
	p->nirqs = min_t(int, platform_irq_count(p->pdev), ARRAY_SIZE(p->irqs));
	for (i = 0; i < p->nirqs; i++)
		p->irqs[i] = platform_get_irq(p->pdev, i);
	snprintf(p->sysfs, sizeof(p->sysfs), "/sys/class/iommu/%s", dev_name(dev));
	fn_expect_instance(test, p, true, 0);

	device_release_driver(dev);
	fn_expect_instance(test, p, false, 0);
	for (failnth_begin(&s, "probe", limit); failnth_next(test, &s);) {
		bool hit;

		failnth_arm(s.n);
		ret = device_driver_attach(p->drv, dev);
		hit = failnth_disarm();
		failnth_ran(test, &s, hit, ret);
		if (ret) {
			/* devm_ioremap_resource()'s word for a failed region allocation. */
			KUNIT_EXPECT_TRUE_MSG(test, ret == -ENOMEM || ret == -EBUSY,
					      "site %u: %d", s.n, ret);
			fn_expect_instance(test, p, false, s.n);
			ret = device_driver_attach(p->drv, dev);
			KUNIT_EXPECT_EQ_MSG(test, ret, 0, "site %u: the next probe failed", s.n);
			if (ret)
				break;
		}
		fn_expect_instance(test, p, true, s.n);
		device_release_driver(dev);
	}
	/* And it stays bound, for the suites after this one. */
	KUNIT_EXPECT_EQ(test, device_driver_attach(p->drv, dev), 0);
	fn_expect_instance(test, p, true, s.n);
	put_device(dev);
}
EXPORT_SYMBOL_GPL(failnth_sweep_probe);

MODULE_DESCRIPTION("socmmu: the fail-nth sweeps the drivers' suites share");
MODULE_LICENSE("GPL");
