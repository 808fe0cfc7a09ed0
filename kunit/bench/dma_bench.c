// SPDX-License-Identifier: GPL-2.0
/*
 * socmmu_dma_bench: at load, time each workload of the table below on our
 * DMA layer and on the kernel's own code, in the same boot, and print one
 * line per workload:
 *
 *   bench iova churn-4k: socmmu 85 ns/op, alloc_iova_fast 120 ns/op, ratio 0.71
 *
 * (ratio: ours over the kernel's; below 1 is faster).  Not a test: nothing
 * is asserted on the figures, which depend on the host and on the test
 * kernel's debugging options (KASAN, lockdep).  `make bench` runs it.
 */
#include <linux/iova.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/module.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>

#include "dma_bench.h"

#define BENCH_OPS 20000
#define BENCH_ROUNDS 5
#define BENCH_IOVA_BASE PAGE_SIZE
#define BENCH_IOVA_LIMIT BIT_ULL(32)

u64 bench_now_ns(void)
{
	return ktime_get_ns();
}

/* The @i-th allocation of @w, kept in one of its @w->depth slots. */
static int kernel_alloc(struct iova_domain *iovad, const struct bench_iova_workload *w,
			unsigned long *slots, u32 i)
{
	const unsigned long limit_pfn = (BENCH_IOVA_LIMIT >> PAGE_SHIFT) - 1;

	slots[i % w->depth] = alloc_iova_fast(iovad, w->pages[i], limit_pfn, true);
	return slots[i % w->depth] ? 0 : -ENOSPC;
}

static void kernel_free(struct iova_domain *iovad, const struct bench_iova_workload *w,
			unsigned long *slots, u32 i)
{
	free_iova_fast(iovad, slots[i % w->depth], w->pages[i]);
}

/* The kernel's side of an IOVA workload, step for step as iova_bench.cpp. */
static int kernel_iova_pass(struct iova_domain *iovad, const struct bench_iova_workload *w,
			    unsigned long *slots)
{
	u32 i, first, end;

	if (w->batch) {
		for (first = 0; first < w->count; first += w->depth) {
			end = min(first + w->depth, w->count);
			for (i = first; i < end; i++)
				if (kernel_alloc(iovad, w, slots, i))
					return -ENOSPC;
			for (i = first; i < end; i++)
				kernel_free(iovad, w, slots, i);
		}
		return 0;
	}
	for (i = 0; i < w->count; i++) {
		if (i >= w->depth)
			kernel_free(iovad, w, slots, i - w->depth);
		if (kernel_alloc(iovad, w, slots, i))
			return -ENOSPC;
	}
	for (i = w->count > w->depth ? w->count - w->depth : 0; i < w->count; i++)
		kernel_free(iovad, w, slots, i);
	return 0;
}

static int kernel_iova(const void *arg, u64 *ns_per_op)
{
	const struct bench_iova_workload *w = arg;
	struct iova_domain *iovad;
	unsigned long *slots;
	u64 start;
	int ret;

	iovad = kzalloc(sizeof(*iovad), GFP_KERNEL);
	slots = kcalloc(w->depth, sizeof(*slots), GFP_KERNEL);
	ret = iovad && slots ? iova_cache_get() : -ENOMEM;
	if (ret)
		goto out_free;
	/* The fast paths need the rcaches and do not check for them. */
	init_iova_domain(iovad, PAGE_SIZE, BENCH_IOVA_BASE >> PAGE_SHIFT);
	ret = iova_domain_init_rcaches(iovad);
	if (ret)
		goto out_put;

	ret = kernel_iova_pass(iovad, w, slots);	/* warm-up, as ours */
	if (!ret) {
		start = ktime_get_ns();
		ret = kernel_iova_pass(iovad, w, slots);
		*ns_per_op = div_u64(ktime_get_ns() - start, w->count);
	}
	put_iova_domain(iovad);
out_put:
	iova_cache_put();
out_free:
	kfree(slots);
	kfree(iovad);
	return ret;
}

static int socmmu_iova(const void *arg, u64 *ns_per_op)
{
	return bench_socmmu_iova(arg, BENCH_IOVA_BASE, BENCH_IOVA_LIMIT, PAGE_SIZE, ns_per_op);
}

static u32 pages_one[BENCH_OPS];
static u32 pages_mixed[BENCH_OPS];

static struct bench_iova_workload iova_churn = {
	.pages = pages_one, .count = BENCH_OPS, .depth = 1,
};

static struct bench_iova_workload iova_mixed = {
	.pages = pages_mixed, .count = BENCH_OPS, .depth = 16,
};

static struct bench_iova_workload iova_batch = {
	.pages = pages_one, .count = BENCH_OPS, .depth = 64, .batch = true,
};

