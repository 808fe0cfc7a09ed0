// SPDX-License-Identifier: GPL-2.0
/*
 * The DMA layer on the OMAP MMU model: a client driver that only calls the
 * DMA API (test_client.c), and the model playing the device behind the
 * MMU, reading and writing memory through its TLB and table walker.
 *
 * The suites power the MMUs by keeping the clients runtime-active (the
 * IOMMU driver's device links do the rest) and read the layer's counters
 * through socmmu_dma_get_info(); the client driver does neither.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/dma-map-ops.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/ratelimit.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>

#include <shim/kcompat.h>
#include <socmmu_dma.h>

#include "../kunit_shim.h"
#include "../omap_model/omap_model.h"
#include "dma_test.h"

enum { DMA0, DMA1, DMA2 };

static const char *const dma_test_mmus[DMA_TEST_NR_CLIENTS] = {
	"mmu_dma0", "mmu_dma1", "mmu_dma2",
};

static bool dma_test_registered;
static struct device *dma_test_destroy[DMA_TEST_NR_CLIENTS];

struct dma_test_ctx {
	struct device *dev;
	struct omap_model *mmu;
};

static struct dma_test_ctx dma_test_get(struct kunit *test, unsigned int which)
{
	struct dma_test_ctx ctx = {
		.dev = dma_test_client(which),
		.mmu = omap_model_find(dma_test_mmus[which]),
	};

	KUNIT_ASSERT_NOT_NULL_MSG(test, ctx.dev, "client %u is not bound", which);
	KUNIT_ASSERT_NOT_NULL(test, ctx.mmu);
	return ctx;
}

/* Keep the client, and through its device links its MMU, powered. */
static void dma_test_power(struct kunit *test, struct device *dev)
{
	pm_runtime_enable(dev);
	KUNIT_ASSERT_EQ(test, pm_runtime_resume_and_get(dev), 0);
}

static void dma_test_unpower(struct device *dev)
{
	pm_runtime_put_sync(dev);
	pm_runtime_disable(dev);
}

static void dma_test_fill(u8 *buf, size_t len, u32 seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		buf[i] = (u8)(seed + i * 7 + (i >> 12));
}

/*
 * The clients the running case powered: KUnit runs the exit after an init
 * that failed half-way (a client not bound), which must undo only those.
 */
static struct device *dma_test_powered[DMA_TEST_NR_CLIENTS];

static int dma_test_case_init(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < DMA_TEST_NR_CLIENTS; i++) {
		struct device *dev = dma_test_client(i);

		if (!dev) {
			KUNIT_FAIL(test, "the test DT's DMA client %u is not bound", i);
			return -ENODEV;
		}
		dma_test_power(test, dev);
		dma_test_powered[i] = dev;
	}
	return 0;
}

static void dma_test_case_exit(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < DMA_TEST_NR_CLIENTS; i++) {
		if (dma_test_powered[i])
			dma_test_unpower(dma_test_powered[i]);
		dma_test_powered[i] = NULL;
	}
}

static int dma_test_suite_init(struct kunit_suite *suite)
{
	int ret;

	if (dma_test_registered)
		return 0;
	ret = dma_test_client_register();
	if (!ret)
		dma_test_registered = true;
	return ret;
}

/* ------------------------------------------------------------- cases -- */

/*
 * The layer is there with no call of the client's: ops, window, domain,
 * and the framework's map of a list, since the domain is the framework's.
 */
static void dma_installed_by_probe(struct kunit *test)
{
	struct socmmu_dma_info info;
	unsigned int i;

	for (i = 0; i < DMA_TEST_NR_CLIENTS; i++) {
		struct dma_test_ctx c = dma_test_get(test, i);

		KUNIT_EXPECT_EQ(test, socmmu_dma_get_info(c.dev, &info), 0);
		KUNIT_EXPECT_FALSE(test, info.deferred);
		KUNIT_EXPECT_TRUE(test, info.maps_runs);
		KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(c.dev),
				    socmmu_dma_domain(c.dev));
		KUNIT_EXPECT_NOT_NULL(test, socmmu_dma_domain(c.dev));
	}
}

static void dma_coherent_device_writes(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	const size_t len = SZ_64K + SZ_8K;
	struct omap_model_result res;
	dma_addr_t iova;
	u8 *pattern, *buf;

	pattern = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pattern);
	dma_test_fill(pattern, len, 3);
	buf = dma_alloc_coherent(c.dev, len, &iova, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_NE(test, iova, 0);
	KUNIT_EXPECT_EQ(test, omap_model_write(c.mmu, iova, pattern, len, &res), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, memcmp(buf, pattern, len), 0);
	dma_free_coherent(c.dev, len, buf, iova);
}

