// SPDX-License-Identifier: GPL-2.0
/*
 * `make bench` on the reference kernel: our ARMv7s engine
 * (ShortDescTable<ArmV7sFormat>, v7s_bench_ours.cpp) against the kernel's
 * io-pgtable-arm-v7s, configured as mainline's MSM driver and
 * kunit/pgtable/v7s_kernel.c configure it (ias = oas = 32, the four page
 * sizes, no quirks, a non-coherent walk).  Both tables live in memory
 * DMA-mapped on the same platform device, so both pay the same cache
 * maintenance; the kernel's TLB callbacks do nothing, and ours releases
 * its emptied L2s at once: no hardware walks either table.
 *
 * Both sides get the calls the IOMMU core would make for iommu_map() and
 * iommu_unmap() on this page-size bitmap, through one indirect call each:
 *
 *   "64M in 4K": 16384 map_pages(4K, 1), then unmap_pages(16M, 4): the
 *                core splits one iommu_unmap() of 64 MiB so;
 *   "mixed 4K..16M": 16 x 4K, 16 x 64K, 16 x 1M, 2 x 16M, each aligned,
 *                mapped one by one, then unmapped one by one; the time
 *                of one pass, averaged over BENCH_MIX_PASSES.
 *
 * Each row alternates ours and the kernel's BENCH_ROUNDS times and keeps
 * each side's best; the spread is (worst - best) / best of each side.
 * Rows print "bench v7s NAME: socmmu X ns/op, kernel Y ns/op, speedup Y/X".
 * Nothing is asserted on the figures.  Documentation/performance.rst.
 */
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/io-pgtable.h>
#include <linux/iommu.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/timekeeping.h>

#include "v7s_bench.h"

#define BENCH_ROUNDS	10
#define BENCH_BASE	0x40000000UL
#define BENCH_PA	0x80000000ULL
#define BENCH_PROT	(IOMMU_READ | IOMMU_WRITE)

struct v7s_side {
	const char *label;
	void *table;
	int (*map)(void *t, unsigned long iova, u64 paddr, size_t pgsize, size_t pgcount,
		   int prot, size_t *mapped);
	size_t (*unmap)(void *t, unsigned long iova, size_t pgsize, size_t pgcount);
};

static struct {
	struct platform_device *pdev;
	struct io_pgtable_cfg cfg;
	struct io_pgtable_ops *ops;
	struct v7s_bench_ours *ours;
} vb;

static void v7s_bench_tlb_flush_all(void *cookie)
{
}

static void v7s_bench_tlb_flush_walk(unsigned long iova, size_t size, size_t granule,
				     void *cookie)
{
}

static void v7s_bench_tlb_add_page(struct iommu_iotlb_gather *gather, unsigned long iova,
				   size_t granule, void *cookie)
{
}

static const struct iommu_flush_ops v7s_bench_flush_ops = {
	.tlb_flush_all = v7s_bench_tlb_flush_all,
	.tlb_flush_walk = v7s_bench_tlb_flush_walk,
	.tlb_add_page = v7s_bench_tlb_add_page,
};

static int kernel_map(void *t, unsigned long iova, u64 paddr, size_t pgsize, size_t pgcount,
		      int prot, size_t *mapped)
{
	struct io_pgtable_ops *ops = t;

	return ops->map_pages(ops, iova, paddr, pgsize, pgcount, prot, GFP_KERNEL, mapped);
}

static size_t kernel_unmap(void *t, unsigned long iova, size_t pgsize, size_t pgcount)
{
	struct io_pgtable_ops *ops = t;
	struct iommu_iotlb_gather gather;

	iommu_iotlb_gather_init(&gather);
	return ops->unmap_pages(ops, iova, pgsize, pgcount, &gather);
}

static int map_one(struct v7s_side *s, unsigned long iova, u64 pa, size_t size)
{
	size_t mapped = 0;
	int ret = s->map(s->table, iova, pa, size, 1, BENCH_PROT, &mapped);

	return ret ?: (mapped == size ? 0 : -EIO);
}

static int bench_4k(struct v7s_side *s, u64 *ns, u64 *map_ns)
{
	unsigned long i;
	u64 t0 = ktime_get_ns();

	for (i = 0; i < SZ_64M / SZ_4K; i++)
		if (map_one(s, BENCH_BASE + i * SZ_4K, BENCH_PA + i * SZ_4K, SZ_4K))
			return -EIO;
	*map_ns = ktime_get_ns() - t0;
	if (s->unmap(s->table, BENCH_BASE, SZ_16M, SZ_64M / SZ_16M) != SZ_64M)
		return -EIO;
	*ns = ktime_get_ns() - t0;
	return 0;
}

static const struct {
	size_t size;
	unsigned int count;
} bench_mix[] = {
	{ SZ_4K, 16 }, { SZ_64K, 16 }, { SZ_1M, 16 }, { SZ_16M, 2 },
};

/* One pass of the mix is ~2 us, near the clock's step here: time many. */
#define BENCH_MIX_PASSES 64