#define MAP_BENCH_PAGES 256
static const struct map_bench_workload map_sg_256 = { .npages = MAP_BENCH_PAGES, .ops = 200 };
static const struct map_bench_workload map_sg_16 = { .npages = 16, .ops = 2000 };
static const struct map_bench_workload map_page_4k = { .npages = MAP_BENCH_PAGES, .ops = 5000 };

/*
 * One row per workload: our side and the kernel's, each timing the same
 * work and reporting nanoseconds per op.
 */
static const struct bench_row {
	const char *name;
	const char *ours_label, *theirs_label;
	int (*ours)(const void *arg, u64 *ns_per_op);
	int (*theirs)(const void *arg, u64 *ns_per_op);
	const void *arg;
} bench_rows[] = {
	/* 1 page: alloc, free, again: the per-CPU caches at their best. */
	{ "iova churn-4k", "socmmu", "alloc_iova_fast", socmmu_iova, kernel_iova, &iova_churn },
	/* 1..32 pages at random, 16 outstanding: every size class. */
	{ "iova mixed-1-32", "socmmu", "alloc_iova_fast", socmmu_iova, kernel_iova, &iova_mixed },
	/* 64 pages outstanding, then all freed: deeper than one magazine round. */
	{ "iova batch-64", "socmmu", "alloc_iova_fast", socmmu_iova, kernel_iova, &iova_batch },
	/* map_sg + unmap_sg of 256 scattered pages: one IOVA range. */
	{ "map_sg 256x4K", "socmmu map_sg", "alloc_iova_fast+iommu_map_sg",
	  map_bench_socmmu_sg, map_bench_kernel_sg, &map_sg_256 },
	/* ...and of 16: the per-call overhead shows more. */
	{ "map_sg 16x4K", "socmmu map_sg", "alloc_iova_fast+iommu_map_sg",
	  map_bench_socmmu_sg, map_bench_kernel_sg, &map_sg_16 },
	/*
	 * The first row's IOMMU calls alone: one iommu_map() per page, as our
	 * backend maps the runs, against one iommu_map_sg(): where the gap is.
	 */
	{ "map_sg 256x4K pieces", "iommu_map x256", "iommu_map_sg",
	  map_bench_pieces_map_each, map_bench_pieces_map_sg, &map_sg_256 },
	/* map_page + unmap_page of one page. */
	{ "map_page 4K", "socmmu map_page", "alloc_iova_fast+iommu_map",
	  map_bench_socmmu_page, map_bench_kernel_page, &map_page_4k },
};

/*
 * Both sides in turn, BENCH_ROUNDS times, keeping each side's best: what
 * else runs on the host only ever adds time.
 */
static void bench_run(const struct bench_row *row)
{
	u64 ours = U64_MAX, theirs = U64_MAX, ns, ratio;
	unsigned int round;
	int ret;

	for (round = 0; round < BENCH_ROUNDS; round++) {
		ret = row->ours(row->arg, &ns);
		if (ret) {
			pr_err("bench %s: %s failed: %d\n", row->name, row->ours_label, ret);
			return;
		}
		ours = min(ours, ns);
		ret = row->theirs(row->arg, &ns);
		if (ret) {
			pr_err("bench %s: %s failed: %d\n", row->name, row->theirs_label, ret);
			return;
		}
		theirs = min(theirs, ns);
	}
	ratio = theirs ? div64_u64(ours * 100 + theirs / 2, theirs) : 0;
	pr_info("bench %s: %s %llu ns/op, %s %llu ns/op, ratio %llu.%02llu\n", row->name,
		row->ours_label, ours, row->theirs_label, theirs, ratio / 100, ratio % 100);
}

static int __init dma_bench_init(void)
{
	struct rnd_state rnd;
	unsigned int i;
	int ret;

	prandom_seed_state(&rnd, 0x50c3311);
	for (i = 0; i < BENCH_OPS; i++) {
		pages_one[i] = 1;
		pages_mixed[i] = 1 + prandom_u32_state(&rnd) % 32;
	}
	ret = map_bench_init(MAP_BENCH_PAGES);
	if (ret) {
		pr_err("bench: no dma2 client with the DMA layer (test DT booted?): %d\n", ret);
		map_bench_exit(MAP_BENCH_PAGES);
		return ret;
	}
	for (i = 0; i < ARRAY_SIZE(bench_rows); i++)
		bench_run(&bench_rows[i]);
	return 0;
}

static void __exit dma_bench_exit(void)
{
	map_bench_exit(MAP_BENCH_PAGES);
}

module_init(dma_bench_init);
module_exit(dma_bench_exit);

MODULE_DESCRIPTION("socmmu DMA layer against the kernel's IOVA allocator: a benchmark");
MODULE_LICENSE("GPL");
