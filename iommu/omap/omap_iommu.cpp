// SPDX-License-Identifier: GPL-2.0
/*
 * OMAP IOMMU logic: one MMU instance (registers, TLB, power context) and a
 * paging domain whose single page table every attached instance walks.
 *
 * Locks, outermost first:
 *   Domain::unmap_lock_   pending Gather (unmap, sync); also taken around
 *                         the engine's own table lock
 *   Domain::attach_lock_  the domain's instance list
 *   Mmu::lock_            the instance's registers and software state
 * All are spinlocks taken with interrupts off: map/unmap/sync may run in
 * atomic context and the IRQ handler takes Mmu::lock_.  Registers are
 * touched only under Mmu::lock_ with powered_ set, which runtime
 * suspend/resume change under the same lock.
 */
#include <kcxx/bits.h>
#include <kcxx/errno.h>
#include <kcxx/lock.h>
#include <kcxx/log.h>
#include <kcxx/mmio.h>
#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#include "../pgtable/omap_format.h"
#include "../pgtable/short_desc_table.h"
#include "../pgtable/table_memory.h"
#include "omap_iommu.h"

namespace omap_iommu {
namespace {

using Table = pgtable::ShortDescTable<pgtable::OmapFormat>;

/* Registers (hardware.md 1.1). */
struct Revision : kcxx::Register32<Revision, 0x00> {};
struct IrqStatus : kcxx::Register32<IrqStatus, 0x18> {
	KCXX_REG_FIELD(faults, 4, 0)
};
struct IrqEnable : kcxx::Register32<IrqEnable, 0x1c> {};
struct WalkingSt : kcxx::Register32<WalkingSt, 0x40> {};
struct Cntl : kcxx::Register32<Cntl, 0x44> {
	KCXX_REG_FIELD(mmu_enable, 1, 1)
	KCXX_REG_FIELD(table_walk_enable, 2, 2)
};
struct FaultAd : kcxx::Register32<FaultAd, 0x48> {};
struct Ttb : kcxx::Register32<Ttb, 0x4c> {};
struct Lock : kcxx::Register32<Lock, 0x50> {
	KCXX_REG_FIELD(base, 14, 10)
	KCXX_REG_FIELD(vict, 8, 4)
};
struct LdTlb : kcxx::Register32<LdTlb, 0x54> {
	KCXX_REG_FIELD(load, 0, 0)
};
struct Cam : kcxx::Register32<Cam, 0x58> {
	KCXX_REG_FIELD(va, 31, 12)
	KCXX_REG_FIELD(preserved, 3, 3)
	KCXX_REG_FIELD(valid, 2, 2)
	KCXX_REG_FIELD(size, 1, 0)
};
struct Ram : kcxx::Register32<Ram, 0x5c> {};
struct Gflush : kcxx::Register32<Gflush, 0x60> {
	KCXX_REG_FIELD(flush, 0, 0)
};
struct FlushEntry : kcxx::Register32<FlushEntry, 0x64> {
	KCXX_REG_FIELD(flush, 0, 0)
};
struct ReadCam : kcxx::Register32<ReadCam, 0x68> {};
struct ReadRam : kcxx::Register32<ReadRam, 0x6c> {};
struct EmuFaultAd : kcxx::Register32<EmuFaultAd, 0x70> {};
struct GpReg : kcxx::Register32<GpReg, 0x88> {
	KCXX_REG_FIELD(bus_err_back, 0, 0)
};

/* TRANSLATION, TABLEWALK, EMUMISS, MULTIHIT: what mainline enables. */
constexpr u32 kIrqEnabled = 0x1e;
constexpr u32 kMaxTlb = 32;
constexpr unsigned int kMaxMmus = 8;
/* Ranges up to this many 4 KB pages get FLUSH_ENTRY each, larger a GFLUSH. */
constexpr u64 kFlushEntryPages = 16;

} // namespace

class Domain;

enum class Mode { Bypass, Blocked, Paging };

/* What the hardware loses at power off, as saved at runtime suspend. */
struct Context {
	u32 ttb = 0;
	u32 cntl = 0;
	u32 irqenable = 0;
	u32 gp_reg = 0;
	bool syscon = false;
	u32 locked = 0;
	u32 cam[kMaxTlb] = {};
	u32 ram[kMaxTlb] = {};
};

class Mmu : kcxx::Pinned {
public:
	Mmu(struct device *dev, kx_iomem *base, const omap_mmu_config &cfg,
	    omap_iommu_inst *inst)
		: mmio_(base), cfg_(cfg), inst_(inst), memory_(dev)
	{
	}

