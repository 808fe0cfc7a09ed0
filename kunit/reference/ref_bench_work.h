/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `make bench`'s workloads on the reference kernel, shared by the rows of
 * every driver (Documentation/performance.rst): the same calls of the
 * generic IOMMU API for ours and for mainline, timed in alternating
 * rounds, best of each side.  Test bench code: plain kernel C.
 */
#ifndef SOCMMU_REF_BENCH_WORK_H
#define SOCMMU_REF_BENCH_WORK_H

#include <linux/iommu.h>
#include <linux/types.h>

/* One driver's side of a row: a paging domain and where its work goes. */
struct ref_bench_side {
	const char *label;		/* "socmmu" or "mainline" */
	struct iommu_domain *domain;
	unsigned long base;		/* IOVA of the workloads, 64 MiB aligned */
};

/* The scattered pages the 4 KiB workloads map, round robin. */
int ref_bench_pool_get(void);
void ref_bench_pool_put(void);

/* 64 MiB at @s->base in 4 KiB pages: one iommu_map() a page. */
int ref_bench_map_64m_4k(struct ref_bench_side *s, int prot);
/*
 * ...then one iommu_unmap() of the 64 MiB.  @ns is the time of both,
 * @map_ns of the maps.
 */
int ref_bench_4k(struct ref_bench_side *s, u64 *ns, u64 *map_ns);
/* 16 x 4K, 16 x 64K, 16 x 1M, 2 x 16M, each aligned, mapped then unmapped. */
int ref_bench_mixed(struct ref_bench_side *s, u64 *ns, u64 *map_ns);

/*
 * Alternate @run on @ours and @theirs for the module's "rounds" and print
 * "bench NAME: socmmu X ns/op, mainline Y ns/op, speedup Y/Xx (spread ...;
 * map part ...)", the map part being that of each side's best round.
 */
void ref_bench_row(const char *name, struct ref_bench_side *ours,
		   struct ref_bench_side *theirs,
		   int (*run)(struct ref_bench_side *s, u64 *ns, u64 *map_ns));

/*
 * The Exynos and MSM rows (ref_bench_soc.c), after the OMAP ones, with
 * the page pool taken; ref_bench_soc_stop() undoes what the run set up.
 */
int ref_bench_soc_run(void);
void ref_bench_soc_stop(void);

#endif