static void dma_single_device_reads(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	const size_t len = 3 * PAGE_SIZE + 100;
	u8 *buf, *seen;
	dma_addr_t iova;

	buf = kmalloc(len, GFP_KERNEL);
	seen = kunit_kzalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, seen);
	dma_test_fill(buf, len, 11);
	iova = dma_map_single(c.dev, buf, len, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(c.dev, iova));
	/* The offset within the page is kept. */
	KUNIT_EXPECT_EQ(test, iova & ~PAGE_MASK, (dma_addr_t)offset_in_page(buf));
	KUNIT_EXPECT_EQ(test, omap_model_read(c.mmu, iova, seen, len, NULL), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, memcmp(buf, seen, len), 0);
	dma_unmap_single(c.dev, iova, len, DMA_TO_DEVICE);
	kfree(buf);
}

/* 256 scattered pages: one IOVA range, seen in order by the device. */
static void dma_sg_256_pages_one_range(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	const unsigned int n = 256;
	struct page **pages, **extra;
	struct scatterlist *sgl, *s;
	u8 *seen;
	dma_addr_t next = 0;
	size_t total = 0;
	unsigned int max_seg = dma_get_max_seg_size(c.dev);
	int count, i;

	pages = kunit_kcalloc(test, n, sizeof(*pages), GFP_KERNEL);
	extra = kunit_kcalloc(test, n, sizeof(*extra), GFP_KERNEL);
	sgl = kunit_kcalloc(test, n, sizeof(*sgl), GFP_KERNEL);
	seen = vzalloc(n * PAGE_SIZE);
	KUNIT_ASSERT_TRUE(test, pages && extra && sgl && seen);
	sg_init_table(sgl, n);
	for (i = 0; i < n; i++) {
		/* Every other page goes back: no two neighbours are adjacent. */
		pages[i] = alloc_page(GFP_KERNEL);
		extra[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_TRUE(test, pages[i] && extra[i]);
		memset(page_address(pages[i]), i, PAGE_SIZE);
		sg_set_page(&sgl[i], pages[i], PAGE_SIZE, 0);
	}
	count = dma_map_sg(c.dev, sgl, n, DMA_TO_DEVICE);
	KUNIT_ASSERT_GT(test, count, 0);
	/* Entries merge only where they have a DMA length of their own. */
	if (IS_ENABLED(CONFIG_NEED_SG_DMA_LENGTH))
		KUNIT_EXPECT_EQ(test, count, (int)DIV_ROUND_UP(n * PAGE_SIZE, max_seg));
	else
		KUNIT_EXPECT_EQ(test, count, (int)n);
	for_each_sg(sgl, s, count, i) {
		if (i)
			KUNIT_EXPECT_EQ(test, sg_dma_address(s), next);
		KUNIT_EXPECT_LE(test, sg_dma_len(s), max_seg);
		next = sg_dma_address(s) + sg_dma_len(s);
		total += sg_dma_len(s);
	}
	KUNIT_EXPECT_EQ(test, total, (size_t)n * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, omap_model_read(c.mmu, sg_dma_address(sgl), seen, n * PAGE_SIZE,
					      NULL), OMAP_MODEL_OK);
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ_MSG(test, seen[i * PAGE_SIZE], (u8)i, "page %d", i);
		KUNIT_EXPECT_EQ(test, seen[i * PAGE_SIZE + PAGE_SIZE - 1], (u8)i);
	}
	dma_unmap_sg(c.dev, sgl, n, DMA_TO_DEVICE);
	for (i = 0; i < n; i++) {
		__free_page(pages[i]);
		__free_page(extra[i]);
	}
	vfree(seen);
}

