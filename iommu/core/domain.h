/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A paging domain: one page table, walked by every context attached to
 * it, with invalidation batched per sync.  The table is created for the
 * first instance the domain meets (its "binding"), in that instance's
 * format and on its DMA device; later instances must share the format.
 */
#ifndef SOCMMU_IOMMU_DOMAIN_H
#define SOCMMU_IOMMU_DOMAIN_H

#include <kcxx/lock.h>
#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#include "../pgtable/gather.h"
#include "../pgtable/table_memory.h"
#include "instance.h"
#include "page_table.h"
#include "printer.h"

struct iommu_domain;

namespace socmmu {

class Client;

class Domain : kcxx::Pinned {
public:
	explicit Domain(struct iommu_domain *domain);
	~Domain();

	struct iommu_domain *iommu_domain() const { return iommu_domain_; }

	/* Registry mutex held. */
	kcxx::Result<void> bind_locked(Instance &instance);
	kcxx::Result<void> attach_locked(Client &client);
	/* Every context back to bypass; then nothing walks the table. */
	void detach_all_locked();

	/* Contexts join and leave, for Instance::set_context_locked(). */
	void link(AttachNode &node, Context &ctx);
	void unlink(AttachNode &node);

	/*
	 * Inline: it is the whole per-page path between the C entry point
	 * and the table (Documentation/performance.rst).  The walk cache
	 * forgets the L1 entries this call filled before it returns, by the
	 * caller's own hand: the mapping is usable when map_pages returns,
	 * and another mapper's flush could not be relied on to have finished
	 * by then.  Nothing is shared between mappers, so a map into
	 * existing tables takes no lock at all.
	 */
	kcxx::Result<void> map(u64 iova, u64 paddr, u64 pgsize, size_t pgcount, int prot,
			       bool atomic, size_t *mapped)
	{
		PageTable *t = table();
		pgtable::MapGather installed;

		if (!t) [[unlikely]] {
			map_failed(iova, paddr, pgsize, pgcount, kcxx::Error(-kcxx::ENODEV));
			return kcxx::Error(-kcxx::ENODEV);
		}
		kcxx::Result<void> ret =
			t->map(iova, paddr, pgsize, pgcount, static_cast<pgtable::Prot>(prot),
			       atomic ? kcxx::AllocContext::Atomic : kcxx::AllocContext::Sleepable,
			       mapped, installed);
		/* Even a failed call may have installed tables before it failed. */
		if (!installed.empty() && walk_cache_) [[unlikely]]
			flush_walk_cache(installed.start(), installed.end());
		if (!ret.ok()) [[unlikely]]
			map_failed(iova, paddr, pgsize, pgcount, ret.error());
		return ret;
	}
	/*
	 * The DMA layer's map of a list (core_domain_map_runs()): every run is
	 * checked as iommu_map() checks its range before anything is mapped,
	 * then the table maps them all in one call, and the walk cache hears
	 * once of the L1 entries the list filled.  All or nothing: a failure
	 * logs one line, unmaps and invalidates what this call mapped.
	 */
	kcxx::Result<void> map_runs(const kx_map_run *runs, size_t n, int prot, bool atomic);
	size_t unmap(u64 iova, u64 pgsize, size_t pgcount);
	void sync(u64 start, u64 end);
	void flush_all();
	u64 iova_to_phys(u64 iova);
	u64 ttb() const;

	/* One line per run of physically contiguous mappings. */
	void dump(Printer &out);

private:
	PageTable *table() const { return __atomic_load_n(&table_, __ATOMIC_ACQUIRE); }
	struct device *log_dev() const;
	void release_tables();
	/* The one line a refused map logs; a run of map_runs() is one page of its size. */
	void map_failed(u64 iova, u64 paddr, u64 pgsize, size_t pgcount, kcxx::Error err);
	/*
	 * Take @n whole runs and the mapped start of the one that failed
	 * (@begun: its size is what was mapped, maybe 0) out, and invalidate.
	 */
	void unmap_runs(PageTable &t, const kx_map_run *runs, size_t n, const kx_map_run &begun);
	/* After a map filled empty L1 entries in [start, end), on walk-cache hardware. */
	void flush_walk_cache(u64 start, u64 end);

	struct iommu_domain *const iommu_domain_;

	/* Set once by bind_locked(), then read-only. */
	socmmu_inst *bound_ = nullptr;
	const socmmu_driver_info *driver_ = nullptr;
	u32 format_ = 0;
	bool walk_cache_ = false;
	kcxx::Owner<pgtable::DmaTableMemory> memory_;
	kcxx::Owner<PageTable> owned_table_;
	/* Published after the table is complete: lock-free readers. */
	PageTable *table_ = nullptr;

	kcxx::SpinLock unmap_lock_;
	pgtable::Gather pending_;
	kcxx::SpinLock attach_lock_;
	AttachNode *attached_ = nullptr;
};

} // namespace socmmu

#endif
