// SPDX-License-Identifier: GPL-2.0
/*
 * The OMAP IOMMU (MMU) on the framework: registers, TLB maintenance, the
 * locked TLB entries across power-off, faults.  Everything else --
 * clients, domains, attach, power and fault reporting -- is the
 * framework's (Documentation/iommu-framework.rst).
 */
#include <kcxx/bits.h>
#include <kcxx/errno.h>
#include <kcxx/log.h>
#include <kcxx/mmio.h>
#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#include "../core/hardware.h"
#include "../core/services.h"
#include "../pgtable/omap_format.h"
#include "omap_iommu.h"
#include "omap_regs.h"

namespace omap_iommu {
namespace {

using socmmu::ContextSetup;
using socmmu::Fault;
using socmmu::Mode;
using socmmu::Printer;
using socmmu::Program;
using socmmu::Stats;

constexpr u32 kMaxTlb = 32;
/* Ranges up to this many 4 KB pages get FLUSH_ENTRY each, larger a GFLUSH. */
constexpr u64 kFlushEntryPages = 16;
constexpr u64 kPage = 0x1000;
/*
 * The register window: every MMU has registers up to EMU_FAULT_AD
 * (mainline's OMAP3 ISP MMU declares 0x80 bytes); GP_REG, beyond, only
 * the MMUs with ti,iommu-bus-err-back use (and declare 0x100).
 */
constexpr u64 kWindow = EmuFaultAd::offset + 4;
constexpr u64 kWindowGpReg = GpReg::offset + 4;

struct Config {
	u32 tlb_entries;	/* 8 or 32 */
	bool bus_err_back;	/* GP_REG.BUS_ERR_BACK_EN */
	void *syscon;		/* DRA7 DSP: MMU_CONFIG lives there */
	u32 syscon_id;		/* which DSP MMU: 0 or 1 */
};

/* The binding, checked: one dev_err and an errno for anything wrong. */
kcxx::Result<Config> parse(const socmmu_hw_params &p)
{
	const socmmu_dt_value &tlb = p.props[OMAP_PROP_TLB_ENTRIES];
	const socmmu_dt_value &syscon = p.props[OMAP_PROP_SYSCON];
	Config cfg = { 32, p.props[OMAP_PROP_BUS_ERR_BACK].present, nullptr, 0 };

	if (p.size < kWindow || (cfg.bus_err_back && p.size < kWindowGpReg)) {
		KCXX_DEV_ERR(p.dev, "register window of %llu bytes: the MMU's registers end at 0x%llx\n",
			     static_cast<unsigned long long>(p.size),
			     static_cast<unsigned long long>(cfg.bus_err_back ? kWindowGpReg : kWindow));
		return kcxx::Error(-kcxx::EINVAL);
	}
	if (tlb.present) {
		if (tlb.cells[0] != 8 && tlb.cells[0] != 32) {
			KCXX_DEV_ERR(p.dev, "ti,#tlb-entries must be 8 or 32, not %u\n", tlb.cells[0]);
			return kcxx::Error(-kcxx::EINVAL);
		}
		cfg.tlb_entries = tlb.cells[0];
	}
	if (p.variant != OMAP_VARIANT_DRA7_DSP)
		return cfg;
	if (!syscon.present) {
		KCXX_DEV_ERR(p.dev, "ti,syscon-mmuconfig is required\n");
		return kcxx::Error(-kcxx::EINVAL);
	}
	if (!syscon.syscon)
		return kcxx::Error(kx_dev_err_probe(p.dev, syscon.err,
						    "ti,syscon-mmuconfig names no syscon\n"));
	if (syscon.ncells != 1 || syscon.cells[0] > 1) {
		KCXX_DEV_ERR(p.dev, "ti,syscon-mmuconfig needs an id of 0 or 1\n");
		return kcxx::Error(-kcxx::EINVAL);
	}
	cfg.syscon = syscon.syscon;
	cfg.syscon_id = syscon.cells[0];
	return cfg;
}

const char *fault_reason(IrqStatus status)
{
	if (status.multi_hit_fault())
		return "multi-hit";
	if (status.table_walk_fault())
		return "table-walk";
	if (status.translation_fault())
		return "translation";
	if (status.emu_miss())
		return "emulator-miss";
	return "TLB-miss";
}

class OmapHardware final : public socmmu::Hardware {
public:
	OmapHardware(kx_iomem *base, const Config &cfg) : mmio_(base), cfg_(cfg) {}

	u32 contexts() const override { return 1; }

	/* #iommu-cells = <0>: there are no IDs to check. */
	kcxx::Result<void> check_ids(const u32 *, u32) const override { return {}; }

	kcxx::Result<kcxx::Owner<socmmu::PageTable>> create_table(pgtable::TableMemory &memory) override
	{
		return socmmu::ShortDescPageTable<pgtable::OmapFormat>::create(memory);
	}

	u32 table_format() const override { return 0; }
	unsigned int table_dma_bits() const override { return pgtable::OmapFormat{}.pa_bits(); }

	/*
	 * The whole programming sequence, from an empty TLB: the locked
	 * entries come back only on resume, into the address space they were
	 * saved in; a new address space drops them.
	 */
	void program(u32, const ContextSetup &setup, Program why, Stats &stats) override
	{
		const bool translate = setup.mode == Mode::Translate;

		if (why == Program::Attach)
			locked_ = 0;
		mmio_.write(Cntl());
		mmio_.write(Lock());
		gflush(stats);
		for (u32 i = 0; i < locked_; i++) {
			mmio_.write(Cam::from_raw(cam_[i]));
			mmio_.write(Ram::from_raw(ram_[i]));
			mmio_.write(Lock().set_base(i).set_vict(i));
			mmio_.write(LdTlb().set_load(true));
		}
		mmio_.write(Lock().set_base(locked_).set_vict(locked_));
		mmio_.write(Ttb().set_l1_table(setup.ttb));
		if (cfg_.syscon)
			syscon_enable(translate);
		/* Outside the window of MMUs without it (mainline's OMAP3 ISP). */
		if (cfg_.bus_err_back)
			mmio_.write(GpReg().set_bus_err_back(true));
		mmio_.write(translate ? kFaultInterrupts : IrqEnable());
		mmio_.write(Cntl().set_mmu_enable(translate).set_table_walk_enable(translate));
		stats.programs++;
	}