static int bench_mixed_pass(struct v7s_side *s, u64 *map_ns)
{
	unsigned long iova[4][16];
	unsigned long next = BENCH_BASE;
	unsigned int i, j;
	u64 t0 = ktime_get_ns();

	for (i = 0; i < ARRAY_SIZE(bench_mix); i++) {
		size_t size = bench_mix[i].size;

		for (j = 0; j < bench_mix[i].count; j++) {
			next = ALIGN(next, size);
			iova[i][j] = next;
			if (map_one(s, next, BENCH_PA + (next - BENCH_BASE), size))
				return -EIO;
			next += size;
		}
	}
	*map_ns += ktime_get_ns() - t0;
	for (i = 0; i < ARRAY_SIZE(bench_mix); i++)
		for (j = 0; j < bench_mix[i].count; j++)
			if (s->unmap(s->table, iova[i][j], bench_mix[i].size, 1) !=
			    bench_mix[i].size)
				return -EIO;
	return 0;
}

static int bench_mixed(struct v7s_side *s, u64 *ns, u64 *map_ns)
{
	unsigned int pass;
	u64 t0 = ktime_get_ns();

	*map_ns = 0;
	for (pass = 0; pass < BENCH_MIX_PASSES; pass++)
		if (bench_mixed_pass(s, map_ns))
			return -EIO;
	*ns = div_u64(ktime_get_ns() - t0, BENCH_MIX_PASSES);
	*map_ns = div_u64(*map_ns, BENCH_MIX_PASSES);
	return 0;
}

/*
 * The map part of each side's best round is printed too: where a side
 * loses, it says whether mapping or unmapping is the cause.
 */
static void bench_row(const char *name, int (*run)(struct v7s_side *s, u64 *ns, u64 *map_ns))
{
	struct v7s_side sides[2] = {
		{ "socmmu", vb.ours, v7s_bench_ours_map, v7s_bench_ours_unmap },
		{ "kernel", vb.ops, kernel_map, kernel_unmap },
	};
	u64 best[2] = { U64_MAX, U64_MAX }, worst[2] = { 0, 0 }, best_map[2], ns, map_ns, ratio;
	unsigned int round, k;

	for (round = 0; round < BENCH_ROUNDS; round++) {
		for (k = 0; k < 2; k++) {
			int ret = run(&sides[k], &ns, &map_ns);

			if (ret) {
				pr_err("bench v7s %s: %s failed: %d\n", name, sides[k].label, ret);
				return;
			}
			if (ns < best[k]) {
				best[k] = ns;
				best_map[k] = map_ns;
			}
			worst[k] = max(worst[k], ns);
		}
		cond_resched();
	}
	ratio = div64_u64(best[1] * 100 + best[0] / 2, best[0]);
	pr_info("bench v7s %s: socmmu %llu ns/op, kernel %llu ns/op, speedup %llu.%02llux (spread socmmu %llu%%, kernel %llu%%; map part socmmu %llu ns, kernel %llu ns)\n",
		name, best[0], best[1], ratio / 100, ratio % 100,
		div64_u64((worst[0] - best[0]) * 100, best[0]),
		div64_u64((worst[1] - best[1]) * 100, best[1]), best_map[0], best_map[1]);
}

static void v7s_bench_teardown(void)
{
	v7s_bench_ours_destroy(vb.ours);
	if (vb.ops)
		free_io_pgtable_ops(vb.ops);
	if (vb.pdev)
		platform_device_unregister(vb.pdev);
	memset(&vb, 0, sizeof(vb));
}

static int v7s_bench_setup(void)
{
	int ret;

	vb.pdev = platform_device_register_simple("socmmu-v7s-bench", PLATFORM_DEVID_NONE,
						  NULL, 0);
	if (IS_ERR(vb.pdev)) {
		ret = PTR_ERR(vb.pdev);
		vb.pdev = NULL;
		return ret;
	}
	ret = dma_coerce_mask_and_coherent(&vb.pdev->dev, DMA_BIT_MASK(32));
	if (ret)
		return ret;
	vb.cfg = (struct io_pgtable_cfg) {
		.pgsize_bitmap = SZ_4K | SZ_64K | SZ_1M | SZ_16M,
		.ias = 32,
		.oas = 32,
		.coherent_walk = false,
		.tlb = &v7s_bench_flush_ops,
		.iommu_dev = &vb.pdev->dev,
	};
	vb.ops = alloc_io_pgtable_ops(ARM_V7S, &vb.cfg, &vb);
	vb.ours = v7s_bench_ours_create(&vb.pdev->dev);
	return vb.ops && vb.ours ? 0 : -ENOMEM;
}

static int __init v7s_bench_init(void)
{
	int ret = v7s_bench_setup();

	if (ret) {
		pr_err("bench v7s: setup failed: %d\n", ret);
		v7s_bench_teardown();
		return ret;
	}
	bench_row("map+unmap 64M in 4K", bench_4k);
	bench_row("map+unmap mixed 4K..16M", bench_mixed);
	return 0;
}

static void __exit v7s_bench_exit(void)
{
	v7s_bench_teardown();
}

module_init(v7s_bench_init);
module_exit(v7s_bench_exit);

MODULE_DESCRIPTION("socmmu reference kernel: our ARMv7s engine against io-pgtable-arm-v7s, timed");
MODULE_LICENSE("GPL");