	~Mmu() = default;

	kcxx::Result<void> init()
	{
		/* The table of the blocked state: every address faults. */
		blocking_ = KCXX_TRY(Table::create(memory_));
		return {};
	}

	u32 revision()
	{
		kcxx::IrqSaveGuard guard(lock_);

		return powered_ ? mmio_.read<Revision>().raw() : 0;
	}

	/* Caller holds the attach lock of the domain it joins or leaves, if any. */
	void set_mode(Mode mode, Domain *domain, struct device *client, u64 ttb)
	{
		kcxx::IrqSaveGuard guard(lock_);

		mode_ = mode;
		domain_ = domain;
		client_ = client;
		ctx_.ttb = static_cast<u32>(ttb);
		ctx_.gp_reg = GpReg().set_bus_err_back(cfg_.bus_err_back).raw();
		if (mode == Mode::Bypass) {
			ctx_.cntl = 0;
			ctx_.irqenable = 0;
			ctx_.syscon = false;
		} else {
			ctx_.cntl = Cntl().set_mmu_enable(1).set_table_walk_enable(1).raw();
			ctx_.irqenable = kIrqEnabled;
			ctx_.syscon = cfg_.has_syscon;
		}
		/* A new address space: entries locked for the old one go too. */
		ctx_.locked = 0;
		if (powered_)
			program();
	}

	Domain *domain()
	{
		kcxx::IrqSaveGuard guard(lock_);

		return domain_;
	}

	void flush_range(Domain *domain, u64 start, u64 end)
	{
		kcxx::IrqSaveGuard guard(lock_);

		if (domain_ != domain)
			return;
		if (!powered_) {
			/* Resume starts from an empty TLB. */
			stats_.skipped_off++;
			return;
		}
		if (((end - start) >> 12) > kFlushEntryPages) {
			gflush();
			return;
		}
		for (u64 va = kcxx::align_down(start, u64{0x1000}); va < end; va += 0x1000) {
			mmio_.write(Cam().set_va(static_cast<u32>(va >> 12)));
			mmio_.write(FlushEntry().set_flush(1));
			stats_.flush_entries++;
		}
	}

	void flush_all(Domain *domain)
	{
		kcxx::IrqSaveGuard guard(lock_);

		if (domain_ != domain)
			return;
		if (powered_)
			gflush();
		else
			stats_.skipped_off++;
	}

	void runtime_suspend()
	{
		kcxx::IrqSaveGuard guard(lock_);

		if (!powered_)
			return;
		const Lock lock = mmio_.read<Lock>();

		ctx_.locked = kcxx::min(lock.base(), cfg_.tlb_entries);
		for (u32 i = 0; i < ctx_.locked; i++) {
			mmio_.write(Lock().set_base(lock.base()).set_vict(i));
			ctx_.cam[i] = mmio_.read<ReadCam>().raw();
			ctx_.ram[i] = mmio_.read<ReadRam>().raw();
		}
		mmio_.write(lock);
		ctx_.ttb = mmio_.read<Ttb>().raw();
		ctx_.cntl = mmio_.read<Cntl>().raw();
		ctx_.irqenable = mmio_.read<IrqEnable>().raw();
		ctx_.gp_reg = mmio_.read<GpReg>().raw();
		stats_.saved_locked = ctx_.locked;
		/* Disable before the power goes: no walk may be in flight. */
		mmio_.write(Cntl());
		if (cfg_.has_syscon)
			omap_iommu_syscon_enable(inst_, false);
		powered_ = false;
	}

