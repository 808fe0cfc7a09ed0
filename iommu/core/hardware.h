/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What an IOMMU driver writes: one Hardware object per instance.  The
 * framework (Documentation/iommu-framework.rst) does everything else --
 * clients, domains, page tables, attach and detach, invalidation
 * batching, power, fault reporting, debugfs -- and calls these methods
 * with the instance's lock held and the hardware powered, never
 * otherwise, unless a method says so.
 *
 * An instance has one or more contexts: translation slots that each serve
 * one client at a time (OMAP and Exynos: one; MSM: qcom,ncb context banks).
 */
#ifndef SOCMMU_IOMMU_HARDWARE_H
#define SOCMMU_IOMMU_HARDWARE_H

#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#include "../pgtable/table_memory.h"
#include "driver_abi.h"
#include "page_table.h"
#include "printer.h"

namespace socmmu {

using Stats = socmmu_iommu_stats;

/* How a context translates. */
enum class Mode {
	Bypass,		/* off: bus address = physical address */
	Translate,	/* through the table at ttb */
};

/* What the framework wants a context to do. */
struct ContextSetup {
	Mode mode = Mode::Bypass;
	u64 ttb = 0;		/* the table's L1, when translating */
	/* The client's stream IDs on this instance (its "iommus" arguments). */
	const u32 *ids = nullptr;
	u32 nids = 0;
	bool has_client = false;
};

/* Why a context is (re)programmed. */
enum class Program {
	Attach,		/* a new address space: nothing cached may survive */
	Resume,		/* power came back: the same address space as before */
};

/* A fault the hardware reported, as take_fault() decodes it. */
struct Fault {
	u32 context = 0;
	u64 addr = 0;
	int flags = SOCMMU_FAULT_READ;	/* SOCMMU_FAULT_* */
	u32 status = 0;			/* raw, for the log line */
	const char *reason = "fault";	/* "translation", "permission", ... */
	bool stalled = false;		/* the master waits for end_fault() */
};

class Hardware {
public:
	virtual ~Hardware() = default;

	/* Contexts this instance has (fixed at create()). */
	virtual u32 contexts() const = 0;

	/*
	 * Stream IDs of one client on this instance (its "iommus"
	 * arguments): -EINVAL with one dev_err for IDs the hardware does not
	 * have.  Called once per client at probe_device, unlocked.
	 */
	virtual kcxx::Result<void> check_ids(const u32 *ids, u32 nids) const = 0;

	/*
	 * An empty page table of this instance's format in @memory.  Called
	 * unlocked, may sleep.  Instances whose table_format() is equal can
	 * share one table (one domain).
	 */
	virtual kcxx::Result<kcxx::Owner<PageTable>> create_table(pgtable::TableMemory &memory) = 0;
	virtual u32 table_format() const = 0;

	/* Bits of the DMA mask the table walker can reach (tables live below). */
	virtual unsigned int table_dma_bits() const = 0;

	/* Make context @ctx do what @setup says. */
	virtual void program(u32 ctx, const ContextSetup &setup, Program why, Stats &stats) = 0;

	/* Invalidate cached translations of [start, end) (end exclusive) in @ctx. */
	virtual void flush_range(u32 ctx, u64 start, u64 end, Stats &stats) = 0;
	virtual void flush_all(u32 ctx, Stats &stats) = 0;

	/*
	 * Whether L1 entries that a map changed from empty must be
	 * invalidated (a walk cache that caches empty L1 entries, like the
	 * Exynos FLPD cache); flush_walk_cache() then runs once per map call
	 * for the range the page table reported.
	 */
	virtual bool caches_empty_l1() const { return false; }
	virtual void flush_walk_cache(u32 ctx, u64 start, u64 end, Stats &stats) {}

	/*
	 * For hardware with caches_empty_l1(): an unmap in [start, end)
	 * unlinked L2 tables, which are freed after this returns, and the walk
	 * cache may still hold the L1 entries that pointed to them.  Forget
	 * both the translations and those entries.  The default does one
	 * after the other; a driver with a cheaper way (one command for both)
	 * overrides it.
	 */
	virtual void flush_range_unlinked(u32 ctx, u64 start, u64 end, Stats &stats)
	{
		flush_range(ctx, start, end, stats);
		flush_walk_cache(ctx, start, end, stats);
	}

	/* Power is about to go: save what is lost and not rebuilt by program(). */
	virtual void save(Stats &stats) = 0;
	/* Power is back: global state, before program(Resume) of each context. */
	virtual void restore(Stats &stats) = 0;

	/*
	 * The IRQ: take one pending fault off the hardware, or return false.
	 * end_fault() then lets a stalled master go: @handled says whether
	 * the domain's handler took it (retry) or not (terminate, or resume
	 * as the hardware allows).
	 */
	virtual bool take_fault(Fault &fault) = 0;
	virtual void end_fault(const Fault &fault, bool handled, Stats &stats) {}

	/* debugfs. */
	virtual void dump_regs(Printer &out) = 0;
	virtual void dump_tlb(Printer &out) { out.print("no TLB readout on this hardware\n"); }
};

} // namespace socmmu

#endif
