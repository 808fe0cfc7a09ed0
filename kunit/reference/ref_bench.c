// SPDX-License-Identifier: GPL-2.0
/*
 * `make bench` on the reference kernel (uml-ref-6.12, no debugging
 * options): our OMAP driver against mainline's omap-iommu, in one boot,
 * on identical OMAP4 model instances (32 TLB entries, bus-err-back) and
 * the same workload, both through the generic IOMMU API:
 *
 *   mainline: client "ipu" behind mmu_ipu, a paging domain of its own;
 *   ours:     client dma2 behind mmu_dma2 (handed over by
 *             socmmu_ref_handover), the DMA layer's domain, in an IOVA
 *             area reserved for the bench.
 *
 * Rows print "bench NAME: socmmu X ns/op, mainline Y ns/op, speedup Y/X"
 * (speedup: how many times faster ours is), best of BENCH_ROUNDS alternating
 * rounds, and the spread of each side's rounds (max/min) as the noise.
 * The TLB row counts the model's invalidation register writes for one
 * unmap batch: a count, not a time.  Nothing is asserted on the figures.
 * Documentation/performance.rst.
 */
#include <linux/iommu.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pm_runtime.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>

#include <socmmu_dma.h>

#include "../dma/dma_test.h"
#include "../omap_model/omap_model.h"
#include "ref_client.h"

#define BENCH_ROUNDS	10
#define BENCH_OURS_AREA	0xa0000000ULL	/* in dma2's default window */
#define BENCH_AREA_SIZE	SZ_256M
#define BENCH_THEIRS_AREA 0x20000000UL
#define BENCH_POOL	256		/* scattered pages, reused round robin */

static const struct of_device_id ref_bench_clients_match[] = {
	{ .compatible = "socmmu,test-ipu" },
	{}
};

struct bench_side {
	const char *label;
	struct device *dev;
	struct iommu_domain *domain;
	struct omap_model *model;
	unsigned long base;
};

static struct {
	struct ref_clients clients;
	struct bench_side ours, theirs;
	struct page *pool[BENCH_POOL];
	bool attached, reserved, ours_active;
} rb;

/* 64 MiB in 4 KiB pages: one iommu_map() a page, one iommu_unmap() for all. */
static int bench_4k(struct bench_side *s, u64 *ns)
{
	unsigned long iova;
	unsigned int i;
	u64 t0 = ktime_get_ns();

	for (i = 0; i < SZ_64M / SZ_4K; i++) {
		iova = s->base + (unsigned long)i * SZ_4K;
		if (iommu_map(s->domain, iova, page_to_phys(rb.pool[i % BENCH_POOL]), SZ_4K,
			      IOMMU_READ | IOMMU_WRITE, GFP_KERNEL))
			return -EIO;
	}
	if (iommu_unmap(s->domain, s->base, SZ_64M) != SZ_64M)
		return -EIO;
	*ns = ktime_get_ns() - t0;
	return 0;
}

/*
 * Mixed sizes, each aligned: 16 x 4K, 16 x 64K, 16 x 1M, 2 x 16M (50 MiB
 * and 50 mappings), mapped in that order and unmapped one by one.
 */
static const struct {
	size_t size;
	unsigned int count;
} bench_mix[] = {
	{ SZ_4K, 16 }, { SZ_64K, 16 }, { SZ_1M, 16 }, { SZ_16M, 2 },
};

static int bench_mixed(struct bench_side *s, u64 *ns)
{
	unsigned long iova[4][16];
	unsigned long next = s->base;
	unsigned int i, j;
	u64 t0 = ktime_get_ns();

	for (i = 0; i < ARRAY_SIZE(bench_mix); i++) {
		size_t size = bench_mix[i].size;

		for (j = 0; j < bench_mix[i].count; j++) {
			next = ALIGN(next, size);
			iova[i][j] = next;
			/* Any size-aligned RAM block: only the tables change. */
			if (iommu_map(s->domain, next, (phys_addr_t)SZ_16M * 2, size,
				      IOMMU_READ | IOMMU_WRITE, GFP_KERNEL))
				return -EIO;
			next += size;
		}
	}
	for (i = 0; i < ARRAY_SIZE(bench_mix); i++)
		for (j = 0; j < bench_mix[i].count; j++)
			if (iommu_unmap(s->domain, iova[i][j], bench_mix[i].size) !=
			    bench_mix[i].size)
				return -EIO;
	*ns = ktime_get_ns() - t0;
	return 0;
}

static void bench_row(const char *name, int (*run)(struct bench_side *s, u64 *ns))
{
	u64 best[2] = { U64_MAX, U64_MAX }, worst[2] = { 0, 0 }, ns, ratio;
	struct bench_side *sides[2] = { &rb.ours, &rb.theirs };
	unsigned int round, k;

	for (round = 0; round < BENCH_ROUNDS; round++) {
		for (k = 0; k < 2; k++) {
			int ret = run(sides[k], &ns);

			if (ret) {
				pr_err("bench %s: %s failed: %d\n", name, sides[k]->label, ret);
				return;
			}
			best[k] = min(best[k], ns);
			worst[k] = max(worst[k], ns);
		}
	}
	ratio = div64_u64(best[1] * 100 + best[0] / 2, best[0]);
	pr_info("bench %s: socmmu %llu ns/op, mainline %llu ns/op, speedup %llu.%02llux (spread socmmu %llu%%, mainline %llu%%)\n",
		name, best[0], best[1], ratio / 100, ratio % 100,
		div64_u64((worst[0] - best[0]) * 100, best[0]),
		div64_u64((worst[1] - best[1]) * 100, best[1]));
}

