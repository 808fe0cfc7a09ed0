// SPDX-License-Identifier: GPL-2.0
/*
 * A paging domain (domain.h): its table, its attached contexts, and the
 * batching of TLB and walk-cache invalidations.
 */
#include <kcxx/bits.h>
#include <kcxx/errno.h>
#include <kcxx/log.h>

#include "client.h"
#include "domain.h"
#include "locks.h"
#include "policy.h"
#include "registry.h"
#include "services.h"

namespace socmmu {

/*
 * Until the first attach decides the format (6.1), the domain offers what
 * every format of the family has: the DMA layer sizes its window by it.
 */
Domain::Domain(struct iommu_domain *domain)
	: iommu_domain_(domain), unmap_lock_(locks::domain_unmap()),
	  attach_lock_(locks::domain_attach())
{
	kx_domain_set_geometry(domain, KX_PGTABLE_PAGE_SIZES, KX_PGTABLE_IOVA_LIMIT);
}

Domain::~Domain()
{
	/* detach_all_locked() ran: no walker reads the table any more. */
	{
		kcxx::IrqSaveGuard guard(unmap_lock_);

		pending_.release_tables();
	}
	owned_table_.reset();
	memory_.reset();
	if (bound_)
		kx_inst_driver_put(bound_);
}

/*
 * The table in @instance's format, in memory its walker reaches through
 * its own DMA device.  Nothing changes on failure.
 */
kcxx::Result<void> Domain::bind_locked(Instance &instance)
{
	registry().mutex().assert_held();
	if (bound_)
		return {};
	if (!kx_inst_driver_get(instance.kernel()))
		return kcxx::Error(-kcxx::ENODEV);

	auto memory = kcxx::make_owned<pgtable::DmaTableMemory>(instance.dev());
	if (!memory.ok()) {
		kx_inst_driver_put(instance.kernel());
		return memory.error();
	}
	auto table = instance.hw().create_table(*memory.value());
	if (!table.ok()) {
		KCXX_DEV_ERR(instance.dev(), "cannot allocate a page table: %d\n", table.to_errno());
		kx_inst_driver_put(instance.kernel());
		return table.error();
	}
	memory_ = kcxx::move(memory).value();
	owned_table_ = kcxx::move(table).value();
	bound_ = instance.kernel();
	driver_ = instance.driver();
	format_ = instance.hw().table_format();
	walk_cache_ = instance.hw().caches_empty_l1();
	kx_domain_set_geometry(iommu_domain_, owned_table_->page_sizes(), owned_table_->iova_limit());
	__atomic_store_n(&table_, owned_table_.get(), __ATOMIC_RELEASE);
	return {};
}

/*
 * Everything that can fail is checked before the first context moves: a
 * refused attach leaves the client's contexts where they were.
 */
kcxx::Result<void> Domain::attach_locked(Client &client)
{
	registry().mutex().assert_held();
	KCXX_TRY(bind_locked(*client.binding(0).instance));
	for (u32 i = 0; i < client.bindings(); i++) {
		Instance &instance = *client.binding(i).instance;

		if (instance.driver() != driver_ || instance.hw().table_format() != format_) {
			KCXX_DEV_ERR(client.dev(),
				     "%s cannot walk this domain's table (made for %s's format)\n",
				     kx_dev_name(instance.dev()), kx_dev_name(kx_inst_dev(bound_)));
			return kcxx::Error(-kcxx::EINVAL);
		}
	}
	for (u32 i = 0; i < client.bindings(); i++) {
		Client::Binding &b = client.binding(i);

		b.instance->set_context_locked(b.context, this, false);
	}
	/* The IRQ handler may still report a fault against the old domain. */
	for (u32 i = 0; i < client.bindings(); i++)
		client.binding(i).instance->sync_faults();
	return {};
}

void Domain::detach_all_locked()
{
	registry().mutex().assert_held();
	for (;;) {
		Context *ctx;
		{
			kcxx::IrqSaveGuard guard(attach_lock_);

			if (!attached_)
				return;
			ctx = attached_->ctx;
		}
		ctx->instance->set_context_locked(ctx->index, nullptr, false);
		ctx->instance->sync_faults();
	}
}

void Domain::link(AttachNode &node, Context &ctx)
{
	kcxx::IrqSaveGuard guard(attach_lock_);

	node.ctx = &ctx;
	node.prev = nullptr;
	node.next = attached_;
	if (attached_)
		attached_->prev = &node;
	attached_ = &node;
}

void Domain::unlink(AttachNode &node)
{
	kcxx::IrqSaveGuard guard(attach_lock_);

	if (node.prev)
		node.prev->next = node.next;
	else
		attached_ = node.next;
	if (node.next)
		node.next->prev = node.prev;
	node.prev = node.next = nullptr;
}

/* The device to name in a domain's messages: the one its table is for. */
struct device *Domain::log_dev() const
{
	return bound_ ? kx_inst_dev(bound_) : nullptr;
}

void Domain::map_failed(u64 iova, u64 paddr, u64 pgsize, size_t pgcount, kcxx::Error err)
{
	const int ret = err.to_errno();

	if (struct device *dev = log_dev())
		KCXX_DEV_ERR(dev, "map 0x%llx -> 0x%llx (%zu x 0x%llx): %s: %d\n", iova, paddr,
			     pgcount, pgsize, map_error_text(ret), ret);
	else
		KCXX_PR_ERR("socmmu_iommu: map 0x%llx -> 0x%llx (%zu x 0x%llx): %s: %d\n", iova,
			    paddr, pgcount, pgsize, map_error_text(ret), ret);
}

kcxx::Result<void> Domain::map_runs(const kx_map_run *runs, size_t n, int prot, bool atomic)
{
	PageTable *t = table();
	pgtable::MapGather installed;
	size_t done = 0;
	u64 partial = 0;

	if (!n)
		return {};
	if (!t) [[unlikely]] {
		map_failed(runs[0].iova, runs[0].phys, runs[0].size, 1, kcxx::Error(-kcxx::ENODEV));
		return kcxx::Error(-kcxx::ENODEV);
	}
	/* iommu_map()'s check, on the domain's smallest page: nothing is mapped yet. */
	const u64 sizes = t->page_sizes();
	const u64 smallest = sizes & (~sizes + 1);

	for (size_t i = 0; i < n; i++) {
		const kx_map_run &run = runs[i];

		if (!run.size || ((run.iova | run.phys | run.size) & (smallest - 1))) [[unlikely]] {
			map_failed(run.iova, run.phys, run.size, 1, kcxx::Error(-kcxx::EINVAL));
			return kcxx::Error(-kcxx::EINVAL);
		}
	}
	kcxx::Result<void> ret =
		t->map_runs(runs, n, static_cast<pgtable::Prot>(prot),
			    atomic ? kcxx::AllocContext::Atomic : kcxx::AllocContext::Sleepable, &done,
			    &partial, installed);
	/* As map(): before the mapping is used, and before an unmap could free the L2s. */
	if (!installed.empty() && walk_cache_) [[unlikely]]
		flush_walk_cache(installed.start(), installed.end());
	if (!ret.ok()) [[unlikely]] {
		const kx_map_run &failed = runs[done];

		map_failed(failed.iova, failed.phys, failed.size, 1, ret.error());
		unmap_runs(*t, runs, done, { failed.iova, failed.phys, partial });
	}
	return ret;
}

/*
 * A device may have fetched a translation between the map and the
 * failure: the unmapped ranges are invalidated before the IOVAs can be
 * reused, as iommu_map_sg()'s own undo does.
 */
void Domain::unmap_runs(PageTable &t, const kx_map_run *runs, size_t n,
			const kx_map_run &begun)
{
	const u64 sizes = t.page_sizes();
	const u64 smallest = sizes & (~sizes + 1);
	const unsigned int shift = kcxx::ilog2(smallest);
	auto take_out = [&](const kx_map_run &run) {
		const size_t pages = static_cast<size_t>(run.size >> shift);

		if (pages)
			t.unmap(run.iova, smallest, pages, pending_);
	};
	{
		kcxx::IrqSaveGuard guard(unmap_lock_);

		for (size_t i = 0; i < n; i++)
			take_out(runs[i]);
		take_out(begun);
	}
	sync(0, 0);
}

size_t Domain::unmap(u64 iova, u64 pgsize, size_t pgcount)
{
	PageTable *t = table();
	size_t unmapped = 0;

	if (t) {
		kcxx::IrqSaveGuard guard(unmap_lock_);

		unmapped = t->unmap(iova, pgsize, pgcount, pending_);
	}
	if (unmapped)
		return unmapped;
	if (struct device *dev = log_dev())
		KCXX_DEV_ERR(dev, "unmap 0x%llx (%zu x 0x%llx): nothing mapped there\n", iova,
			     pgcount, pgsize);
	else
		KCXX_PR_ERR("socmmu_iommu: unmap 0x%llx (%zu x 0x%llx): nothing mapped there\n",
			    iova, pgcount, pgsize);
	return 0;
}

/*
 * Everything unmapped since the last sync is in pending_: one
 * invalidation of the union with the core's range on every attached
 * context (with the walk cache's L1 entries, when the unmap unlinked L2
 * tables), then the tables the walker can no longer reach are freed.
 */
void Domain::sync(u64 start, u64 end)
{
	kcxx::IrqSaveGuard guard(unmap_lock_);

	/* An empty range from the core must not widen the pending one. */
	if (start >= end) {
		start = pending_.start();
		end = pending_.end();
	} else if (!pending_.empty()) {
		start = kcxx::min(start, pending_.start());
		end = kcxx::max(end, pending_.end());
	}
	if (start < end) {
		/* A walk cache may still point into the tables about to be freed. */
		const bool unlinked = pending_.has_tables();
		/* Interrupts are off already: the unmap lock's guard saved them. */
		kcxx::Guard<kcxx::SpinLock> attach_guard(attach_lock_);

		for (AttachNode *n = attached_; n; n = n->next)
			n->ctx->instance->flush_range(*n->ctx, this, start, end, unlinked);
	}
	pending_.release_tables();
}

/* The engine reports an L1 entry only after writing it: it is in place. */
void Domain::flush_walk_cache(u64 start, u64 end)
{
	kcxx::IrqSaveGuard guard(attach_lock_);

	for (AttachNode *n = attached_; n; n = n->next)
		n->ctx->instance->flush_walk_cache(*n->ctx, this, start, end);
}

void Domain::flush_all()
{
	kcxx::IrqSaveGuard guard(unmap_lock_);

	{
		kcxx::Guard<kcxx::SpinLock> attach_guard(attach_lock_);

		for (AttachNode *n = attached_; n; n = n->next)
			n->ctx->instance->flush_all(*n->ctx, this);
	}
	pending_.release_tables();
}

u64 Domain::iova_to_phys(u64 iova)
{
	PageTable *t = table();

	return t ? t->iova_to_phys(iova) : 0;
}

u64 Domain::ttb() const
{
	PageTable *t = table();

	return t ? t->ttb() : 0;
}

namespace {

struct Run {
	Printer *out;
	u64 iova, pa, len;

	void flush()
	{
		if (len)
			out->print("0x%08llx-0x%08llx -> 0x%08llx\n", iova, iova + len - 1, pa);
	}
};

void visit_run(void *context, u64 iova, u64 pa, u64 size)
{
	Run &run = *static_cast<Run *>(context);

	if (run.len && iova == run.iova + run.len && pa == run.pa + run.len) {
		run.len += size;
		return;
	}
	run.flush();
	run.iova = iova;
	run.pa = pa;
	run.len = size;
}

} // namespace

void Domain::dump(Printer &out)
{
	Run run = { &out, 0, 0, 0 };

	if (PageTable *t = table())
		t->for_each_mapping(visit_run, &run);
	run.flush();
}

} // namespace socmmu
