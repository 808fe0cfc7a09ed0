// SPDX-License-Identifier: GPL-2.0
/*
 * One IOMMU instance (instance.h): contexts, power and faults around the
 * driver's Hardware.
 */
#include <kcxx/errno.h>
#include <kcxx/log.h>

#include "client.h"
#include "domain.h"
#include "instance.h"
#include "locks.h"
#include "registry.h"
#include "services.h"

namespace socmmu {

kcxx::Result<kcxx::Owner<Instance>> Instance::create(const socmmu_driver_info *driver,
						     const socmmu_hw_params *params,
						     const void *key)
{
	int err = -kcxx::ENOMEM;
	auto *hw = static_cast<Hardware *>(driver->create(params, &err));

	/* The driver said why, once. */
	if (!hw)
		return kcxx::Error(err);
	auto instance = KCXX_TRY(kcxx::make_owned<Instance>(params->inst, params->dev, driver, key,
							    kcxx::Owner<Hardware>(hw)));
	KCXX_TRY(instance->init());
	return instance;
}

Instance::Instance(socmmu_inst *kernel, struct device *dev, const socmmu_driver_info *driver,
		   const void *key, kcxx::Owner<Hardware> hw)
	: kernel_(kernel), dev_(dev), driver_(driver), key_(key), hw_(kcxx::move(hw)),
	  memory_(dev), reports_(locks::fault_reports()), lock_(locks::instance())
{
}

/*
 * Runs while the framework holds the hardware powered (core_abi.h): every
 * context starts in bypass, as after a reset.
 */
kcxx::Result<void> Instance::init()
{
	const u32 n = hw_->contexts();
	int ret;

	if (!n) {
		KCXX_DEV_ERR(dev_, "the driver reports no contexts\n");
		return kcxx::Error(-kcxx::EINVAL);
	}
	contexts_ = KCXX_TRY(kcxx::OwnedArray<Context>::create(n));
	for (u32 i = 0; i < n; i++) {
		contexts_[i].instance = this;
		contexts_[i].index = i;
	}
	ret = kx_inst_set_dma_bits(kernel_, hw_->table_dma_bits());
	if (ret) {
		KCXX_DEV_ERR(dev_, "no %u-bit DMA for the table walker: %d\n",
			     hw_->table_dma_bits(), ret);
		return kcxx::Error(ret);
	}
	auto blocking = hw_->create_table(memory_);
	if (!blocking.ok()) {
		KCXX_DEV_ERR(dev_, "cannot allocate the blocking table: %d\n", blocking.to_errno());
		return blocking.error();
	}
	blocking_ = kcxx::move(blocking).value();

	kcxx::IrqSaveGuard guard(lock_);
	powered_ = true;
	hw_->restore(stats_);
	for (Context &ctx : contexts_)
		hw_->program(ctx.index, setup_of_locked(ctx), Program::Attach, stats_);
	return {};
}

ContextSetup Instance::setup_of_locked(const Context &ctx)
{
	ContextSetup setup;

	lock_.assert_held();
	setup.ids = ctx.ids;
	setup.nids = ctx.nids;
	setup.has_client = ctx.client != nullptr;
	if (ctx.domain) {
		setup.mode = Mode::Translate;
		setup.ttb = ctx.domain->ttb();
	} else if (ctx.blocked) {
		setup.mode = Mode::Translate;
		setup.ttb = blocking_->ttb();
	}
	return setup;
}

kcxx::Result<u32> Instance::claim_context_locked(Client *client, const u32 *ids, u32 nids)
{
	Context *free = nullptr;

	registry().mutex().assert_held();
	for (Context &ctx : contexts_) {
		if (!ctx.client) {
			free = free ? free : &ctx;
			continue;
		}
		for (u32 i = 0; i < ctx.nids; i++) {
			for (u32 j = 0; j < nids; j++) {
				if (ctx.ids[i] != ids[j])
					continue;
				KCXX_DEV_ERR(client->dev(), "stream ID %u of %s already belongs to %s\n",
					     ids[j], kx_dev_name(dev_), kx_dev_name(ctx.client->dev()));
				return kcxx::Error(-kcxx::EBUSY);
			}
		}
	}
	if (!free) {
		if (contexts() == 1)
			KCXX_DEV_ERR(client->dev(), "%s already serves %s\n", kx_dev_name(dev_),
				     kx_dev_name(contexts_[0].client->dev()));
		else
			KCXX_DEV_ERR(client->dev(), "all %u contexts of %s are in use\n", contexts(),
				     kx_dev_name(dev_));
		return kcxx::Error(-kcxx::EBUSY);
	}

	/* The hardware learns the client's stream IDs at once (they bypass until attached). */
	kcxx::IrqSaveGuard guard(lock_);
	free->client = client;
	free->ids = ids;
	free->nids = nids;
	if (powered_)
		hw_->program(free->index, setup_of_locked(*free), Program::Attach, stats_);
	return free->index;
}

void Instance::release_context_locked(u32 index)
{
	Context &ctx = contexts_[index];

	registry().mutex().assert_held();
	{
		kcxx::IrqSaveGuard guard(lock_);

		ctx.client = nullptr;
		ctx.ids = nullptr;
		ctx.nids = 0;
	}
	/* Programs the context without the client's stream IDs. */
	set_context_locked(index, nullptr, false);
}

/* A client's contexts change only under the registry mutex: none goes meanwhile. */
bool Instance::serves_locked(const struct device *dev)
{
	registry().mutex().assert_held();
	for (const Context &ctx : contexts_) {
		if (ctx.client && ctx.client->dev() == dev)
			return true;
	}
	return false;
}

/*
 * The new domain's flushes reach the context before the hardware walks
 * its table, and the old domain's reach it until the hardware has left
 * its table: no window in which a walker uses a table whose invalidations
 * it does not get.  In between the context is on both domains' lists,
 * through its two nodes.
 */
void Instance::set_context_locked(u32 index, Domain *domain, bool blocked)
{
	Context &ctx = contexts_[index];
	Domain *old = ctx.domain;
	AttachNode &old_node = ctx.nodes[ctx.live_node];
	AttachNode &new_node = ctx.nodes[ctx.live_node ^ 1];

	registry().mutex().assert_held();
	if (domain && domain != old)
		domain->link(new_node, ctx);
	{
		kcxx::IrqSaveGuard guard(lock_);

		ctx.domain = domain;
		ctx.blocked = blocked && !domain;
		if (powered_)
			hw_->program(index, setup_of_locked(ctx), Program::Attach, stats_);
	}
	if (domain != old) {
		if (old)
			old->unlink(old_node);
		ctx.live_node ^= 1;
	}
}

/*
 * The flushes run under the domain's attach lock, taken with interrupts
 * off (locks.h): the instance lock needs no second save and restore of
 * them, which on UML are calls (Documentation/performance.rst).
 */
void Instance::flush_range(Context &ctx, const Domain *domain, u64 start, u64 end,
			   bool unlinked)
{
	kcxx::Guard<kcxx::SpinLock> guard(lock_);

	if (ctx.domain != domain)
		return;
	if (!powered_) {
		/* Resume starts from an empty TLB. */
		stats_.skipped_off++;
		return;
	}
	if (unlinked && hw_->caches_empty_l1())
		hw_->flush_range_unlinked(ctx.index, start, end, stats_);
	else
		hw_->flush_range(ctx.index, start, end, stats_);
}

void Instance::flush_all(Context &ctx, const Domain *domain)
{
	kcxx::Guard<kcxx::SpinLock> guard(lock_);

	if (ctx.domain != domain)
		return;
	if (!powered_) {
		stats_.skipped_off++;
		return;
	}
	hw_->flush_all(ctx.index, stats_);
}

void Instance::flush_walk_cache(Context &ctx, const Domain *domain, u64 start, u64 end)
{
	kcxx::Guard<kcxx::SpinLock> guard(lock_);

	if (ctx.domain != domain)
		return;
	if (!powered_) {
		stats_.skipped_off++;
		return;
	}
	hw_->flush_walk_cache(ctx.index, start, end, stats_);
}

/*
 * A fault still pending when power goes would vanish with the registers,
 * unreported, and a stalled master with it: take every pending fault
 * first, as the interrupt would have.  Clients suspend before their
 * IOMMU, so no new fault should arrive after this; one that does finds
 * the instance off and is left to the reset (handle_irq()).  The reports
 * happen under reports_, which sync_faults() waits for: a domain leaving
 * a context meanwhile is not freed under the report.
 */
void Instance::suspend()
{
	u32 pending;

	{
		kcxx::Guard<kcxx::Mutex> reports(reports_);

		pending = take_faults();
	}
	kcxx::IrqSaveGuard guard(lock_);

	stats_.suspend_faults += pending;
	if (!powered_)
		return;
	hw_->save(stats_);
	powered_ = false;
}

void Instance::resume()
{
	kcxx::IrqSaveGuard guard(lock_);

	powered_ = true;
	hw_->restore(stats_);
	for (Context &ctx : contexts_)
		hw_->program(ctx.index, setup_of_locked(ctx), Program::Resume, stats_);
}

/*
 * Each fault is reported to the domain's handler with the client device,
 * outside the lock (the handler may take its own), then the hardware lets
 * the master go.  Domains are freed only after synchronize_irq(), so the
 * domain taken under the lock outlives the report.
 */
void Instance::sync_faults()
{
	kx_inst_sync_irqs(kernel_);
	kcxx::Guard<kcxx::Mutex> reports(reports_);
}

bool Instance::handle_irq()
{
	return take_faults() != 0;
}

/*
 * The hardware is read only while powered: an interrupt that reaches a
 * suspended instance (a shared line, or one raised as power went) takes
 * nothing and touches nothing.
 */
u32 Instance::take_faults()
{
	u32 taken = 0;

	/* Every context may have one fault pending. */
	for (u32 round = 0; round < contexts(); round++) {
		struct iommu_domain *domain = nullptr;
		struct device *client = nullptr;
		const char *outcome = "";
		Fault fault;
		bool handled;

		{
			kcxx::IrqSaveGuard guard(lock_);

			if (!powered_ || !hw_->take_fault(fault))
				break;
			stats_.faults++;
			if (fault.context < contexts()) {
				const Context &ctx = contexts_[fault.context];

				if (ctx.domain && ctx.client) {
					domain = ctx.domain->iommu_domain();
					client = ctx.client->dev();
				}
			}
		}
		taken++;
		handled = domain && !kx_report_iommu_fault(domain, client, fault.addr, fault.flags);
		{
			kcxx::IrqSaveGuard guard(lock_);
			const u64 terminated = stats_.terminated;

			if (powered_)
				hw_->end_fault(fault, handled, stats_);
			if (!handled)
				stats_.unhandled_faults++;
			/* What the hardware did with its master, as the driver counted it. */
			if (fault.stalled)
				outcome = stats_.terminated != terminated ? ", master terminated"
									  : ", master resumed";
		}
		if (!handled)
			log_fault(fault, client, outcome);
	}
	return taken;
}

/*
 * One line per unhandled fault, as the per-instance rate limit allows; the
 * first line after some were dropped says how many, so the log alone
 * accounts for the storm.  Both counts are in the stats (debugfs).
 */
void Instance::log_fault(const Fault &fault, struct device *client, const char *outcome)
{
	const char *dir = fault.flags & SOCMMU_FAULT_WRITE ? "write" : "read";
	const char *who = client ? kx_dev_name(client) : "no client";
	u64 dropped;
	bool printed;

	{
		kcxx::IrqSaveGuard guard(lock_);

		dropped = stats_.fault_lines_dropped - dropped_at_line_;
	}
	if (dropped)
		printed = kx_inst_log_fault(kernel_,
					    "unhandled %s %s fault at 0x%08llx (status 0x%x) from %s%s; %llu fault lines dropped before it\n",
					    fault.reason, dir, fault.addr, fault.status, who, outcome,
					    dropped);
	else
		printed = kx_inst_log_fault(kernel_,
					    "unhandled %s %s fault at 0x%08llx (status 0x%x) from %s%s\n",
					    fault.reason, dir, fault.addr, fault.status, who, outcome);

	kcxx::IrqSaveGuard guard(lock_);

	if (printed) {
		stats_.fault_lines++;
		dropped_at_line_ += dropped;
	} else {
		stats_.fault_lines_dropped++;
	}
}

void Instance::dump(core_dump what, void *seq)
{
	Printer out(seq);

	switch (what) {
	case CORE_DUMP_PAGETABLE: {
		kcxx::Guard<kcxx::Mutex> guard(registry().mutex());

		dump_pagetable_locked(out);
		return;
	}
	case CORE_DUMP_STATS: {
		const Stats s = stats();

		out.print("entry_flushes %llu\nrange_flushes %llu\nfull_flushes %llu\n"
			  "walk_cache_flushes %llu\nskipped_off %llu\nflush_errors %llu\n"
			  "saved_entries %llu\nprograms %llu\nfaults %llu\nunhandled_faults %llu\n"
			  "resumed %llu\nterminated %llu\nfault_lines %llu\nfault_lines_dropped %llu\n"
			  "suspend_faults %llu\n",
			  s.entry_flushes, s.range_flushes, s.full_flushes, s.walk_cache_flushes,
			  s.skipped_off, s.flush_errors, s.saved_entries, s.programs, s.faults,
			  s.unhandled_faults, s.resumed, s.terminated, s.fault_lines,
			  s.fault_lines_dropped, s.suspend_faults);
		return;
	}
	default:
		break;
	}

	kcxx::IrqSaveGuard guard(lock_);

	if (!powered_) {
		out.print("runtime-suspended: hardware not read\n");
		return;
	}
	if (what == CORE_DUMP_REGS)
		hw_->dump_regs(out);
	else
		hw_->dump_tlb(out);
}

/* Contexts and domains change only under the registry mutex, held here. */
void Instance::dump_pagetable_locked(Printer &out)
{
	registry().mutex().assert_held();
	for (Context &ctx : contexts_) {
		if (contexts() > 1)
			out.print("context %u%s%s:\n", ctx.index, ctx.client ? " of " : "",
				  ctx.client ? kx_dev_name(ctx.client->dev()) : "");
		if (ctx.domain)
			ctx.domain->dump(out);
		else
			out.print("no paging domain\n");
	}
}

Stats Instance::stats()
{
	kcxx::IrqSaveGuard guard(lock_);

	return stats_;
}

} // namespace socmmu