/* Merging honours max_segment_size and the segment boundary. */
static void dma_sg_merge_limits(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	unsigned int old_max = dma_get_max_seg_size(c.dev);
	unsigned long old_mask = dma_get_seg_boundary(c.dev);
	struct scatterlist sgl[6], *s;
	struct page *pages[6];
	int count, i;
	u8 byte;

	/* void on 6.12, int on 6.1: read back instead. */
	dma_set_max_seg_size(c.dev, 3 * PAGE_SIZE);
	dma_set_seg_boundary(c.dev, 4 * PAGE_SIZE - 1);
	KUNIT_ASSERT_EQ(test, dma_get_max_seg_size(c.dev), 3 * PAGE_SIZE);
	KUNIT_ASSERT_EQ(test, dma_get_seg_boundary(c.dev), 4 * PAGE_SIZE - 1);
	sg_init_table(sgl, 6);
	for (i = 0; i < 6; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		sg_set_page(&sgl[i], pages[i], PAGE_SIZE, 0);
	}
	count = dma_map_sg(c.dev, sgl, 6, DMA_TO_DEVICE);
	KUNIT_EXPECT_GT(test, count, 1);
	KUNIT_ASSERT_GT(test, count, 0);
	KUNIT_EXPECT_EQ(test, omap_model_read(c.mmu, sg_dma_address(&sgl[count - 1]), &byte, 1,
					      NULL), OMAP_MODEL_OK);
	for_each_sg(sgl, s, count, i) {
		dma_addr_t a = sg_dma_address(s);

		KUNIT_EXPECT_LE(test, sg_dma_len(s), 3 * PAGE_SIZE);
		KUNIT_EXPECT_EQ_MSG(test, a / (4 * PAGE_SIZE),
				    (a + sg_dma_len(s) - 1) / (4 * PAGE_SIZE),
				    "segment %d crosses a boundary", i);
	}
	dma_unmap_sg(c.dev, sgl, 6, DMA_TO_DEVICE);
	for (i = 0; i < 6; i++)
		__free_page(pages[i]);
	dma_set_max_seg_size(c.dev, old_max);
	dma_set_seg_boundary(c.dev, old_mask);
}

/* A failed map_sg says how many bytes it was asked to map, once. */
static void dma_sg_failure_logs_bytes(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	struct page *page = alloc_page(GFP_KERNEL);
	struct scatterlist sgl[2];
	char marker[64], needle[64];

	KUNIT_ASSERT_NOT_NULL(test, page);
	sg_init_table(sgl, 2);
	sg_set_page(&sgl[0], page, PAGE_SIZE, 0);
	sg_set_page(&sgl[1], page, 0, 0);	/* empty: the engine refuses the list */
	snprintf(marker, sizeof(marker), "dma_test: map_sg failure %p", test);
	snprintf(needle, sizeof(needle), "map_sg of %lu bytes failed: %d", PAGE_SIZE, -EINVAL);
	pr_info("%s\n", marker);
	KUNIT_EXPECT_EQ(test, dma_map_sg(c.dev, sgl, 2, DMA_TO_DEVICE), 0);
	KUNIT_EXPECT_EQ(test, kx_kunit_log_lines(marker, dev_name(c.dev), needle), 1);
	__free_page(page);
}

/*
 * Failure lines are rate-limited per device: DMA1 failing map_sg far past
 * the burst leaves DMA2's next failure its one line.
 */
static void dma_failure_log_limit_per_device(struct kunit *test)
{
	struct dma_test_ctx noisy = dma_test_get(test, DMA1);
	struct dma_test_ctx quiet = dma_test_get(test, DMA2);
	struct page *page = alloc_page(GFP_KERNEL);
	struct scatterlist sgl[2];
	char marker[64], needle[64];
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, page);
	sg_init_table(sgl, 2);
	sg_set_page(&sgl[0], page, PAGE_SIZE, 0);
	sg_set_page(&sgl[1], page, 0, 0);	/* empty: the engine refuses the list */
	snprintf(marker, sizeof(marker), "dma_test: log limit %p", test);
	snprintf(needle, sizeof(needle), "map_sg of %lu bytes failed: %d", PAGE_SIZE, -EINVAL);
	pr_info("%s\n", marker);
	for (i = 0; i < 4 * DEFAULT_RATELIMIT_BURST; i++)
		KUNIT_EXPECT_EQ(test, dma_map_sg(noisy.dev, sgl, 2, DMA_TO_DEVICE), 0);
	KUNIT_EXPECT_LE(test, kx_kunit_log_lines(marker, dev_name(noisy.dev), needle),
			DEFAULT_RATELIMIT_BURST);
	KUNIT_EXPECT_EQ(test, dma_map_sg(quiet.dev, sgl, 2, DMA_TO_DEVICE), 0);
	KUNIT_EXPECT_EQ(test, kx_kunit_log_lines(marker, dev_name(quiet.dev), needle), 1);
	__free_page(page);
}