	void runtime_resume()
	{
		kcxx::IrqSaveGuard guard(lock_);

		powered_ = true;
		program();
	}

	bool take_fault(omap_mmu_fault *fault)
	{
		kcxx::IrqSaveGuard guard(lock_);

		if (!powered_)
			return false;
		const u32 status = mmio_.read<IrqStatus>().faults();

		if (!status)
			return false;
		fault->status = status;
		fault->addr = mmio_.read<FaultAd>().raw();
		/* Clearing the status lets a stalled MMU go on. */
		mmio_.write(IrqStatus().set_faults(status));
		fault->client = client_;
		fault->domain = fault_domain_locked();
		stats_.faults++;
		return true;
	}

	void stats(struct omap_mmu_stats *out)
	{
		kcxx::IrqSaveGuard guard(lock_);

		*out = stats_;
	}

	void dump_regs(void *seq)
	{
		kcxx::IrqSaveGuard guard(lock_);

		if (!powered_) {
			omap_iommu_seq_printf(seq, "runtime-suspended: hardware not read\n");
			return;
		}
		omap_iommu_seq_printf(seq,
				      "REVISION 0x%08x\nIRQSTATUS 0x%08x\nIRQENABLE 0x%08x\n"
				      "WALKING_ST 0x%08x\nCNTL 0x%08x\nFAULT_AD 0x%08x\n"
				      "TTB 0x%08x\nLOCK 0x%08x\nEMU_FAULT_AD 0x%08x\n"
				      "GP_REG 0x%08x\n",
				      mmio_.read<Revision>().raw(), mmio_.read<IrqStatus>().raw(),
				      mmio_.read<IrqEnable>().raw(), mmio_.read<WalkingSt>().raw(),
				      mmio_.read<Cntl>().raw(), mmio_.read<FaultAd>().raw(),
				      mmio_.read<Ttb>().raw(), mmio_.read<Lock>().raw(),
				      mmio_.read<EmuFaultAd>().raw(), mmio_.read<GpReg>().raw());
	}

	void dump_tlb(void *seq)
	{
		kcxx::IrqSaveGuard guard(lock_);

		if (!powered_) {
			omap_iommu_seq_printf(seq, "runtime-suspended: hardware not read\n");
			return;
		}
		const Lock lock = mmio_.read<Lock>();

		for (u32 i = 0; i < cfg_.tlb_entries; i++) {
			mmio_.write(Lock().set_base(lock.base()).set_vict(i));
			const Cam cam = Cam::from_raw(mmio_.read<ReadCam>().raw());
			const u32 ram = mmio_.read<ReadRam>().raw();

			if (cam.valid())
				omap_iommu_seq_printf(seq, "%2u: cam 0x%08x ram 0x%08x%s\n", i,
						      cam.raw(), ram,
						      i < lock.base() ? " locked" : "");
		}
		/* Reading moved VICT: put the walker's refill pointer back. */
		mmio_.write(lock);
	}

	u64 blocking_ttb() const { return blocking_->ttb(); }

	omap_iommu_inst *inst() const { return inst_; }

private:
	/* Defined once Domain is. */
	struct iommu_domain *fault_domain_locked() const;

	/* Everything but the locked entries comes from ctx_; powered_, lock_ held. */
	void program()
	{
		mmio_.write(Cntl());
		/* Start from an empty TLB, then put the locked entries back. */
		mmio_.write(Lock());
		gflush();
		for (u32 i = 0; i < ctx_.locked; i++) {
			mmio_.write(Cam::from_raw(ctx_.cam[i]));
			mmio_.write(Ram::from_raw(ctx_.ram[i]));
			mmio_.write(Lock().set_base(i).set_vict(i));
			mmio_.write(LdTlb().set_load(1));
		}
		mmio_.write(Lock().set_base(ctx_.locked).set_vict(ctx_.locked));
		mmio_.write(Ttb::from_raw(ctx_.ttb));
		if (cfg_.has_syscon)
			omap_iommu_syscon_enable(inst_, ctx_.syscon);
		mmio_.write(GpReg::from_raw(ctx_.gp_reg));
		mmio_.write(IrqEnable::from_raw(ctx_.irqenable));
		mmio_.write(Cntl::from_raw(ctx_.cntl));
	}

