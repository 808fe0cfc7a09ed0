/* SPDX-License-Identifier: GPL-2.0 */
/*
 * socmmu_v7s_bench: our ShortDescTable<ArmV7sFormat> against the kernel's
 * io-pgtable-arm-v7s.  The workloads and the timing are C (v7s_bench.c);
 * our side's table is behind these calls (v7s_bench_ours.cpp), so both
 * sides are reached through the same kind of indirect call.
 */
#ifndef SOCMMU_V7S_BENCH_H
#define SOCMMU_V7S_BENCH_H

#include <shim/base.h>

struct device;
struct v7s_bench_ours;

KX_BEGIN_DECLS

/* An empty table whose memory is DMA-mapped on @dev; NULL: no memory. */
struct v7s_bench_ours *v7s_bench_ours_create(struct device *dev) KX_NOEXCEPT;
void v7s_bench_ours_destroy(struct v7s_bench_ours *t) KX_NOEXCEPT;
/* map_pages and unmap_pages, as io_pgtable_ops has them; prot is IOMMU_*. */
int v7s_bench_ours_map(void *t, unsigned long iova, u64 paddr, size_t pgsize, size_t pgcount,
		       int prot, size_t *mapped) KX_NOEXCEPT;
size_t v7s_bench_ours_unmap(void *t, unsigned long iova, size_t pgsize,
			    size_t pgcount) KX_NOEXCEPT;

KX_END_DECLS

#endif
