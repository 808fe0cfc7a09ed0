/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Exynos SYSMMU's registers (hardware.md 2.1).  CTRL, CFG, STATUS and
 * VERSION sit at the same place on every version, and so do v7's CAPA0,
 * CAPA1 and CTRL_VM; the rest moved between v1-v3, v5, v7 and v7 with the
 * VM block, so their types have no offset and a Layout, chosen at probe
 * from VERSION (and CAPA0/CAPA1 on v7), says where each is.
 */
#ifndef SOCMMU_EXYNOS_REGS_H
#define SOCMMU_EXYNOS_REGS_H

#include <kcxx/bits.h>
#include <kcxx/mmio.h>
#include <kcxx/types.h>

namespace exynos_iommu {

/* ------------------------------------------------ fixed on every version -- */

/*
 * ENABLE is 0x5, BLOCK 0x7, DISABLE 0 (mainline's values).  Bit 2, which
 * mainline writes with both, is called the interrupt enable in Samsung's
 * own drivers.
 */
struct Ctrl : kcxx::Register32<Ctrl, 0x000> {
	KCXX_REG_BIT(enable, 0)
	KCXX_REG_BIT(block, 1)
	KCXX_REG_BIT(int_enable, 2)
};
struct Cfg : kcxx::Register32<Cfg, 0x004> {
	KCXX_REG_BIT(lru, 0)
	KCXX_REG_BIT(eap, 2)		/* check the permission bits */
	KCXX_REG_FIELD(qos, 10, 7)
	KCXX_REG_BIT(flpd_cache, 20)	/* v3.2+ */
	KCXX_REG_BIT(syssel, 22)	/* v3.2 */
	KCXX_REG_BIT(acgen, 24)		/* v3.3+ */
};
/* Blocked: by CTRL.BLOCK once no transaction is in flight, or by a fault. */
struct Status : kcxx::Register32<Status, 0x008> {
	KCXX_REG_BIT(blocked, 0)
};
struct Version : kcxx::Register32<Version, 0x034> {
	KCXX_REG_FIELD(major, 31, 28)
	KCXX_REG_FIELD(minor, 27, 21)
};
/* v7 only. */
struct Capa0 : kcxx::Register32<Capa0, 0x870> {
	KCXX_REG_BIT(capa1_exist, 11)
};
struct Capa1 : kcxx::Register32<Capa1, 0x874> {
	KCXX_REG_BIT(vcr_enabled, 14)	/* the VM register block */
};
/* v7 with the VM block: virtual machine 0's control. */
struct CtrlVm : kcxx::Register32<CtrlVm, 0x8000> {
	KCXX_REG_BIT(enable, 0)
	KCXX_REG_BIT(fault_stall, 3)	/* stall the master on a fault, not error it */
};

/* What VERSION reads on v1.0 parts that report no proper version. */
inline constexpr u32 kVersionV1_0Raw = 0x8000'0001;

inline constexpr Ctrl kCtrlDisable = Ctrl();
inline constexpr Ctrl kCtrlEnable = Ctrl().set_enable(true).set_int_enable(true);
inline constexpr Ctrl kCtrlBlock = Ctrl(kCtrlEnable).set_block(true);
inline constexpr CtrlVm kCtrlVmOn = CtrlVm().set_enable(true).set_fault_stall(true);

/* ------------------------------------------------ moved between versions -- */

/* v1-v3: the L1 table's physical address. */
struct PtBase : kcxx::Register32<PtBase> {
	KCXX_REG_ADDR(l1, 31, 14)
};
/* v5+: its page frame number (36-bit and wider PAs). */
struct PtBasePfn : kcxx::Register32<PtBasePfn> {
	KCXX_REG_ADDR_SHIFTED(l1, 31, 0, 12)
};
struct FlushAll : kcxx::Register32<FlushAll> {
	KCXX_REG_BIT(go, 0)
};
/* Drops the TLB entries covering va (and, on v3.3, the FLPD entry of its MB). */
struct FlushEntry : kcxx::Register32<FlushEntry> {
	KCXX_REG_ADDR(va, 31, 12)
	KCXX_REG_BIT(go, 0)
};
/* v5+: drops the entries overlapping FLUSH_START .. FLUSH_END + 4 KB. */
struct FlushRange : kcxx::Register32<FlushRange> {
	KCXX_REG_BIT(go, 0)
};
struct FlushStart : kcxx::Register32<FlushStart> {
	KCXX_REG_ADDR(va, 31, 12)
};
/* The last 4 KB page of the range. */
struct FlushEnd : kcxx::Register32<FlushEnd> {
	KCXX_REG_ADDR(va, 31, 12)
};
/* One bit per fault kind, decoded per version (FaultStyle); write 1 to clear. */
struct IntStatus : kcxx::Register32<IntStatus> {};
struct IntClear : kcxx::Register32<IntClear> {};
/* The faulting bus address. */
struct FaultVa : kcxx::Register32<FaultVa> {};
/* v7: what the faulting transaction was. */
struct FaultInfo : kcxx::Register32<FaultInfo> {
	KCXX_REG_BIT(write, 20)
};

/* How INT_STATUS names a fault (mainline's get_fault_info variants). */
enum class FaultStyle {
	V1,	/* bit 0 page, 1/2 AR/AW multi-hit, 3 bus error, 4-7 AR/AW security/access */
	V5,	/* AR in bits 0-4 {PTW, page, multi-hit, access, security}, AW in 16-20 */
	V7,	/* bit % 4 {PTW, page, access, reserved}; FAULT_INFO.write */
};

/*
 * Where one version keeps its moving registers.  Fields are in the order
 * of the layouts below; a register a version lacks is At() (no register).
 */
struct Layout {
	const char *name;
	FaultStyle faults;
	bool vm;			/* CTRL_VM exists */
	kcxx::At<PtBase> pt_base;
	kcxx::At<PtBasePfn> pt_base_pfn;
	kcxx::At<FlushAll> flush_all;
	kcxx::At<FlushEntry> flush_entry;
	kcxx::At<FlushRange> flush_range;
	kcxx::At<FlushStart> flush_start;
	kcxx::At<FlushEnd> flush_end;
	kcxx::At<IntStatus> int_status;
	kcxx::At<IntClear> int_clear;
	kcxx::At<FaultVa> page_va;	/* v1-v3 */
	kcxx::At<FaultVa> aw_va;	/* v1-v3, v5 */
	kcxx::At<FaultVa> ar_va;	/* v1-v3, v5 */
	kcxx::At<FaultVa> bus_va;	/* v1-v3: the "default slave" address */
	kcxx::At<FaultVa> fault_va;	/* v7 */
	kcxx::At<FaultInfo> fault_info;	/* v7 */
	u32 window;			/* bytes of registers the layout reaches */
};

inline constexpr Layout kLayoutV1 = {
	.name = "v1-v3", .faults = FaultStyle::V1, .vm = false,
	.pt_base = 0x14, .flush_all = 0x0c, .flush_entry = 0x10,
	.int_status = 0x18, .int_clear = 0x1c,
	.page_va = 0x24, .aw_va = 0x28, .ar_va = 0x2c, .bus_va = 0x30,
	.window = 0x38,
};

inline constexpr Layout kLayoutV5 = {
	.name = "v5", .faults = FaultStyle::V5, .vm = false,
	.pt_base_pfn = 0x0c, .flush_all = 0x10, .flush_entry = 0x14, .flush_range = 0x18,
	.flush_start = 0x20, .flush_end = 0x24, .int_status = 0x60, .int_clear = 0x64,
	.aw_va = 0x80, .ar_va = 0x70,
	.window = 0x84,
};

inline constexpr Layout kLayoutV7 = {
	.name = "v7", .faults = FaultStyle::V7, .vm = false,
	.pt_base_pfn = 0x0c, .flush_all = 0x10, .flush_entry = 0x14, .flush_range = 0x18,
	.flush_start = 0x20, .flush_end = 0x24, .int_status = 0x60, .int_clear = 0x64,
	.fault_va = 0x70, .fault_info = 0x78,
	.window = Capa1::offset + 4,
};

inline constexpr Layout kLayoutV7Vm = {
	.name = "v7 VM", .faults = FaultStyle::V7, .vm = true,
	.pt_base_pfn = 0x800c, .flush_all = 0x8010, .flush_entry = 0x8014, .flush_range = 0x8018,
	.flush_start = 0x8020, .flush_end = 0x8024, .int_status = 0x60, .int_clear = 0x64,
	.fault_va = 0x1000, .fault_info = 0x1004,
	.window = 0x8028,
};

/* The present registers of a layout collide neither with each other nor with the fixed ones. */
constexpr bool layout_ok(const Layout &l)
{
	const u32 fixed[] = { Ctrl::offset, Cfg::offset, Status::offset, Version::offset,
			      Capa0::offset, Capa1::offset, CtrlVm::offset };
	const u32 moving[] = {
		l.pt_base.offset(), l.pt_base_pfn.offset(), l.flush_all.offset(),
		l.flush_entry.offset(), l.flush_range.offset(), l.flush_start.offset(),
		l.flush_end.offset(), l.int_status.offset(), l.int_clear.offset(),
		l.page_va.offset(), l.aw_va.offset(), l.ar_va.offset(), l.bus_va.offset(),
		l.fault_va.offset(), l.fault_info.offset(),
	};

	if (!kcxx::distinct_offsets(l.pt_base, l.pt_base_pfn, l.flush_all, l.flush_entry,
				    l.flush_range, l.flush_start, l.flush_end, l.int_status,
				    l.int_clear, l.page_va, l.aw_va, l.ar_va, l.bus_va, l.fault_va,
				    l.fault_info))
		return false;
	if (l.pt_base.valid() == l.pt_base_pfn.valid())
		return false;
	for (u32 offset : moving) {
		if (offset == kcxx::kRuntimeOffset)
			continue;
		if (offset + 4 > l.window)
			return false;
		for (u32 f : fixed)
			if (offset == f)
				return false;
	}
	return true;
}

static_assert(layout_ok(kLayoutV1) && layout_ok(kLayoutV5) && layout_ok(kLayoutV7) &&
	      layout_ok(kLayoutV7Vm));
/* The range flush is v5's and later's. */
static_assert(!kLayoutV1.flush_range.valid() && kLayoutV5.flush_range.valid());
static_assert(kCtrlEnable.raw() == 0x5 && kCtrlBlock.raw() == 0x7 && kCtrlDisable.raw() == 0);
static_assert(kCtrlVmOn.raw() == 0x9);
static_assert(Version::from_raw(0x5000'0000).major() == 5);
static_assert(Version::from_raw(0x3060'0000).major() == 3);
static_assert(Version::from_raw(0x3060'0000).minor() == 3);
static_assert(Cfg().set_qos(15).set_flpd_cache(true).set_acgen(true).set_eap(true).raw() ==
	      0x0110'0784);
static_assert(PtBasePfn().set_l1(0x8'1234'4000).raw() == 0x81'2344);
static_assert(PtBase().set_l1(0x8765'4000).raw() == 0x8765'4000);
static_assert(FlushEntry().set_va(0x1234'5678).set_go(true).raw() == 0x1234'5001);
static_assert(Capa0::capa1_exist_field::mask == 1u << 11);
static_assert(Capa1::vcr_enabled_field::mask == 1u << 14);

} // namespace exynos_iommu

#endif