	void gflush()
	{
		mmio_.write(Gflush().set_flush(1));
		stats_.gflushes++;
	}

	kcxx::SpinLock lock_{KCXX_LOCK_CLASS("socmmu_omap_iommu.mmu")};
	kcxx::Mmio mmio_;
	const omap_mmu_config cfg_;
	omap_iommu_inst *const inst_;
	pgtable::DmaTableMemory memory_;
	kcxx::Owner<Table> blocking_;
	/* Under lock_. */
	bool powered_ = false;
	Mode mode_ = Mode::Bypass;
	Domain *domain_ = nullptr;
	struct device *client_ = nullptr;
	Context ctx_;
	struct omap_mmu_stats stats_ = {};
};

class Domain : kcxx::Pinned {
public:
	Domain(struct device *table_dev, struct iommu_domain *domain)
		: memory_(table_dev), iommu_domain_(domain)
	{
	}

	~Domain()
	{
		detach_all();
		kcxx::IrqSaveGuard guard(unmap_lock_);

		/* No instance walks the table any more. */
		pending_.release_tables();
	}

	kcxx::Result<void> init()
	{
		table_ = KCXX_TRY(Table::create(memory_));
		return {};
	}

	struct iommu_domain *iommu_domain() const { return iommu_domain_; }

	kcxx::Result<void> attach(Mmu *const *mmus, unsigned int n, struct device *client,
				  bool steal)
	{
		for (unsigned int i = 0; i < n; i++) {
			Domain *old = mmus[i]->domain();

			if (old && old != this && !steal)
				return kcxx::Error(-kcxx::EBUSY);
		}
		for (unsigned int i = 0; i < n; i++) {
			Domain *old = mmus[i]->domain();

			if (old && old != this)
				old->remove(mmus[i]);
		}
		kcxx::IrqSaveGuard guard(attach_lock_);

		for (unsigned int i = 0; i < n; i++) {
			if (!contains(mmus[i])) {
				if (count_ == kMaxMmus)
					return kcxx::Error(-kcxx::ENOSPC);
				mmus_[count_++] = mmus[i];
			}
			/* The table is complete in memory: enabling needs no flush but its own. */
			mmus[i]->set_mode(Mode::Paging, this, client, table_->ttb());
		}
		return {};
	}

	/* @mmu leaves this domain for @mode. */
	void remove(Mmu *mmu, Mode mode = Mode::Bypass, struct device *client = nullptr,
		    u64 ttb = 0)
	{
		kcxx::IrqSaveGuard guard(attach_lock_);

		for (unsigned int i = 0; i < count_; i++) {
			if (mmus_[i] == mmu) {
				mmus_[i] = mmus_[--count_];
				break;
			}
		}
		mmu->set_mode(mode, nullptr, client, ttb);
	}

	kcxx::Result<void> map(u64 iova, u64 paddr, u64 pgsize, size_t pgcount, int prot,
			       bool atomic, size_t *mapped)
	{
		/*
		 * A fault is never cached in the TLB, so filling an empty entry
		 * needs no invalidation.  The OMAP MMU's TLB holds whole
		 * translations only, never an L1 entry on its own, and OMAP's
		 * empty L1 entry is a fault: the L1 changes map_gather reports
		 * need no invalidation either, so it is ignored.
		 */
		pgtable::MapGather map_gather;

		return table_->map(iova, paddr, pgsize, pgcount, prot,
				   atomic ? kcxx::AllocContext::Atomic : kcxx::AllocContext::Sleepable,
				   mapped, map_gather);
	}

	size_t unmap(u64 iova, u64 pgsize, size_t pgcount)
	{
		kcxx::IrqSaveGuard guard(unmap_lock_);

		return table_->unmap(iova, pgsize, pgcount, pending_);
	}