	void flush_range(u32, u64 start, u64 end, Stats &stats) override
	{
		if (((end - start) >> 12) > kFlushEntryPages) {
			gflush(stats);
			return;
		}
		for (u64 va = kcxx::align_down(start, kPage); va < end; va += kPage) {
			mmio_.write(Cam().set_va(va));
			mmio_.write(FlushEntry().set_flush(true));
			stats.entry_flushes++;
		}
	}

	/* GFLUSH keeps the locked entries: they belong to this address space. */
	void flush_all(u32, Stats &stats) override { gflush(stats); }

	/* The locked entries are all the hardware loses that program() does not rebuild. */
	void save(Stats &stats) override
	{
		const Lock lock = mmio_.read<Lock>();

		locked_ = kcxx::min(lock.base(), cfg_.tlb_entries);
		for (u32 i = 0; i < locked_; i++) {
			mmio_.write(Lock().set_base(lock.base()).set_vict(i));
			cam_[i] = mmio_.read<ReadCam>().raw();
			ram_[i] = mmio_.read<ReadRam>().raw();
		}
		mmio_.write(lock);
		stats.saved_entries = locked_;
		/* Disable before the power goes: no walk may be in flight. */
		mmio_.write(Cntl());
		if (cfg_.syscon)
			syscon_enable(false);
	}

	void restore(Stats &) override {}

	/* OMAP records no direction.  Clearing the status lets a stalled MMU go on. */
	bool take_fault(Fault &fault) override
	{
		const IrqStatus status = IrqStatus().set_faults(mmio_.read<IrqStatus>().faults());

		if (!status.raw())
			return false;
		fault.addr = mmio_.read<FaultAd>().raw();
		fault.status = status.raw();
		fault.reason = fault_reason(status);
		mmio_.write(status);
		return true;
	}

	void dump_regs(Printer &out) override
	{
		out.print("REVISION 0x%08x\nIRQSTATUS 0x%08x\nIRQENABLE 0x%08x\n"
			  "WALKING_ST 0x%08x\nCNTL 0x%08x\nFAULT_AD 0x%08x\n"
			  "TTB 0x%08x\nLOCK 0x%08x\nEMU_FAULT_AD 0x%08x\n",
			  mmio_.read<Revision>().raw(), mmio_.read<IrqStatus>().raw(),
			  mmio_.read<IrqEnable>().raw(), mmio_.read<WalkingSt>().raw(),
			  mmio_.read<Cntl>().raw(), mmio_.read<FaultAd>().raw(),
			  mmio_.read<Ttb>().raw(), mmio_.read<Lock>().raw(),
			  mmio_.read<EmuFaultAd>().raw());
		if (cfg_.bus_err_back)
			out.print("GP_REG 0x%08x\n", mmio_.read<GpReg>().raw());
	}

	void dump_tlb(Printer &out) override
	{
		const Lock lock = mmio_.read<Lock>();

		for (u32 i = 0; i < cfg_.tlb_entries; i++) {
			mmio_.write(Lock().set_base(lock.base()).set_vict(i));
			const Cam cam = Cam::from_raw(mmio_.read<ReadCam>().raw());
			const u32 ram = mmio_.read<ReadRam>().raw();

			if (cam.valid())
				out.print("%2u: cam 0x%08x ram 0x%08x%s\n", i, cam.raw(), ram,
					  i < lock.base() ? " locked" : "");
		}
		/* Reading moved VICT: put the walker's refill pointer back. */
		mmio_.write(lock);
	}

private:
	void gflush(Stats &stats)
	{
		mmio_.write(Gflush().set_flush(true));
		stats.full_flushes++;
	}

	void syscon_enable(bool on)
	{
		const u32 bit = dsp_mmu_enable_bit(cfg_.syscon_id);

		kx_syscon_update_bits(cfg_.syscon, kDspSysMmuConfig, bit, on ? bit : 0);
	}

	kcxx::Mmio mmio_;
	const Config cfg_;
	/* Saved at suspend: the locked TLB entries. */
	u32 locked_ = 0;
	u32 cam_[kMaxTlb] = {};
	u32 ram_[kMaxTlb] = {};
};

} // namespace
} // namespace omap_iommu

extern "C" void *omap_hw_create(const struct socmmu_hw_params *params, int *err) noexcept
{
	auto cfg = omap_iommu::parse(*params);

	if (!cfg.ok()) {
		*err = cfg.to_errno();
		return nullptr;
	}
	auto hw = kcxx::make_owned<omap_iommu::OmapHardware>(params->base, cfg.value());
	if (!hw.ok()) {
		*err = hw.to_errno();
		return nullptr;
	}
	KCXX_DEV_INFO(params->dev, "OMAP IOMMU, %u TLB entries%s%s\n", cfg.value().tlb_entries,
		      cfg.value().bus_err_back ? ", bus error back" : "",
		      cfg.value().syscon ? ", DSP syscon" : "");
	return static_cast<socmmu::Hardware *>(hw.value().release());
}

extern "C" int omap_hw_check(const struct socmmu_hw_params *params) noexcept
{
	return omap_iommu::parse(*params).to_errno();
}