/* Strict: once unmap or free returns, the device faults, TLB or not. */
static void dma_unmap_then_device_faults(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	struct omap_model_counters cnt;
	struct omap_model_result res;
	dma_addr_t iova;
	u8 byte = 0;
	void *buf;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	iova = dma_map_single(c.dev, buf, PAGE_SIZE, DMA_BIDIRECTIONAL);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(c.dev, iova));
	/* Twice: the second read hits the TLB. */
	KUNIT_EXPECT_EQ(test, omap_model_read(c.mmu, iova, &byte, 1, NULL), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, omap_model_read(c.mmu, iova, &byte, 1, NULL), OMAP_MODEL_OK);
	dma_unmap_single(c.dev, iova, PAGE_SIZE, DMA_BIDIRECTIONAL);
	omap_model_reset_counters(c.mmu);
	KUNIT_EXPECT_EQ(test, omap_model_read(c.mmu, iova, &byte, 1, &res), OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, res.fault_addr, (u32)iova);
	omap_model_counters(c.mmu, &cnt);
	KUNIT_EXPECT_EQ(test, cnt.tlb_hits, 0u);
	kfree(buf);

	buf = dma_alloc_coherent(c.dev, SZ_16K, &iova, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, omap_model_write(c.mmu, iova + SZ_8K, &byte, 1, NULL),
			OMAP_MODEL_OK);
	dma_free_coherent(c.dev, SZ_16K, buf, iova);
	KUNIT_EXPECT_EQ(test, omap_model_write(c.mmu, iova + SZ_8K, &byte, 1, &res),
			OMAP_MODEL_ERROR);
}

/* Deferred: the IOVA is not reused until the queue drains; then it faults. */
static void dma_deferred_flush_queue(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	struct socmmu_dma_info before, after;
	dma_addr_t iova, again;
	u8 byte = 0;
	void *buf;

	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, socmmu_dma_set_deferred(c.dev, true), 0);
	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(c.dev, &before), 0);
	iova = dma_map_single(c.dev, buf, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(c.dev, iova));
	dma_unmap_single(c.dev, iova, PAGE_SIZE, DMA_TO_DEVICE);
	again = dma_map_single(c.dev, buf, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(c.dev, again));
	KUNIT_EXPECT_NE(test, again, iova);
	dma_unmap_single(c.dev, again, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(c.dev, &after), 0);
	KUNIT_EXPECT_EQ(test, after.queued - before.queued, 2ULL);
	KUNIT_EXPECT_EQ(test, after.strict_syncs, before.strict_syncs);
	/* The queue's timer (10 ms) drains it. */
	msleep(50);
	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(c.dev, &after), 0);
	KUNIT_EXPECT_GE(test, after.queue_flushes - before.queue_flushes, 1ULL);
	KUNIT_EXPECT_EQ(test, omap_model_read(c.mmu, iova, &byte, 1, NULL), OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, socmmu_dma_set_deferred(c.dev, false), 0);
	kfree(buf);
}

