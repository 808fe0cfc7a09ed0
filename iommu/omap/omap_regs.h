/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The OMAP IOMMU's registers (hardware.md 1.1): one layout for OMAP2/3,
 * OMAP4/5 and DRA7.
 */
#ifndef SOCMMU_OMAP_REGS_H
#define SOCMMU_OMAP_REGS_H

#include <kcxx/mmio.h>
#include <kcxx/types.h>

namespace omap_iommu {

struct Revision : kcxx::Register32<Revision, 0x00> {};
/* Fault causes; write 1 to clear. */
struct IrqStatus : kcxx::Register32<IrqStatus, 0x18> {
	KCXX_REG_BIT(tlb_miss, 0)
	KCXX_REG_BIT(translation_fault, 1)
	KCXX_REG_BIT(emu_miss, 2)
	KCXX_REG_BIT(table_walk_fault, 3)
	KCXX_REG_BIT(multi_hit_fault, 4)
	KCXX_REG_FIELD(faults, 4, 0)
};
/* The same bits, enabling each interrupt. */
struct IrqEnable : kcxx::Register32<IrqEnable, 0x1c> {
	KCXX_REG_BIT(tlb_miss, 0)
	KCXX_REG_BIT(translation_fault, 1)
	KCXX_REG_BIT(emu_miss, 2)
	KCXX_REG_BIT(table_walk_fault, 3)
	KCXX_REG_BIT(multi_hit_fault, 4)
};
struct WalkingSt : kcxx::Register32<WalkingSt, 0x40> {};
struct Cntl : kcxx::Register32<Cntl, 0x44> {
	KCXX_REG_BIT(mmu_enable, 1)
	KCXX_REG_BIT(table_walk_enable, 2)
};
struct FaultAd : kcxx::Register32<FaultAd, 0x48> {};
/* The L1 table's physical address, 16 KB aligned. */
struct Ttb : kcxx::Register32<Ttb, 0x4c> {
	KCXX_REG_ADDR(l1_table, 31, 14)
};
/* BASE: entries below it are locked; VICT: the entry CAM/RAM/LD_TLB address. */
struct Lock : kcxx::Register32<Lock, 0x50> {
	KCXX_REG_FIELD(base, 14, 10)
	KCXX_REG_FIELD(vict, 8, 4)
};
struct LdTlb : kcxx::Register32<LdTlb, 0x54> {
	KCXX_REG_BIT(load, 0)
};
/* A TLB entry's tag: VA [31:12], preserved, valid, size. */
struct Cam : kcxx::Register32<Cam, 0x58> {
	KCXX_REG_ADDR(va, 31, 12)
	KCXX_REG_BIT(preserved, 3)
	KCXX_REG_BIT(valid, 2)
	KCXX_REG_FIELD(size, 1, 0)
};
struct Ram : kcxx::Register32<Ram, 0x5c> {};
struct Gflush : kcxx::Register32<Gflush, 0x60> {
	KCXX_REG_BIT(flush, 0)
};
/* Flushes every entry matching CAM's VA. */
struct FlushEntry : kcxx::Register32<FlushEntry, 0x64> {
	KCXX_REG_BIT(flush, 0)
};
struct ReadCam : kcxx::Register32<ReadCam, 0x68> {};
struct ReadRam : kcxx::Register32<ReadRam, 0x6c> {};
struct EmuFaultAd : kcxx::Register32<EmuFaultAd, 0x70> {};
struct GpReg : kcxx::Register32<GpReg, 0x88> {
	KCXX_REG_BIT(bus_err_back, 0)
};

/* DRA7 DSP_SYSTEM syscon: MMU_CONFIG enables DSP MMU id with bit 4 * id. */
inline constexpr u32 kDspSysMmuConfig = 0x18;
inline constexpr u32 dsp_mmu_enable_bit(u32 id)
{
	return u32{1} << (4 * id);
}

/* What mainline enables: every fault, not the TLB-miss notification. */
inline constexpr IrqEnable kFaultInterrupts = IrqEnable()
	.set_translation_fault(true).set_emu_miss(true).set_table_walk_fault(true)
	.set_multi_hit_fault(true);

static_assert(kFaultInterrupts.raw() == 0x1e);
static_assert(Lock().set_base(1).set_vict(1).raw() == 0x410);
static_assert(Cam().set_va(0x12345678).set_valid(true).raw() == 0x12345004);
static_assert(Ttb().set_l1_table(0x8765'4000).raw() == 0x8765'4000);
static_assert(dsp_mmu_enable_bit(1) == 0x10);
static_assert(GpReg::offset == 0x88 && EmuFaultAd::offset == 0x70);

} // namespace omap_iommu

#endif
