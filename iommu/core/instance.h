/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One IOMMU instance: the driver's Hardware, its contexts, its power state
 * and the blocking table.  Everything that touches the hardware goes
 * through here, under the instance lock and only while powered.
 */
#ifndef SOCMMU_IOMMU_INSTANCE_H
#define SOCMMU_IOMMU_INSTANCE_H

#include <kcxx/lock.h>
#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#include "../pgtable/table_memory.h"
#include "core_abi.h"
#include "hardware.h"
#include "page_table.h"

namespace socmmu {

class Client;
class Domain;
class Instance;
struct Context;

/* A context's place in a domain's list of attached contexts. */
struct AttachNode {
	Context *ctx;
	AttachNode *prev;
	AttachNode *next;
};

/*
 * A translation slot.  client and ids change under the registry mutex and
 * the instance lock; domain and blocked too.  A context switching domains
 * is briefly on both lists (Instance::set_context_locked()), hence two
 * nodes: nodes[live_node] is the one on its domain's list, under that
 * domain's attach lock.
 */
struct Context {
	Instance *instance;
	u32 index;
	Client *client;
	const u32 *ids;
	u32 nids;
	Domain *domain;
	bool blocked;
	AttachNode nodes[2];
	u32 live_node;
};

class Instance : kcxx::Pinned {
public:
	static kcxx::Result<kcxx::Owner<Instance>> create(const socmmu_driver_info *driver,
							  const socmmu_hw_params *params,
							  const void *key);
	Instance(socmmu_inst *kernel, struct device *dev, const socmmu_driver_info *driver,
		 const void *key, kcxx::Owner<Hardware> hw);
	~Instance() = default;

	socmmu_inst *kernel() const { return kernel_; }
	struct device *dev() const { return dev_; }
	const socmmu_driver_info *driver() const { return driver_; }
	const void *key() const { return key_; }
	Hardware &hw() { return *hw_; }
	u32 contexts() const { return static_cast<u32>(contexts_.size()); }
	Context &context(u32 index) { return contexts_[index]; }

	/* Registry mutex held. */
	kcxx::Result<u32> claim_context_locked(Client *client, const u32 *ids, u32 nids);
	void release_context_locked(u32 index);
	/* Registry mutex held: a context of @dev's, the client's first instance or not. */
	bool serves_locked(const struct device *dev);
	/* Point context @index at @domain, at the blocking table, or at nothing. */
	void set_context_locked(u32 index, Domain *domain, bool blocked);

	/*
	 * The domain's attach lock held, so interrupts off: only if @ctx is
	 * still on @domain.
	 */
	/* @unlinked: the unmap unlinked L2 tables there (flush_range_unlinked()). */
	void flush_range(Context &ctx, const Domain *domain, u64 start, u64 end, bool unlinked);
	void flush_all(Context &ctx, const Domain *domain);
	void flush_walk_cache(Context &ctx, const Domain *domain, u64 start, u64 end);

	void suspend();
	void resume();
	bool handle_irq();
	/*
	 * Registry mutex held: wait until no fault taken before is still
	 * being reported against a context's old domain (the IRQ handlers'
	 * and a suspend's reports).
	 */
	void sync_faults();

	void dump(core_dump what, void *seq);
	Stats stats();

	/* The registry's list, under its mutex. */
	Instance *next_registered = nullptr;

private:
	kcxx::Result<void> init();
	ContextSetup setup_of_locked(const Context &ctx);
	void dump_pagetable_locked(Printer &out);
	u32 take_faults();
	void log_fault(const Fault &fault, struct device *client, const char *outcome);

	socmmu_inst *const kernel_;
	struct device *const dev_;
	const socmmu_driver_info *const driver_;
	const void *const key_;
	kcxx::Owner<Hardware> hw_;
	pgtable::DmaTableMemory memory_;
	/* Every address faults: the blocked state of any context. */
	kcxx::Owner<PageTable> blocking_;
	kcxx::OwnedArray<Context> contexts_;

	/* Held while suspend reports the faults it took (locks.h, 1a). */
	kcxx::Mutex reports_;
	kcxx::SpinLock lock_;
	/* Under lock_. */
	bool powered_ = false;
	Stats stats_ = {};
	/* stats_.fault_lines_dropped when the last line said how many it had dropped. */
	u64 dropped_at_line_ = 0;
};

} // namespace socmmu

#endif