/* A full window fails cleanly, keeps what is mapped, and recovers. */
static void dma_window_exhaustion(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA1);
	struct socmmu_dma_info info;
	const unsigned int n = SZ_1M / PAGE_SIZE;
	dma_addr_t *iovas, extra;
	struct page **pages;
	unsigned int i;
	u8 byte;

	KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(c.dev, &info), 0);
	KUNIT_ASSERT_EQ(test, info.window_limit - info.window_base, (dma_addr_t)SZ_1M);
	iovas = kunit_kcalloc(test, n, sizeof(*iovas), GFP_KERNEL);
	pages = kunit_kcalloc(test, n + 1, sizeof(*pages), GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, iovas && pages);
	for (i = 0; i <= n; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		*(u8 *)page_address(pages[i]) = (u8)i;
	}
	for (i = 0; i < n; i++) {
		iovas[i] = dma_map_page(c.dev, pages[i], 0, PAGE_SIZE, DMA_TO_DEVICE);
		KUNIT_ASSERT_FALSE_MSG(test, dma_mapping_error(c.dev, iovas[i]), "page %u", i);
		KUNIT_EXPECT_GE(test, iovas[i], info.window_base);
		KUNIT_EXPECT_LT(test, iovas[i], info.window_limit);
	}
	extra = dma_map_page(c.dev, pages[n], 0, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_EXPECT_TRUE(test, dma_mapping_error(c.dev, extra));
	KUNIT_EXPECT_NULL(test, dma_alloc_coherent(c.dev, PAGE_SIZE, &extra, GFP_KERNEL));
	/* Nothing mapped was disturbed. */
	for (i = 0; i < n; i += 17) {
		KUNIT_EXPECT_EQ(test, omap_model_read(c.mmu, iovas[i], &byte, 1, NULL),
				OMAP_MODEL_OK);
		KUNIT_EXPECT_EQ(test, byte, (u8)i);
	}
	dma_unmap_page(c.dev, iovas[100], PAGE_SIZE, DMA_TO_DEVICE);
	extra = dma_map_page(c.dev, pages[n], 0, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_EXPECT_FALSE(test, dma_mapping_error(c.dev, extra));
	KUNIT_EXPECT_EQ(test, extra, iovas[100]);
	iovas[100] = extra;
	for (i = 0; i < n; i++)
		dma_unmap_page(c.dev, iovas[i], PAGE_SIZE, DMA_TO_DEVICE);
	for (i = 0; i <= n; i++)
		__free_page(pages[i]);
}

/* Windows from the property, from dma-ranges, and the default. */
static void dma_windows_and_reserved(struct kunit *test)
{
	static const struct { dma_addr_t base, limit; } want[DMA_TEST_NR_CLIENTS] = {
		{ 0x80000000, 0x90000000 },
		{ 0x40000000, 0x40100000 },
		{ PAGE_SIZE, 0x100000000ULL },
	};
	struct socmmu_dma_info info;
	unsigned int i;

	for (i = 0; i < DMA_TEST_NR_CLIENTS; i++) {
		struct dma_test_ctx c = dma_test_get(test, i);
		dma_addr_t iova;
		void *buf;

		KUNIT_ASSERT_EQ(test, socmmu_dma_get_info(c.dev, &info), 0);
		KUNIT_EXPECT_EQ_MSG(test, info.window_base, want[i].base, "client %u", i);
		KUNIT_EXPECT_EQ_MSG(test, info.window_limit, want[i].limit, "client %u", i);
		buf = dma_alloc_coherent(c.dev, PAGE_SIZE, &iova, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, buf);
		KUNIT_EXPECT_GE_MSG(test, iova, i == DMA0 ? 0x80100000 : want[i].base,
				    "client %u", i);
		KUNIT_EXPECT_LT_MSG(test, iova, want[i].limit, "client %u", i);
		dma_free_coherent(c.dev, PAGE_SIZE, buf, iova);
	}
	/* dma0's reserved-memory area is out of bounds for the DMA API. */
	KUNIT_EXPECT_EQ(test, socmmu_dma_reserve(dma_test_client(DMA0), 0x80000000, PAGE_SIZE),
			-EBUSY);
}

/* A fixed area mapped by its user and DMA-API buffers never overlap. */
static void dma_fixed_area_no_overlap(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA0);
	struct iommu_domain *domain = socmmu_dma_domain(c.dev);
	const dma_addr_t fixed = 0x80400000;
	const unsigned int n = 64;
	struct page *fw;
	dma_addr_t *iovas;
	u8 byte = 0;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, domain);
	iovas = kunit_kcalloc(test, n, sizeof(*iovas), GFP_KERNEL);
	fw = alloc_pages(GFP_KERNEL | __GFP_ZERO, get_order(SZ_1M));
	KUNIT_ASSERT_TRUE(test, iovas && fw);
	KUNIT_ASSERT_EQ(test, socmmu_dma_reserve(c.dev, fixed, SZ_1M), 0);
	KUNIT_ASSERT_EQ(test, kx_iommu_map(domain, fixed, page_to_phys(fw), SZ_1M,
					   IOMMU_READ | IOMMU_WRITE), 0);
	/* 64 MiB of resources from the lowest address up: around the area. */
	for (i = 0; i < n; i++) {
		iovas[i] = dma_map_resource(c.dev, 0x10000000, SZ_1M, DMA_TO_DEVICE, 0);
		KUNIT_ASSERT_FALSE(test, dma_mapping_error(c.dev, iovas[i]));
		KUNIT_EXPECT_TRUE_MSG(test, iovas[i] + SZ_1M <= fixed || iovas[i] >= fixed + SZ_1M,
				      "buffer at %pad overlaps the fixed area", &iovas[i]);
	}
	/* The area still translates to the firmware's pages. */
	*(u8 *)page_address(fw + 5) = 0x5a;
	KUNIT_EXPECT_EQ(test, omap_model_read(c.mmu, fixed + 5 * PAGE_SIZE, &byte, 1, NULL),
			OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, byte, 0x5a);
	/* Reserving over a live DMA-API buffer is refused. */
	KUNIT_EXPECT_EQ(test, socmmu_dma_reserve(c.dev, iovas[0], PAGE_SIZE), -EBUSY);
	for (i = 0; i < n; i++)
		dma_unmap_resource(c.dev, iovas[i], SZ_1M, DMA_TO_DEVICE, 0);
	KUNIT_EXPECT_EQ(test, iommu_unmap(domain, fixed, SZ_1M), (size_t)SZ_1M);
	socmmu_dma_unreserve(c.dev, fixed, SZ_1M);
	__free_pages(fw, get_order(SZ_1M));
}

