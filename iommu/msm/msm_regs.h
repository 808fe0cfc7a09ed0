/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Qualcomm MSM IOMMU's registers (APQ8064; hardware.md 3.1, bit
 * positions of drivers/iommu/msm_iommu_hw-8xxx.h): global registers in the
 * last 4 KB of the 1 MiB window, context bank n's at n * 0x1000.
 */
#ifndef SOCMMU_MSM_REGS_H
#define SOCMMU_MSM_REGS_H

#include <kcxx/mmio.h>
#include <kcxx/types.h>

namespace msm_iommu {

/* The binding's qcom,ncb is 1..4; bank n's registers are at n * kBankStride. */
inline constexpr u32 kMaxBanks = 4;
inline constexpr u32 kBankStride = 0x1000;
/* The window reaches the global registers: 0xff000-0xfffff. */
inline constexpr u64 kWindowBytes = 0x100000;

/* ------------------------------------------------------------ global -- */

/* MID -> context bank: VMID, CBNDX, NSCFG (the bypass attributes stay 0). */
struct M2vcbr : kcxx::Register32<M2vcbr> {
	KCXX_REG_FIELD(vmid, 4, 0)
	KCXX_REG_FIELD(cbndx, 15, 8)
	KCXX_REG_FIELD(nscfg, 23, 22)
};
/* Up to 0xff800, where CBACR begins: the layout has room for 512 MIDs. */
using M2vcbrs = kcxx::RegArray<M2vcbr, 0xff000, 4, 512>;

/* Per context bank: its VMID (for TLBIVMID) and which interrupt it raises. */
struct Cbacr : kcxx::Register32<Cbacr> {
	KCXX_REG_FIELD(cbvmid, 20, 16)
	KCXX_REG_FIELD(irptndx, 31, 24)
};
using Cbacrs = kcxx::RegArray<Cbacr, 0xff800, 4, kMaxBanks>;

struct Tlbrsw : kcxx::Register32<Tlbrsw, 0xffe00> {};
struct Testbuscr : kcxx::Register32<Testbuscr, 0xffe8c> {};
struct GlobalTlbiall : kcxx::Register32<GlobalTlbiall, 0xfff00> {};
struct Cr : kcxx::Register32<Cr, 0xfff80> {
	KCXX_REG_BIT(rpue, 0)
	KCXX_REG_BIT(rpueie, 2)
	KCXX_REG_BIT(tlblkcrwe, 6)
};
struct Esrrestore : kcxx::Register32<Esrrestore, 0xfff8c> {};
struct Rev : kcxx::Register32<Rev, 0xffff4> {};
struct Idr : kcxx::Register32<Idr, 0xffff8> {
	KCXX_REG_FIELD(nm2vcbmt, 8, 0)
	KCXX_REG_BIT(htw, 9)
	KCXX_REG_FIELD(tlbsize, 15, 12)
	KCXX_REG_FIELD(ncb, 23, 16)
	KCXX_REG_FIELD(nirpt, 31, 24)
};
struct RpuAcr : kcxx::Register32<RpuAcr, 0xffffc> {};

/* ------------------------------------------------------ context bank -- */

struct Sctlr : kcxx::Register32<Sctlr, 0x000> {
	KCXX_REG_BIT(m, 0)	/* translate; clear: bypass */
	KCXX_REG_BIT(tre, 1)	/* TEX remap through PRRR/NMRR */
	KCXX_REG_BIT(afe, 2)	/* AP0 is the access flag */
};
struct Actlr : kcxx::Register32<Actlr, 0x004> {
	KCXX_REG_BIT(cfere, 0)
	KCXX_REG_BIT(cfeie, 1)		/* a context fault raises the interrupt */
	KCXX_REG_BIT(rcosh, 4)
	KCXX_REG_BIT(rcish, 5)
	KCXX_REG_BIT(rcnsh, 6)
	KCXX_REG_FIELD(tlbmcfg, 13, 12)	/* 3: walk the tables on a TLB miss */
	KCXX_REG_BIT(cfcfg, 14)		/* stall a faulting access until RESUME */
	KCXX_REG_FIELD(v2pcfg, 17, 16)	/* 3: V2P operations, walking on a miss */
};
struct Contextidr : kcxx::Register32<Contextidr, 0x008> {
	KCXX_REG_FIELD(asid, 7, 0)
};
struct Ttbr0 : kcxx::Register32<Ttbr0, 0x010> {};
struct Ttbr1 : kcxx::Register32<Ttbr1, 0x014> {};
struct Ttbcr : kcxx::Register32<Ttbcr, 0x018> {
	KCXX_REG_FIELD(n, 2, 0)
	KCXX_REG_BIT(pd0, 4)	/* no walk through TTBR0: every miss faults */
	KCXX_REG_BIT(pd1, 5)
};
struct Par : kcxx::Register32<Par, 0x01c> {};
/* Write one to clear. */
struct Fsr : kcxx::Register32<Fsr, 0x020> {
	KCXX_REG_BIT(tf, 1)		/* translation */
	KCXX_REG_BIT(aff, 2)		/* access flag */
	KCXX_REG_BIT(apf, 3)		/* permission */
	KCXX_REG_BIT(tlbmf, 4)		/* TLB miss, no walk */
	KCXX_REG_BIT(htwdeef, 5)	/* walk: decode error */
	KCXX_REG_BIT(htwseef, 6)	/* walk: slave error */
	KCXX_REG_BIT(mhf, 7)		/* TLB multi-hit */
	KCXX_REG_BIT(sl, 16)		/* at a second-level descriptor */
	KCXX_REG_BIT(ss, 30)		/* the access is stalled */
	KCXX_REG_BIT(multi, 31)		/* another fault while one was held */
	KCXX_REG_FIELD(reasons, 7, 1)
};
struct Far : kcxx::Register32<Far, 0x028> {};
struct Fsynr0 : kcxx::Register32<Fsynr0, 0x02c> {
	KCXX_REG_FIELD(amid, 7, 0)
};
struct Fsynr1 : kcxx::Register32<Fsynr1, 0x030> {
	KCXX_REG_BIT(apriv, 5)
	KCXX_REG_BIT(ainst, 7)
	KCXX_REG_BIT(awrite, 8)
};
struct Prrr : kcxx::Register32<Prrr, 0x034> {};
struct Nmrr : kcxx::Register32<Nmrr, 0x038> {};
struct Bfbcr : kcxx::Register32<Bfbcr, 0x04c> {
	KCXX_REG_BIT(bfbdfe, 0)	/* prefetch the next descriptors */
};
struct CtxTlbiall : kcxx::Register32<CtxTlbiall, 0x800> {};
/* The entries covering VA[31:12] with this ASID (or global). */
struct Tlbiva : kcxx::Register32<Tlbiva, 0x808> {
	KCXX_REG_FIELD(asid, 7, 0)
	KCXX_REG_ADDR(va, 31, 12)
};
/* TNR: 0 retries the stalled access, 1 terminates it. */
struct Resume : kcxx::Register32<Resume, 0x820> {
	KCXX_REG_BIT(tnr, 0)
};

/* What mainline's __program_context sets, and where it says so. */
static_assert(M2vcbrs::end == Cbacrs::first);
static_assert(Cbacrs::end <= Tlbrsw::offset);
static_assert(Resume::offset < kBankStride && M2vcbrs::first >= kMaxBanks * kBankStride);
static_assert(M2vcbr().set_cbndx(3).set_nscfg(3).raw() == 0x00c0'0300);
static_assert(Cbacr().set_irptndx(1).set_cbvmid(2).raw() == 0x0102'0000);
static_assert(Actlr().set_cfeie(true).set_tlbmcfg(3).set_cfcfg(true).set_v2pcfg(3).raw() ==
	      0x0003'7002);
static_assert(Fsr::reasons_field::mask == 0xfe && Fsr().set_ss(true).raw() == 0x4000'0000);
static_assert(Fsynr1().set_awrite(true).raw() == 0x100);
static_assert(Tlbiva().set_va(0x1234'5678).set_asid(3).raw() == 0x1234'5003);
static_assert(Ttbcr().set_pd0(true).set_pd1(true).raw() == 0x30);
static_assert(Idr::ncb_field::mask == 0x00ff'0000 && Idr::nm2vcbmt_field::mask == 0x1ff);

} // namespace msm_iommu

#endif