	/*
	 * Everything unmapped since the last sync is in pending_: invalidate
	 * its range (and the core's) on every instance, then free the L2
	 * tables that became unreachable.
	 */
	void sync(u64 start, u64 end)
	{
		kcxx::IrqSaveGuard guard(unmap_lock_);

		if (!pending_.empty()) {
			start = kcxx::min(start, pending_.start());
			end = kcxx::max(end, pending_.end());
		}
		if (start < end) {
			kcxx::IrqSaveGuard attach_guard(attach_lock_);

			for (unsigned int i = 0; i < count_; i++)
				mmus_[i]->flush_range(this, start, end);
		}
		pending_.release_tables();
	}

	void flush_all()
	{
		kcxx::IrqSaveGuard guard(unmap_lock_);

		{
			kcxx::IrqSaveGuard attach_guard(attach_lock_);

			for (unsigned int i = 0; i < count_; i++)
				mmus_[i]->flush_all(this);
		}
		pending_.release_tables();
	}

	u64 iova_to_phys(u64 iova) { return table_->iova_to_phys(iova); }

	/* The first attached instance, to name in messages; nullptr if none. */
	omap_iommu_inst *first_inst()
	{
		kcxx::IrqSaveGuard guard(attach_lock_);

		return count_ ? mmus_[0]->inst() : nullptr;
	}

	/* One line per run of physically contiguous mappings. */
	void dump(void *seq)
	{
		u64 run_iova = 0, run_pa = 0, run_len = 0;

		table_->for_each_mapping([&](u64 iova, u64 pa, u64 size) {
			if (run_len && iova == run_iova + run_len && pa == run_pa + run_len) {
				run_len += size;
				return;
			}
			if (run_len)
				omap_iommu_seq_printf(seq, "0x%08llx-0x%08llx -> 0x%08llx\n",
						      run_iova, run_iova + run_len - 1, run_pa);
			run_iova = iova;
			run_pa = pa;
			run_len = size;
		});
		if (run_len)
			omap_iommu_seq_printf(seq, "0x%08llx-0x%08llx -> 0x%08llx\n", run_iova,
					      run_iova + run_len - 1, run_pa);
	}

private:
	bool contains(Mmu *mmu) const
	{
		for (unsigned int i = 0; i < count_; i++) {
			if (mmus_[i] == mmu)
				return true;
		}
		return false;
	}

	void detach_all()
	{
		for (;;) {
			Mmu *mmu;
			{
				kcxx::IrqSaveGuard guard(attach_lock_);

				if (!count_)
					return;
				mmu = mmus_[0];
			}
			remove(mmu);
		}
	}

	pgtable::DmaTableMemory memory_;
	struct iommu_domain *const iommu_domain_;
	kcxx::Owner<Table> table_;
	kcxx::SpinLock unmap_lock_{KCXX_LOCK_CLASS("socmmu_omap_iommu.unmap")};
	pgtable::Gather pending_;
	kcxx::SpinLock attach_lock_{KCXX_LOCK_CLASS("socmmu_omap_iommu.attach")};
	Mmu *mmus_[kMaxMmus] = {};
	unsigned int count_ = 0;
};

inline struct iommu_domain *Mmu::fault_domain_locked() const
{
	return domain_ ? domain_->iommu_domain() : nullptr;
}

} // namespace omap_iommu

using omap_iommu::Domain;
using omap_iommu::Mmu;

struct omap_mmu : Mmu {
	using Mmu::Mmu;
};

struct omap_domain : Domain {
	using Domain::Domain;
};

