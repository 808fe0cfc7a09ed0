/* SPDX-License-Identifier: GPL-2.0 */
/*
 * socmmu_dma_bench: the DMA layer against the kernel's own code, timed in
 * one boot.  The workload table is in dma_bench.c; the C++ runners of our
 * side are declared here.
 */
#ifndef SOCMMU_DMA_BENCH_H
#define SOCMMU_DMA_BENCH_H

#include <shim/base.h>

/*
 * An IOVA workload: @count allocations of @pages[i] pages each, with at
 * most @depth outstanding.  A ring frees allocation i - @depth just before
 * allocation i; a batch allocates @depth, then frees them all in order.
 * One op is one allocation and its free.
 */
struct bench_iova_workload {
	const u32 *pages;
	u32 count;
	u32 depth;
	bool batch;
};

/* A mapping workload: @ops maps and unmaps of @npages scattered pages. */
struct map_bench_workload {
	unsigned int npages;
	unsigned int ops;
};

KX_BEGIN_DECLS

/* ktime_get_ns(). */
u64 bench_now_ns(void) KX_NOEXCEPT;

/*
 * Our IOVA allocator on a window [@base, @limit) of @granule pages.
 * Return: nanoseconds per op in *@ns_per_op, 0 or a negative errno.
 */
int bench_socmmu_iova(const struct bench_iova_workload *workload, u64 base, u64 limit,
		      u64 granule, u64 *ns_per_op) KX_NOEXCEPT;

/*
 * The mapping rows (map_bench.c), on the test DT's dma2 client: set up
 * (-ENODEV without the test DT and the DMA layer's suites' client driver),
 * then ours (the DMA layer) and the kernel's pieces (dma-iommu's steps).
 */
int map_bench_init(unsigned int npages) KX_NOEXCEPT;
void map_bench_exit(unsigned int npages) KX_NOEXCEPT;
int map_bench_socmmu_sg(const void *arg, u64 *ns_per_op) KX_NOEXCEPT;
int map_bench_kernel_sg(const void *arg, u64 *ns_per_op) KX_NOEXCEPT;
int map_bench_socmmu_page(const void *arg, u64 *ns_per_op) KX_NOEXCEPT;
int map_bench_kernel_page(const void *arg, u64 *ns_per_op) KX_NOEXCEPT;
/* The map_sg row's IOMMU calls alone, at a fixed IOVA: per page, or one map_sg. */
int map_bench_pieces_map_each(const void *arg, u64 *ns_per_op) KX_NOEXCEPT;
int map_bench_pieces_map_sg(const void *arg, u64 *ns_per_op) KX_NOEXCEPT;

KX_END_DECLS

#endif
