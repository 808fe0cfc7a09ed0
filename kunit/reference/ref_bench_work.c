// SPDX-License-Identifier: GPL-2.0
/*
 * `make bench`'s workloads (ref_bench_work.h).
 */
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <linux/timekeeping.h>

#include "ref_bench_work.h"

#define BENCH_POOL	256		/* scattered pages, reused round robin */

/* Alternating rounds per row; `make check` only needs the rows to print. */
static unsigned int rounds = 10;
module_param(rounds, uint, 0444);
MODULE_PARM_DESC(rounds, "alternating rounds per row, best of each side kept (default 10)");

static struct page *bench_pool[BENCH_POOL];

int ref_bench_pool_get(void)
{
	unsigned int i;

	for (i = 0; i < BENCH_POOL; i++) {
		bench_pool[i] = alloc_page(GFP_KERNEL);
		if (!bench_pool[i])
			return -ENOMEM;
	}
	return 0;
}

void ref_bench_pool_put(void)
{
	unsigned int i;

	for (i = 0; i < BENCH_POOL; i++) {
		if (bench_pool[i])
			__free_page(bench_pool[i]);
		bench_pool[i] = NULL;
	}
}

int ref_bench_map_64m_4k(struct ref_bench_side *s, int prot)
{
	unsigned int i;

	for (i = 0; i < SZ_64M / SZ_4K; i++)
		if (iommu_map(s->domain, s->base + (unsigned long)i * SZ_4K,
			      page_to_phys(bench_pool[i % BENCH_POOL]), SZ_4K, prot, GFP_KERNEL))
			return -EIO;
	return 0;
}

int ref_bench_4k(struct ref_bench_side *s, u64 *ns, u64 *map_ns)
{
	u64 t0 = ktime_get_ns();

	if (ref_bench_map_64m_4k(s, IOMMU_READ | IOMMU_WRITE))
		return -EIO;
	*map_ns = ktime_get_ns() - t0;
	if (iommu_unmap(s->domain, s->base, SZ_64M) != SZ_64M)
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

int ref_bench_mixed(struct ref_bench_side *s, u64 *ns, u64 *map_ns)
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
	*map_ns = ktime_get_ns() - t0;
	for (i = 0; i < ARRAY_SIZE(bench_mix); i++)
		for (j = 0; j < bench_mix[i].count; j++)
			if (iommu_unmap(s->domain, iova[i][j], bench_mix[i].size) !=
			    bench_mix[i].size)
				return -EIO;
	*ns = ktime_get_ns() - t0;
	return 0;
}

void ref_bench_row(const char *name, struct ref_bench_side *ours,
		   struct ref_bench_side *theirs,
		   int (*run)(struct ref_bench_side *s, u64 *ns, u64 *map_ns))
{
	u64 best[2] = { U64_MAX, U64_MAX }, worst[2] = { 0, 0 }, map[2] = { 0, 0 };
	u64 ns, map_ns, ratio;
	struct ref_bench_side *sides[2] = { ours, theirs };
	unsigned int round, k;

	for (round = 0; round < max(rounds, 1u); round++) {
		for (k = 0; k < 2; k++) {
			int ret = run(sides[k], &ns, &map_ns);

			if (ret) {
				pr_err("bench %s: %s failed: %d\n", name, sides[k]->label, ret);
				return;
			}
			if (ns < best[k])
				map[k] = map_ns;
			best[k] = min(best[k], ns);
			worst[k] = max(worst[k], ns);
		}
	}
	ratio = div64_u64(best[1] * 100 + best[0] / 2, best[0]);
	pr_info("bench %s: socmmu %llu ns/op, mainline %llu ns/op, speedup %llu.%02llux (spread socmmu %llu%%, mainline %llu%%, %u rounds; map part socmmu %llu ns, mainline %llu ns)\n",
		name, best[0], best[1], ratio / 100, ratio % 100,
		div64_u64((worst[0] - best[0]) * 100, best[0]),
		div64_u64((worst[1] - best[1]) * 100, best[1]), max(rounds, 1u),
		map[0], map[1]);
}
