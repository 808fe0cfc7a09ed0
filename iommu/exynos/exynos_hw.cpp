// SPDX-License-Identifier: GPL-2.0
/*
 * The Exynos SYSMMU, v1 to v7, on the framework: the version and register
 * layout read at probe, the programming sequence, TLB and FLPD-cache
 * maintenance, the fault decode of each version.  Everything else --
 * clients, domains, attach, power, clocks, fault reporting -- is the
 * framework's (Documentation/iommu-framework.rst).  Mainline's driver and
 * what it gets wrong: Documentation/exynos-iommu.rst.
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
#include "../pgtable/exynos_format.h"
#include "exynos_iommu.h"
#include "exynos_regs.h"

namespace exynos_iommu {
namespace {

using pgtable::ExynosFormat;
using socmmu::ContextSetup;
using socmmu::Fault;
using socmmu::Mode;
using socmmu::Printer;
using socmmu::Program;
using socmmu::Stats;

constexpr u64 k4K = u64{1} << 12;
constexpr u64 k1M = u64{1} << 20;
/*
 * Without a range flush (v1-v3), up to this many 4 KB pages (or, for the
 * FLPD cache, 1 MB entries) get FLUSH_ENTRY each; more get one FLUSH_ALL.
 */
constexpr u64 kFlushEntryMax = 16;
/* STATUS reads before a block counts as failed (mainline's 120). */
constexpr unsigned int kBlockPolls = 120;

/* ------------------------------------------------------------ binding -- */