extern "C" {

struct omap_mmu *omap_mmu_create(struct device *dev, struct kx_iomem *base,
				 const struct omap_mmu_config *cfg,
				 struct omap_iommu_inst *inst, int *err) noexcept
{
	auto mmu = kcxx::make_owned<omap_mmu>(dev, base, *cfg, inst);

	if (!mmu.ok()) {
		*err = mmu.to_errno();
		return nullptr;
	}
	kcxx::Result<void> ret = mmu.value()->init();
	if (!ret.ok()) {
		*err = ret.to_errno();
		return nullptr;
	}
	return mmu.value().release();
}

void omap_mmu_destroy(struct omap_mmu *mmu) noexcept
{
	delete mmu;
}

u32 omap_mmu_revision(struct omap_mmu *mmu) noexcept
{
	return mmu->revision();
}

void omap_mmu_runtime_suspend(struct omap_mmu *mmu) noexcept
{
	mmu->runtime_suspend();
}

void omap_mmu_runtime_resume(struct omap_mmu *mmu) noexcept
{
	mmu->runtime_resume();
}

bool omap_mmu_take_fault(struct omap_mmu *mmu, struct omap_mmu_fault *fault) noexcept
{
	return mmu->take_fault(fault);
}

void omap_mmu_set_bypass(struct omap_mmu *mmu) noexcept
{
	if (Domain *d = mmu->domain())
		d->remove(mmu);
	else
		mmu->set_mode(omap_iommu::Mode::Bypass, nullptr, nullptr, 0);
}

void omap_mmu_set_blocked(struct omap_mmu *mmu, struct device *client) noexcept
{
	if (Domain *d = mmu->domain())
		d->remove(mmu, omap_iommu::Mode::Blocked, client, mmu->blocking_ttb());
	else
		mmu->set_mode(omap_iommu::Mode::Blocked, nullptr, client, mmu->blocking_ttb());
}

struct omap_domain *omap_mmu_domain(struct omap_mmu *mmu) noexcept
{
	return static_cast<struct omap_domain *>(mmu->domain());
}

void omap_mmu_get_stats(struct omap_mmu *mmu, struct omap_mmu_stats *out) noexcept
{
	mmu->stats(out);
}

void omap_mmu_dump_regs(struct omap_mmu *mmu, void *seq) noexcept
{
	mmu->dump_regs(seq);
}

void omap_mmu_dump_tlb(struct omap_mmu *mmu, void *seq) noexcept
{
	mmu->dump_tlb(seq);
}

struct omap_domain *omap_domain_create(struct device *table_dev, struct iommu_domain *domain,
				       int *err) noexcept
{
	auto d = kcxx::make_owned<omap_domain>(table_dev, domain);

	if (!d.ok()) {
		*err = d.to_errno();
		return nullptr;
	}
	kcxx::Result<void> ret = d.value()->init();
	if (!ret.ok()) {
		*err = ret.to_errno();
		return nullptr;
	}
	return d.value().release();
}

void omap_domain_free(struct omap_domain *d) noexcept
{
	delete d;
}

int omap_domain_attach(struct omap_domain *d, struct omap_mmu *const *mmus, unsigned int n,
		       struct device *client, bool steal) noexcept
{
	Mmu *list[omap_iommu::kMaxMmus];

	if (n > omap_iommu::kMaxMmus)
		return -kcxx::ENOSPC;
	for (unsigned int i = 0; i < n; i++)
		list[i] = mmus[i];
	return d->attach(list, n, client, steal).to_errno();
}

int omap_domain_map(struct omap_domain *d, u64 iova, u64 paddr, u64 pgsize, size_t pgcount,
		    int prot, bool atomic, size_t *mapped) noexcept
{
	return d->map(iova, paddr, pgsize, pgcount, prot, atomic, mapped).to_errno();
}

size_t omap_domain_unmap(struct omap_domain *d, u64 iova, u64 pgsize, size_t pgcount) noexcept
{
	return d->unmap(iova, pgsize, pgcount);
}

void omap_domain_sync(struct omap_domain *d, u64 start, u64 end) noexcept
{
	d->sync(start, end);
}

void omap_domain_flush_all(struct omap_domain *d) noexcept
{
	d->flush_all();
}

u64 omap_domain_iova_to_phys(struct omap_domain *d, u64 iova) noexcept
{
	return d->iova_to_phys(iova);
}

struct omap_iommu_inst *omap_domain_first_inst(struct omap_domain *d) noexcept
{
	return d->first_inst();
}

void omap_domain_dump(struct omap_domain *d, void *seq) noexcept
{
	d->dump(seq);
}

} // extern "C"