/* FORCE_CONTIGUOUS, NO_KERNEL_MAPPING and get_sgtable. */
static void dma_alloc_attrs_and_sgtable(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	const size_t len = SZ_64K;
	struct sg_table sgt;
	dma_addr_t iova;
	void *cookie;
	u8 *pattern, *back;

	pattern = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pattern);
	dma_test_fill(pattern, len, 29);

	cookie = dma_alloc_attrs(c.dev, len, &iova, GFP_KERNEL, DMA_ATTR_FORCE_CONTIGUOUS);
	KUNIT_ASSERT_NOT_NULL(test, cookie);
	KUNIT_ASSERT_EQ(test, dma_get_sgtable(c.dev, &sgt, cookie, iova, len), 0);
	KUNIT_EXPECT_EQ(test, sgt.orig_nents, 1u);
	sg_free_table(&sgt);
	dma_free_attrs(c.dev, len, cookie, iova, DMA_ATTR_FORCE_CONTIGUOUS);

	cookie = dma_alloc_attrs(c.dev, len, &iova, GFP_KERNEL, DMA_ATTR_NO_KERNEL_MAPPING);
	KUNIT_ASSERT_NOT_NULL(test, cookie);
	KUNIT_EXPECT_FALSE(test, is_vmalloc_addr(cookie));
	KUNIT_EXPECT_EQ(test, omap_model_write(c.mmu, iova, pattern, len, NULL), OMAP_MODEL_OK);
	KUNIT_ASSERT_EQ(test, dma_get_sgtable_attrs(c.dev, &sgt, cookie, iova, len,
						    DMA_ATTR_NO_KERNEL_MAPPING), 0);
	back = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, back);
	KUNIT_EXPECT_EQ(test, sg_copy_to_buffer(sgt.sgl, sgt.orig_nents, back, len), len);
	KUNIT_EXPECT_EQ(test, memcmp(back, pattern, len), 0);
	sg_free_table(&sgt);
	dma_free_attrs(c.dev, len, cookie, iova, DMA_ATTR_NO_KERNEL_MAPPING);
}

/*
 * The DMA API aligns a coherent buffer to its size's page order, so that
 * one of 64 KiB or less crosses no 64 KiB line: 192 KiB buffers start on
 * 256 KiB.  The window's own rule aligns them to 128 KiB only, and of
 * 192K, 320K, 192K taken from the free space in a row, one 192K lands on
 * an odd multiple of 128 KiB under that rule, whichever phase it starts at.
 */
static void dma_coherent_size_aligned(struct kunit *test)
{
	static const size_t sizes[] = { SZ_128K + SZ_64K, SZ_256K + SZ_64K, SZ_128K + SZ_64K };
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	dma_addr_t iova[ARRAY_SIZE(sizes)];
	void *buf[ARRAY_SIZE(sizes)];
	unsigned int i;
	u8 byte;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		buf[i] = dma_alloc_coherent(c.dev, sizes[i], &iova[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, buf[i]);
		KUNIT_EXPECT_EQ_MSG(test, iova[i] & (roundup_pow_of_two(sizes[i]) - 1), 0,
				    "buffer %u of %zu bytes at %pad", i, sizes[i], &iova[i]);
	}
	KUNIT_EXPECT_EQ(test, omap_model_read(c.mmu, iova[2] + sizes[2] - 1, &byte, 1, NULL),
			OMAP_MODEL_OK);
	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		dma_free_coherent(c.dev, sizes[i], buf[i], iova[i]);
}

/* A caller that cannot sleep is served from the pool. */
static void dma_atomic_alloc(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	static DEFINE_SPINLOCK(lock);
	unsigned long flags;
	dma_addr_t iova;
	u32 word = 0xfeedf00d;
	u32 *buf;

	spin_lock_irqsave(&lock, flags);
	buf = dma_alloc_coherent(c.dev, SZ_8K, &iova, GFP_ATOMIC);
	spin_unlock_irqrestore(&lock, flags);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, buf[1024], 0u);
	KUNIT_EXPECT_EQ(test, omap_model_write(c.mmu, iova + SZ_4K, &word, 4, NULL),
			OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, buf[1024], 0xfeedf00du);
	dma_free_coherent(c.dev, SZ_8K, buf, iova);
}