constexpr bool same(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/*
 * clock-names: "sysmmu", or "aclk" and "pclk"; "master" optional.  The
 * framework enables them all while the SYSMMU is active, the master's
 * too, which mainline only enables around register accesses.
 */
kcxx::Result<void> check_clocks(const socmmu_hw_params &p)
{
	static constexpr const char *kNames[] = { "sysmmu", "aclk", "pclk", "master" };
	bool seen[4] = {};

	for (unsigned int i = 0; i < p.nclocks; i++) {
		const char *name = p.clocks[i];
		unsigned int k = 0;

		if (!name) {
			KCXX_DEV_ERR(p.dev, "clock %u has no clock-names entry\n", i);
			return kcxx::Error(-kcxx::EINVAL);
		}
		while (k < 4 && !same(name, kNames[k]))
			k++;
		if (k == 4) {
			KCXX_DEV_ERR(p.dev, "unknown clock \"%s\": the binding has \"sysmmu\", or \"aclk\" and \"pclk\", and \"master\"\n",
				     name);
			return kcxx::Error(-kcxx::EINVAL);
		}
		if (seen[k]) {
			KCXX_DEV_ERR(p.dev, "clock \"%s\" named twice\n", name);
			return kcxx::Error(-kcxx::EINVAL);
		}
		seen[k] = true;
	}
	const bool sysmmu = seen[0], aclk = seen[1], pclk = seen[2];

	if (sysmmu == (aclk || pclk) || aclk != pclk) {
		KCXX_DEV_ERR(p.dev, "needs clock \"sysmmu\", or \"aclk\" and \"pclk\" (%u clock%s named)\n",
			     p.nclocks, p.nclocks == 1 ? "" : "s");
		return kcxx::Error(-kcxx::EINVAL);
	}
	return {};
}

/* What one SYSMMU is, from VERSION (and CAPA0/CAPA1 on v7). */
struct Config {
	unsigned int major, minor;
	const Layout *layout;
	ExynosFormat::Gen gen;
	Cfg cfg;		/* mainline's __sysmmu_init_config() */
	bool flpd;		/* v3.3+: the FLPD cache keeps the zero-L2 link */
};

constexpr bool at_least(const Config &c, unsigned int major, unsigned int minor)
{
	return c.major > major || (c.major == major && c.minor >= minor);
}

Cfg config_of(const Config &c)
{
	Cfg cfg = Cfg().set_qos(15).set_eap(true);

	if (!at_least(c, 3, 2))
		return cfg.set_lru(true);
	if (!at_least(c, 3, 3))
		return cfg.set_lru(true).set_flpd_cache(true).set_syssel(true);
	return cfg.set_flpd_cache(true).set_acgen(true);
}

/* Runs powered and clocked (the framework's create()). */
kcxx::Result<Config> identify(const socmmu_hw_params &p)
{
	const kcxx::Mmio mmio(p.base);
	Config c = {};

	if (p.size < kLayoutV1.window) {
		KCXX_DEV_ERR(p.dev, "register window of %llu bytes: VERSION is at 0x%x\n", p.size,
			     Version::offset);
		return kcxx::Error(-kcxx::EINVAL);
	}
	const Version version = mmio.read<Version>();

	if (version.raw() == kVersionV1_0Raw) {
		c.major = 1;
		c.minor = 0;
	} else {
		c.major = version.major();
		c.minor = version.minor();
	}
	switch (c.major) {
	case 1:
	case 2:
	case 3:
		c.layout = &kLayoutV1;
		break;
	case 5:
		c.layout = &kLayoutV5;
		break;
	case 7:
		c.layout = &kLayoutV7;
		if (p.size < kLayoutV7.window)
			break;
		if (mmio.read<Capa0>().capa1_exist() && mmio.read<Capa1>().vcr_enabled())
			c.layout = &kLayoutV7Vm;
		break;
	default:
		KCXX_DEV_ERR(p.dev, "VERSION reads 0x%08x: no SYSMMU version this driver knows\n",
			     version.raw());
		return kcxx::Error(-kcxx::ENODEV);
	}
	if (p.size < c.layout->window) {
		KCXX_DEV_ERR(p.dev, "register window of %llu bytes: SYSMMU v%u.%u (%s) needs 0x%x\n",
			     p.size, c.major, c.minor, c.layout->name, c.layout->window);
		return kcxx::Error(-kcxx::EINVAL);
	}
	c.gen = c.major >= 5 ? ExynosFormat::Gen::V5 : ExynosFormat::Gen::V1;
	c.cfg = config_of(c);
	c.flpd = at_least(c, 3, 3);
	return c;
}

/* ------------------------------------------------------------- faults -- */

struct FaultKind {
	const char *reason;
	bool write;
};

/* v1-v3, per INT_STATUS bit: what it is and which register holds the address. */
struct V1Fault {
	FaultKind kind;
	kcxx::At<FaultVa> Layout::*addr;
};

constexpr V1Fault kV1Faults[] = {
	{ { "page", false }, &Layout::page_va },
	{ { "AR multi-hit", false }, &Layout::ar_va },
	{ { "AW multi-hit", true }, &Layout::aw_va },
	{ { "bus error", false }, &Layout::bus_va },
	{ { "AR security", false }, &Layout::ar_va },
	{ { "AR access", false }, &Layout::ar_va },
	{ { "AW security", true }, &Layout::aw_va },
	{ { "AW access", true }, &Layout::aw_va },
};

constexpr const char *kV5Reasons[] = { "page-table walk", "page", "multi-hit", "access",
				       "security" };
constexpr const char *kV7Reasons[] = { "page-table walk", "page", "access", "reserved" };
constexpr u32 kV5WriteShift = 16;

/* ----------------------------------------------------------- hardware -- */

class ExynosHardware final : public socmmu::Hardware {
public:
	ExynosHardware(const socmmu_hw_params &p, const Config &c)
		: mmio_(p.base), inst_(p.inst), c_(c), layout_(*c.layout), format_(c.gen)
	{
	}

	u32 contexts() const override { return 1; }

	/* #iommu-cells = <0>: there are no IDs to check. */
	kcxx::Result<void> check_ids(const u32 *, u32) const override { return {}; }

	kcxx::Result<kcxx::Owner<socmmu::PageTable>>
	create_table(pgtable::TableMemory &memory) override
	{
		return socmmu::ShortDescPageTable<ExynosFormat>::create(memory, format_);
	}

	/* v1-v3 and v5+ entries differ in every bit: two formats. */
	u32 table_format() const override { return format_.id(); }
	unsigned int table_dma_bits() const override { return format_.pa_bits(); }

	/*
	 * Translation: mainline's __sysmmu_enable() sequence, blocked while
	 * the table changes, then a full flush (a PT_BASE write flushes
	 * nothing).  Bypass: disabled; the next translation flushes.
	 */
	void program(u32, const ContextSetup &setup, Program, Stats &stats) override
	{
		stats.programs++;
		translating_ = setup.mode == Mode::Translate;
		if (!translating_) {
			mmio_.write(kCtrlDisable);
			return;
		}
		mmio_.write(kCtrlBlock);
		mmio_.write(c_.cfg);
		if (layout_.pt_base.valid())
			mmio_.write(layout_.pt_base, PtBase().set_l1(setup.ttb));
		else
			mmio_.write(layout_.pt_base_pfn, PtBasePfn().set_l1(setup.ttb));
		mmio_.write(layout_.flush_all, FlushAll().set_go(true));
		if (layout_.vm)
			mmio_.write(kCtrlVmOn);
		mmio_.write(kCtrlEnable);
	}

	/*
	 * One command per sync where the hardware has a range flush (an entry
	 * flush for a single page); entry flushes up to kFlushEntryMax pages
	 * without one, a full flush above.
	 */
	void flush_range(u32, u64 start, u64 end, Stats &stats) override
	{
		const u64 first = kcxx::align_down(start, k4K);
		const u64 pages = (kcxx::align_up(end, k4K) - first) >> 12;

		if (!pages)
			return;
		if (!block(stats)) {
			full_flush(stats);
			return;
		}
		if (pages == 1 || (!layout_.flush_range.valid() && pages <= kFlushEntryMax)) {
			for (u64 i = 0; i < pages; i++)
				mmio_.write(layout_.flush_entry,
					    FlushEntry().set_va(first + i * k4K).set_go(true));
			stats.entry_flushes += pages;
		} else if (layout_.flush_range.valid()) {
			mmio_.write(layout_.flush_start, FlushStart().set_va(first));
			const u64 last = first + (pages - 1) * k4K;

			mmio_.write(layout_.flush_end, FlushEnd().set_va(last));
			mmio_.write(layout_.flush_range, FlushRange().set_go(true));
			stats.range_flushes++;
		} else {
			mmio_.write(layout_.flush_all, FlushAll().set_go(true));
			stats.full_flushes++;
		}
		unblock();
	}

	void flush_all(u32, Stats &stats) override
	{
		if (block(stats)) {
			full_flush(stats);
			unblock();
		} else {
			full_flush(stats);
		}
	}

	/*
	 * An unmap unlinked L2 tables: the FLPD cache may still point to
	 * them.  v5+ forgets FLPD entries only with FLUSH_ALL, one command for
	 * both; on v3.3 the entry flushes of flush_range() drop the FLPD
	 * entry of each MB they touch, and its FLUSH_ALL above the threshold
	 * drops them all.
	 */
	void flush_range_unlinked(u32 ctx, u64 start, u64 end, Stats &stats) override
	{
		stats.walk_cache_flushes++;
		if (layout_.flush_range.valid())
			flush_all(ctx, stats);
		else
			flush_range(ctx, start, end, stats);
	}

	/* The FLPD cache of v3.3+ keeps the zero-L2 link a map replaced. */
	bool caches_empty_l1() const override { return c_.flpd; }

	/*
	 * v3.3 drops an FLPD entry with the FLUSH_ENTRY of its 1 MB; v5+ only
	 * with FLUSH_ALL (mainline's choice too).
	 */
	void flush_walk_cache(u32, u64 start, u64 end, Stats &stats) override
	{
		const u64 first = kcxx::align_down(start, k1M);
		const u64 entries = (kcxx::align_up(end, k1M) - first) >> 20;

		if (!entries)
			return;
		stats.walk_cache_flushes++;
		if (!block(stats)) {
			full_flush(stats);
			return;
		}
		if (layout_.flush_range.valid() || entries > kFlushEntryMax) {
			mmio_.write(layout_.flush_all, FlushAll().set_go(true));
		} else {
			for (u64 i = 0; i < entries; i++)
				mmio_.write(layout_.flush_entry,
					    FlushEntry().set_va(first + i * k1M).set_go(true));
		}
		unblock();
	}

	/*
	 * Nothing to save: program(Resume) rebuilds everything from the
	 * context.  Disabled before the power goes, so no walk is in flight.
	 */
	void save(Stats &stats) override
	{
		stats.saved_entries = 0;
		mmio_.write(kCtrlDisable);
	}

	void restore(Stats &) override {}

	bool take_fault(Fault &fault) override
	{
		const u32 status = mmio_.read(layout_.int_status).raw();

		if (!status)
			return false;
		const u32 bit = static_cast<u32>(__builtin_ctz(status));
		FaultKind kind = { "unknown interrupt", false };

		fault.addr = 0;
		switch (layout_.faults) {
		case FaultStyle::V1:
			if (bit < sizeof(kV1Faults) / sizeof(kV1Faults[0])) {
				kind = kV1Faults[bit].kind;
				fault.addr = mmio_.read(layout_.*kV1Faults[bit].addr).raw();
			}
			break;
		case FaultStyle::V5:
			if (bit < 5 || (bit >= kV5WriteShift && bit < kV5WriteShift + 5)) {
				kind.write = bit >= kV5WriteShift;
				kind.reason = kV5Reasons[bit % kV5WriteShift];
				fault.addr = mmio_.read(kind.write ? layout_.aw_va
								   : layout_.ar_va).raw();
			}
			break;
		case FaultStyle::V7:
			kind.reason = kV7Reasons[bit % 4];
			kind.write = mmio_.read(layout_.fault_info).write();
			fault.addr = mmio_.read(layout_.fault_va).raw();
			break;
		}
		fault.context = 0;
		fault.flags = kind.write ? SOCMMU_FAULT_WRITE : SOCMMU_FAULT_READ;
		fault.status = status;
		fault.reason = kind.reason;
		/* Every version stalls on a fault (v7 VM: CTRL_VM's stall mode, set). */
		fault.stalled = true;
		return true;
	}

	/*
	 * The fault's bit cleared, then CTRL written: the SYSMMU lets the
	 * master go.  It cannot fail a transaction, so handled or not the
	 * master is resumed (an unmapped access faults again, rate-limited in
	 * the log); it never waits for an IRQ that will not come.
	 */
	void end_fault(const Fault &fault, bool, Stats &stats) override
	{
		const u32 bit = u32{1} << __builtin_ctz(fault.status);

		mmio_.write(layout_.int_clear, IntClear::from_raw(bit));
		mmio_.write(translating_ ? kCtrlEnable : kCtrlDisable);
		stats.resumed++;
	}

	void dump_regs(Printer &out) override
	{
		out.print("VERSION 0x%08x (v%u.%u, %s layout)\nCTRL 0x%08x\nCFG 0x%08x\n"
			  "STATUS 0x%08x\n",
			  mmio_.read<Version>().raw(), c_.major, c_.minor, layout_.name,
			  mmio_.read<Ctrl>().raw(), mmio_.read<Cfg>().raw(),
			  mmio_.read<Status>().raw());
		if (layout_.pt_base.valid())
			out.print("PT_BASE 0x%08x\n", mmio_.read(layout_.pt_base).raw());
		else
			out.print("PT_BASE 0x%08x (L1 at 0x%llx)\n",
				  mmio_.read(layout_.pt_base_pfn).raw(),
				  mmio_.read(layout_.pt_base_pfn).l1());
		out.print("INT_STATUS 0x%08x\n", mmio_.read(layout_.int_status).raw());
		print_va(out, "PAGE_FAULT_VA", layout_.page_va);
		print_va(out, "AR_FAULT_VA", layout_.ar_va);
		print_va(out, "AW_FAULT_VA", layout_.aw_va);
		print_va(out, "DEFAULT_SLAVE_VA", layout_.bus_va);
		print_va(out, "FAULT_VA", layout_.fault_va);
		if (layout_.fault_info.valid())
			out.print("FAULT_INFO 0x%08x\n", mmio_.read(layout_.fault_info).raw());
		if (c_.major >= 7)
			out.print("CAPA0 0x%08x\nCAPA1 0x%08x\n", mmio_.read<Capa0>().raw(),
				  mmio_.read<Capa1>().raw());
		if (layout_.vm)
			out.print("CTRL_VM 0x%08x\n", mmio_.read<CtrlVm>().raw());
	}

	void dump_tlb(Printer &out) override
	{
		out.print("SYSMMU v%u.%u: the TLB cannot be read out\n", c_.major, c_.minor);
	}

private:
	void print_va(Printer &out, const char *name, kcxx::At<FaultVa> at)
	{
		if (at.valid())
			out.print("%s 0x%08x\n", name, mmio_.read(at).raw());
	}

	/*
	 * No walk may use an entry while it is invalidated.  A SYSMMU that
	 * will not block is an error to report, and the caller invalidates
	 * everything anyway: a skipped invalidation would leave a stale
	 * translation.
	 */
	bool block(Stats &stats)
	{
		if (!translating_)
			return true;
		mmio_.write(kCtrlBlock);
		for (unsigned int i = 0; i < kBlockPolls; i++) {
			if (mmio_.read<Status>().blocked())
				return true;
		}
		unblock();
		stats.flush_errors++;
		kx_inst_log_fault(inst_, "SYSMMU did not block for a TLB invalidation (STATUS 0x%08x): flushing everything\n",
				  mmio_.read<Status>().raw());
		return false;
	}

	void unblock()
	{
		if (translating_)
			mmio_.write(kCtrlEnable);
	}

	void full_flush(Stats &stats)
	{
		mmio_.write(layout_.flush_all, FlushAll().set_go(true));
		stats.full_flushes++;
	}

	kcxx::Mmio mmio_;
	socmmu_inst *inst_;
	const Config c_;
	const Layout &layout_;
	const ExynosFormat format_;
	/* What program() last made of the context: CTRL is restored to it. */
	bool translating_ = false;
};

} // namespace
} // namespace exynos_iommu

extern "C" void *exynos_hw_create(const struct socmmu_hw_params *params, int *err) noexcept
{
	using namespace exynos_iommu;

	auto clocks = check_clocks(*params);
	if (!clocks.ok()) {
		*err = clocks.to_errno();
		return nullptr;
	}
	auto config = identify(*params);
	if (!config.ok()) {
		*err = config.to_errno();
		return nullptr;
	}
	const Config &c = config.value();
	auto hw = kcxx::make_owned<ExynosHardware>(*params, c);
	if (!hw.ok()) {
		*err = hw.to_errno();
		return nullptr;
	}
	KCXX_DEV_INFO(params->dev, "SYSMMU v%u.%u, %s registers, %u-bit PA%s\n", c.major, c.minor,
		      c.layout->name, ExynosFormat(c.gen).pa_bits(),
		      c.flpd ? ", FLPD cache invalidated after maps" : "");
	return static_cast<socmmu::Hardware *>(hw.value().release());
}