/* TLB invalidation writes (FLUSH_ENTRY, GFLUSH) of one 64 MiB unmap. */
static int bench_flush_writes(struct bench_side *s, unsigned int *writes,
			      unsigned int *accesses)
{
	struct omap_model_counters c;
	unsigned int i;

	for (i = 0; i < SZ_64M / SZ_4K; i++)
		if (iommu_map(s->domain, s->base + (unsigned long)i * SZ_4K,
			      page_to_phys(rb.pool[i % BENCH_POOL]), SZ_4K, IOMMU_READ, GFP_KERNEL))
			return -EIO;
	omap_model_reset_counters(s->model);
	if (iommu_unmap(s->domain, s->base, SZ_64M) != SZ_64M)
		return -EIO;
	omap_model_counters(s->model, &c);
	*writes = c.reg_writes[OMAP_MODEL_FLUSH_ENTRY / 4] + c.reg_writes[OMAP_MODEL_GFLUSH / 4];
	*accesses = 0;
	for (i = 0; i < ARRAY_SIZE(c.reg_reads); i++)
		*accesses += c.reg_reads[i] + c.reg_writes[i];
	return 0;
}

static void bench_flush_row(void)
{
	unsigned int w[2], a[2];

	if (bench_flush_writes(&rb.ours, &w[0], &a[0]) ||
	    bench_flush_writes(&rb.theirs, &w[1], &a[1])) {
		pr_err("bench omap tlb-writes: failed\n");
		return;
	}
	pr_info("bench omap tlb-writes per 64M unmap: socmmu %u (%u register accesses), mainline %u (%u register accesses)\n",
		w[0], a[0], w[1], a[1]);
}

static int ref_bench_setup(void)
{
	struct device *mmu_dev;
	unsigned int i;
	int ret;

	for (i = 0; i < BENCH_POOL; i++) {
		rb.pool[i] = alloc_page(GFP_KERNEL);
		if (!rb.pool[i])
			return -ENOMEM;
	}
	rb.ours.label = "socmmu";
	rb.ours.dev = dma_test_client(2);
	rb.ours.domain = rb.ours.dev ? socmmu_dma_domain(rb.ours.dev) : NULL;
	rb.ours.model = omap_model_find("mmu_dma2");
	rb.ours.base = BENCH_OURS_AREA;
	if (!rb.ours.domain || !rb.ours.model)
		return -ENODEV;
	ret = socmmu_dma_reserve(rb.ours.dev, BENCH_OURS_AREA, BENCH_AREA_SIZE);
	if (ret)
		return ret;
	rb.reserved = true;
	/* Active, as mainline's attached MMU is: unmaps reach the TLB. */
	ret = pm_runtime_resume_and_get(omap_model_device(rb.ours.model));
	if (ret)
		return ret;
	rb.ours_active = true;

	ret = ref_clients_register(&rb.clients, "socmmu-ref-bench-client",
				   ref_bench_clients_match);
	if (ret)
		return ret;
	rb.theirs.label = "mainline";
	rb.theirs.dev = ref_client(&rb.clients, "ipu");
	rb.theirs.model = omap_model_find("mmu_ipu");
	rb.theirs.base = BENCH_THEIRS_AREA;
	if (!rb.theirs.dev || !rb.theirs.model)
		return -ENODEV;
	mmu_dev = omap_model_device(rb.theirs.model);
	if (!mmu_dev || !mmu_dev->driver || strcmp(mmu_dev->driver->name, "omap-iommu"))
		return -ENODEV;
	omap_model_set_power(rb.theirs.model, true);
	rb.theirs.domain = iommu_paging_domain_alloc(rb.theirs.dev);
	if (IS_ERR(rb.theirs.domain)) {
		ret = PTR_ERR(rb.theirs.domain);
		rb.theirs.domain = NULL;
		return ret;
	}
	ret = iommu_attach_device(rb.theirs.domain, rb.theirs.dev);
	if (ret)
		return ret;
	rb.attached = true;
	return 0;
}

static void ref_bench_teardown(void)
{
	unsigned int i;

	if (rb.attached)
		iommu_detach_device(rb.theirs.domain, rb.theirs.dev);
	if (rb.theirs.domain)
		iommu_domain_free(rb.theirs.domain);
	if (rb.clients.drv.probe)
		ref_clients_unregister(&rb.clients);
	if (rb.ours_active)
		pm_runtime_put(omap_model_device(rb.ours.model));
	if (rb.reserved)
		socmmu_dma_unreserve(rb.ours.dev, BENCH_OURS_AREA, BENCH_AREA_SIZE);
	for (i = 0; i < BENCH_POOL; i++)
		if (rb.pool[i])
			__free_page(rb.pool[i]);
	memset(&rb, 0, sizeof(rb));
}

static int __init ref_bench_init(void)
{
	int ret = ref_bench_setup();

	if (ret) {
		pr_err("bench: reference setup failed: %d\n", ret);
		ref_bench_teardown();
		return ret;
	}
	bench_row("omap map+unmap 64M in 4K", bench_4k);
	bench_row("omap map+unmap mixed 4K..16M", bench_mixed);
	bench_flush_row();
	return 0;
}

static void __exit ref_bench_exit(void)
{
	ref_bench_teardown();
}

module_init(ref_bench_init);
module_exit(ref_bench_exit);

MODULE_DESCRIPTION("socmmu reference kernel: our OMAP driver against mainline's, timed");
MODULE_LICENSE("GPL");