/* Non-coherent pages: dma_alloc_pages and dma_alloc_noncontiguous. */
static void dma_noncoherent_pages(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	u32 word = 0x12345678;
	struct sg_table *sgt;
	struct page *page;
	dma_addr_t iova;
	u32 *va;

	page = dma_alloc_pages(c.dev, SZ_16K, &iova, DMA_BIDIRECTIONAL, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	/* 6.1's DMA_API_DEBUG records this as a map whose error must be checked. */
	KUNIT_EXPECT_FALSE(test, dma_mapping_error(c.dev, iova));
	KUNIT_EXPECT_EQ(test, omap_model_write(c.mmu, iova + SZ_8K, &word, 4, NULL),
			OMAP_MODEL_OK);
	dma_sync_single_for_cpu(c.dev, iova, SZ_16K, DMA_BIDIRECTIONAL);
	KUNIT_EXPECT_EQ(test, *(u32 *)(page_address(page) + SZ_8K), word);
	dma_free_pages(c.dev, SZ_16K, page, iova, DMA_BIDIRECTIONAL);

	sgt = dma_alloc_noncontiguous(c.dev, SZ_64K, DMA_FROM_DEVICE, GFP_KERNEL, 0);
	KUNIT_ASSERT_NOT_NULL(test, sgt);
	KUNIT_EXPECT_EQ(test, sgt->nents, 1u);
	va = dma_vmap_noncontiguous(c.dev, SZ_64K, sgt);
	KUNIT_ASSERT_NOT_NULL(test, va);
	KUNIT_EXPECT_EQ(test, omap_model_write(c.mmu, sg_dma_address(sgt->sgl) + SZ_32K + 4,
					       &word, 4, NULL), OMAP_MODEL_OK);
	dma_sync_sgtable_for_cpu(c.dev, sgt, DMA_FROM_DEVICE);
	KUNIT_EXPECT_EQ(test, va[SZ_32K / 4 + 1], word);
	dma_vunmap_noncontiguous(c.dev, va);
	dma_free_noncontiguous(c.dev, SZ_64K, sgt, DMA_FROM_DEVICE);
}

static void dma_limits_and_hints(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA1);

	KUNIT_EXPECT_EQ(test, dma_set_mask_and_coherent(c.dev, DMA_BIT_MASK(32)), 0);
	KUNIT_EXPECT_EQ(test, dma_get_required_mask(c.dev), DMA_BIT_MASK(31));
	KUNIT_EXPECT_EQ(test, dma_max_mapping_size(c.dev), (size_t)SZ_1M);
	KUNIT_EXPECT_EQ(test, dma_get_merge_boundary(c.dev), (unsigned long)(SZ_4K - 1));
}

