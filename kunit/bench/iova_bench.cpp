// SPDX-License-Identifier: GPL-2.0
/*
 * Our side of the IOVA workloads (dma_bench.h): the same sequence of
 * allocations and frees the C side runs through alloc_iova_fast().
 */
#include <kcxx/bits.h>
#include <kcxx/owner.h>

#include "../../dma/iova_allocator.h"
#include "dma_bench.h"

using kcxx::AllocContext;
using socmmu::dma::create_iova_allocator;
using socmmu::dma::IovaAllocator;

namespace {

/* One pass; -errno on the first allocation that fails. */
int run(IovaAllocator &iovas, const bench_iova_workload &w, u64 granule, u64 *slots, u64 limit)
{
	auto alloc = [&](u32 i) {
		/* Atomic, as alloc_iova_fast() allocates: GFP_ATOMIC. */
		auto iova = iovas.alloc(w.pages[i] * granule, limit, AllocContext::Atomic);

		slots[i % w.depth] = iova.value_or(0);
		return iova.to_errno();
	};
	auto free = [&](u32 i) { iovas.free(slots[i % w.depth], w.pages[i] * granule); };

	if (w.batch) {
		for (u32 first = 0; first < w.count; first += w.depth) {
			const u32 end = kcxx::min(first + w.depth, w.count);

			for (u32 i = first; i < end; i++) {
				int ret = alloc(i);
				if (ret)
					return ret;
			}
			for (u32 i = first; i < end; i++)
				free(i);
		}
		return 0;
	}
	for (u32 i = 0; i < w.count; i++) {
		if (i >= w.depth)
			free(i - w.depth);
		int ret = alloc(i);
		if (ret)
			return ret;
	}
	for (u32 i = w.count > w.depth ? w.count - w.depth : 0; i < w.count; i++)
		free(i);
	return 0;
}

} // namespace

int bench_socmmu_iova(const struct bench_iova_workload *w, u64 base, u64 limit, u64 granule,
		      u64 *ns_per_op)
{
	auto iovas = create_iova_allocator(base, limit, granule);
	if (!iovas.ok())
		return iovas.to_errno();
	auto slots = kcxx::OwnedArray<u64>::create(w->depth);
	if (!slots.ok())
		return slots.to_errno();

	/* A first pass warms the caches, as the kernel's side gets too. */
	int ret = run(*iovas.value(), *w, granule, slots.value().data(), limit);
	if (ret)
		return ret;
	const u64 start = bench_now_ns();
	ret = run(*iovas.value(), *w, granule, slots.value().data(), limit);
	const u64 elapsed = bench_now_ns() - start;
	if (ret)
		return ret;
	*ns_per_op = kcxx::div_u64(elapsed, w->count);
	return 0;
}