/* A bad free is refused and leaves the buffer mapped. */
static void dma_bad_free_keeps_state(struct kunit *test)
{
	struct dma_test_ctx c = dma_test_get(test, DMA2);
	dma_addr_t iova;
	u8 byte = 1;
	void *buf;

	buf = dma_alloc_coherent(c.dev, PAGE_SIZE, &iova, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	/*
	 * Wrong handle: refused with one dev_err, nothing unmapped.  Straight
	 * to the op: DMA_API_DEBUG would (rightly) report the bad call first.
	 */
	get_dma_ops(c.dev)->free(c.dev, PAGE_SIZE, buf, iova + PAGE_SIZE, 0);
	KUNIT_EXPECT_EQ(test, omap_model_write(c.mmu, iova, &byte, 1, NULL), OMAP_MODEL_OK);
	dma_free_coherent(c.dev, PAGE_SIZE, buf, iova);
}

/*
 * A driver whose device is deleted under it (of_platform_device_destroy(),
 * a hot-unplugged bus) still frees its buffers in remove(): the layer must
 * still be there then, and go after.  The late client sits behind the fake
 * IOMMU (kunit/iommu_core) and is created here, not at boot.
 */
static struct {
	void *buf;
	dma_addr_t iova;
	int info_at_remove;	/* socmmu_dma_get_info() in remove() */
	bool removed;
} dma_late;

static int dma_late_probe(struct platform_device *pdev)
{
	dma_late.buf = dma_alloc_coherent(&pdev->dev, 4 * PAGE_SIZE, &dma_late.iova, GFP_KERNEL);
	return dma_late.buf ? 0 : -ENOMEM;
}

static void dma_late_remove(struct platform_device *pdev)
{
	struct socmmu_dma_info info;

	dma_late.info_at_remove = socmmu_dma_get_info(&pdev->dev, &info);
	dma_free_coherent(&pdev->dev, 4 * PAGE_SIZE, dma_late.buf, dma_late.iova);
	dma_late.removed = true;
}

static const struct of_device_id dma_late_match[] = {
	{ .compatible = "socmmu,test-dma-late" },
	{}
};

static struct platform_driver dma_late_driver = {
	.probe = dma_late_probe,
	.remove_new = dma_late_remove,
	.driver = {
		.name = "socmmu-dma-test-late",
		.of_match_table = dma_late_match,
	},
};

static void dma_device_deleted_under_driver(struct kunit *test)
{
	struct device_node *np = of_find_node_by_path("/late-clients/dma-client-late");
	struct platform_device *pdev;
	struct socmmu_dma_info info;

	KUNIT_ASSERT_NOT_NULL(test, np);
	memset(&dma_late, 0, sizeof(dma_late));
	KUNIT_ASSERT_EQ(test, __platform_driver_register(&dma_late_driver, NULL), 0);
	pdev = of_platform_device_create(np, NULL, NULL);
	of_node_put(np);
	if (!pdev) {
		platform_driver_unregister(&dma_late_driver);
		KUNIT_FAIL(test, "cannot create the late client");
		return;
	}
	/* Bound, with its buffer from the layer. */
	KUNIT_EXPECT_NOT_NULL(test, pdev->dev.driver);
	KUNIT_EXPECT_NOT_NULL(test, dma_late.buf);
	KUNIT_EXPECT_EQ(test, socmmu_dma_get_info(&pdev->dev, &info), 0);
	get_device(&pdev->dev);
	of_platform_device_destroy(&pdev->dev, NULL);
	KUNIT_EXPECT_TRUE(test, dma_late.removed);
	KUNIT_EXPECT_EQ(test, dma_late.info_at_remove, 0);
	/* And gone after. */
	KUNIT_EXPECT_EQ(test, socmmu_dma_get_info(&pdev->dev, &info), -ENODEV);
	put_device(&pdev->dev);
	platform_driver_unregister(&dma_late_driver);
}

static struct kunit_case dma_layer_cases[] = {
	KUNIT_CASE(dma_installed_by_probe),
	KUNIT_CASE(dma_coherent_device_writes),
	KUNIT_CASE(dma_single_device_reads),
	KUNIT_CASE(dma_sg_256_pages_one_range),
	KUNIT_CASE(dma_sg_merge_limits),
	KUNIT_CASE(dma_sg_failure_logs_bytes),
	KUNIT_CASE(dma_failure_log_limit_per_device),
	KUNIT_CASE(dma_unmap_then_device_faults),
	KUNIT_CASE(dma_deferred_flush_queue),
	KUNIT_CASE(dma_window_exhaustion),
	KUNIT_CASE(dma_windows_and_reserved),
	KUNIT_CASE(dma_fixed_area_no_overlap),
	KUNIT_CASE(dma_alloc_attrs_and_sgtable),
	KUNIT_CASE(dma_coherent_size_aligned),
	KUNIT_CASE(dma_atomic_alloc),
	KUNIT_CASE(dma_noncoherent_pages),
	KUNIT_CASE(dma_limits_and_hints),
	KUNIT_CASE(dma_bad_free_keeps_state),
	KUNIT_CASE(dma_device_deleted_under_driver),
	{}
};

static struct kunit_suite dma_layer_suite = {
	.name = "socmmu_dma",
	.suite_init = dma_test_suite_init,
	.init = dma_test_case_init,
	.exit = dma_test_case_exit,
	.test_cases = dma_layer_cases,
};

kunit_test_suites(&dma_layer_suite);

static int __init dma_test_init(void)
{
	return 0;
}

/* Delete the clients too: each holds a reference on the IOMMU driver. */
static void __exit dma_test_exit(void)
{
	unsigned int i;

	for (i = 0; i < DMA_TEST_NR_CLIENTS; i++) {
		struct device *dev = dma_test_client(i);

		if (dev) {
			get_device(dev);
			dma_test_destroy[i] = dev;
		}
	}
	if (dma_test_registered)
		dma_test_client_unregister();
	for (i = 0; i < DMA_TEST_NR_CLIENTS; i++) {
		if (dma_test_destroy[i]) {
			of_platform_device_destroy(dma_test_destroy[i], NULL);
			put_device(dma_test_destroy[i]);
		}
	}
}

module_init(dma_test_init);
module_exit(dma_test_exit);
MODULE_DESCRIPTION("socmmu DMA layer tests on the OMAP MMU model");
MODULE_LICENSE("GPL");
