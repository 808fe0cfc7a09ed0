// SPDX-License-Identifier: GPL-2.0
/*
 * The Qualcomm MSM IOMMU (APQ8064) on the framework: MIDs routed to
 * context banks, each bank bypassing or walking an ARMv7s table, batched
 * TLB invalidation, stall-on-fault with RESUME.  Clients, domains, power
 * and fault reporting are the framework's
 * (Documentation/iommu-framework.rst); Documentation/msm-iommu.rst has the
 * design and what it does differently from mainline's msm_iommu.c.
 */
#include <kcxx/bits.h>
#include <kcxx/errno.h>
#include <kcxx/log.h>
#include <kcxx/mmio.h>
#include <kcxx/owner.h>
#include <kcxx/result.h>
#include <kcxx/types.h>

#include "../core/hardware.h"
#include "../core/policy.h"
#include "../pgtable/armv7s_format.h"
#include "msm_iommu.h"
#include "msm_regs.h"

namespace msm_iommu {
namespace {

using pgtable::ArmV7sFormat;
using socmmu::ContextSetup;
using socmmu::Fault;
using socmmu::Mode;
using socmmu::Printer;
using socmmu::Program;
using socmmu::Stats;

constexpr u64 kPage = 0x1000;
/*
 * Ranges up to this many 4 KB pages get a TLBIVA each, larger ones one
 * CTX_TLBIALL: 16 TLBIVAs cover a 64 KB page, the bank's TLB has 16
 * entries, and past that a full invalidation costs less than the writes.
 */
constexpr u64 kTlbivaPages = 16;
/*
 * A handled fault is retried.  The same access faulting again, after that
 * many retries with no invalidation or reprogramming of its bank between
 * them, means the handler claims faults it does not fix: the access is
 * terminated instead, so that a stalled master never spins for good.  A
 * handler that maps the page needs no invalidation (the TLB keeps no
 * fault); one that changes a mapping makes one, which starts the count
 * again.
 */
constexpr u32 kMaxRetries = 3;
/* The MIDs of one client on one instance: at most the framework's endpoints. */
constexpr u32 kMaxBankMids = socmmu::kMaxEndpoints;
/* The non-secure interrupt (the binding's index 0) for every bank. */
constexpr u32 kIrqIndex = 0;
/* Non-secure accesses, as mainline routes its MIDs. */
constexpr u32 kNsCfg = 3;

constexpr const char *kPclk = "smmu_pclk";
constexpr const char *kClk = "iommu_clk";

bool same_name(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

struct Config {
	u32 ncb;	/* qcom,ncb: the context banks, 1..4 */
	u32 nmids;	/* IDR.NM2VCBMT: MIDs 0..nmids-1 can be routed */
};

/* The binding, checked before any register access: one dev_err and an errno each. */
kcxx::Result<u32> parse(const socmmu_hw_params &p)
{
	const socmmu_dt_value &ncb = p.props[MSM_PROP_NCB];
	bool pclk = false, clk = false;

	for (unsigned int i = 0; i < p.nclocks; i++) {
		if (same_name(p.clocks[i], kPclk) && !pclk) {
			pclk = true;
		} else if (same_name(p.clocks[i], kClk) && !clk) {
			clk = true;
		} else {
			KCXX_DEV_ERR(p.dev, "clock \"%s\": the binding names only %s and %s\n",
				     p.clocks[i], kPclk, kClk);
			return kcxx::Error(-kcxx::EINVAL);
		}
	}
	if (!pclk || !clk) {
		KCXX_DEV_ERR(p.dev, "clocks %s and %s are required\n", kPclk, kClk);
		return kcxx::Error(-kcxx::EINVAL);
	}
	if (!ncb.present) {
		KCXX_DEV_ERR(p.dev, "qcom,ncb is required\n");
		return kcxx::Error(-kcxx::EINVAL);
	}
	if (ncb.cells[0] < 1 || ncb.cells[0] > kMaxBanks) {
		KCXX_DEV_ERR(p.dev, "qcom,ncb must be 1..%u, not %u\n", kMaxBanks, ncb.cells[0]);
		return kcxx::Error(-kcxx::EINVAL);
	}
	if (p.size < kWindowBytes) {
		KCXX_DEV_ERR(p.dev, "reg must span 0x%llx bytes (global registers at 0xff000)\n",
			     static_cast<unsigned long long>(kWindowBytes));
		return kcxx::Error(-kcxx::EINVAL);
	}
	return ncb.cells[0];
}

const char *fault_reason(Fsr fsr)
{
	if (fsr.mhf())
		return "TLB multi-hit";
	if (fsr.htwdeef() || fsr.htwseef())
		return "table walk";
	if (fsr.tlbmf())
		return "TLB miss";
	if (fsr.apf())
		return "permission";
	if (fsr.aff())
		return "access flag";
	if (fsr.tf())
		return "translation";
	return "multiple";
}

class MsmHardware final : public socmmu::Hardware {
public:
	MsmHardware(struct device *dev, kx_iomem *base, const Config &cfg)
		: dev_(dev), mmio_(base), cfg_(cfg)
	{
	}

	u32 contexts() const override { return cfg_.ncb; }

	kcxx::Result<void> check_ids(const u32 *ids, u32 nids) const override
	{
		for (u32 i = 0; i < nids; i++) {
			if (ids[i] >= cfg_.nmids) {
				KCXX_DEV_ERR(dev_, "MID %u: the hardware routes MIDs 0..%u\n", ids[i],
					     cfg_.nmids - 1);
				return kcxx::Error(-kcxx::EINVAL);
			}
		}
		if (nids > kMaxBankMids) {
			KCXX_DEV_ERR(dev_, "%u MIDs for one client: at most %u\n", nids, kMaxBankMids);
			return kcxx::Error(-kcxx::EINVAL);
		}
		return {};
	}

	kcxx::Result<kcxx::Owner<socmmu::PageTable>> create_table(pgtable::TableMemory &memory) override
	{
		return socmmu::ShortDescPageTable<ArmV7sFormat>::create(memory);
	}

	u32 table_format() const override { return 0; }
	unsigned int table_dma_bits() const override { return ArmV7sFormat{}.pa_bits(); }

	/*
	 * No window in which a master reaches memory it should not: a bank
	 * that will translate keeps doing what it did until its new table
	 * and attributes are in place; one that will bypass for its client
	 * stops translating first; one that nobody owns faults before its
	 * departing MIDs are sent away.  Nothing cached survives: the TLB is
	 * dropped on every program, which an Attach needs and costs a Resume
	 * nothing (power loss emptied it).  The client's MIDs reach the bank
	 * last, when it is ready.
	 */
	void program(u32 ctx, const ContextSetup &setup, Program, Stats &stats) override
	{
		const kcxx::Mmio bank = mmio_.window(ctx * kBankStride);
		const bool translate = setup.mode == Mode::Translate;
		/* A bank nobody owns faults what still reaches it, without stalling. */
		const bool blocking = !translate && !setup.has_client;
		const Ttbcr ttbcr = Ttbcr().set_pd0(blocking).set_pd1(blocking);

		release_stalled(ctx, stats);
		if (blocking)
			bank.write(ttbcr);
		else if (!translate)
			bank.write(Sctlr());
		unroute_except(ctx, setup.ids, setup.nids);
		/* TTBR0 before TTBCR: a walk enabled again must find the new table. */
		bank.write(Ttbr0::from_raw(translate ? ArmV7sFormat::ttbr(setup.ttb) : 0));
		bank.write(Ttbr1());
		bank.write(ttbcr);
		bank.write(Prrr::from_raw(ArmV7sFormat::prrr()));
		bank.write(Nmrr::from_raw(ArmV7sFormat::nmrr()));
		bank.write(Contextidr().set_asid(ctx));
		bank.write(Actlr()
				   .set_cfeie(translate || blocking)
				   .set_cfcfg(translate)
				   .set_tlbmcfg(3)
				   .set_v2pcfg(3)
				   .set_rcosh(true)
				   .set_rcish(true)
				   .set_rcnsh(true));
		bank.write(Bfbcr().set_bfbdfe(translate));
		bank.write(Fsr::from_raw(~0u));
		mmio_.write(Cbacrs::at(ctx), Cbacr().set_irptndx(kIrqIndex));
		bank.write(CtxTlbiall());
		if (translate || blocking)
			bank.write(Sctlr().set_m(true).set_tre(true).set_afe(true));
		route(ctx, setup.ids, setup.nids);
		retries_[ctx] = 0;
		stats.programs++;
	}

	void flush_range(u32 ctx, u64 start, u64 end, Stats &stats) override
	{
		const u64 first = kcxx::align_down(start, kPage);

		if (((end - first + kPage - 1) >> 12) > kTlbivaPages) {
			flush_all(ctx, stats);
			return;
		}
		const kcxx::Mmio bank = mmio_.window(ctx * kBankStride);

		retries_[ctx] = 0;
		for (u64 va = first; va < end; va += kPage) {
			bank.write(Tlbiva().set_va(va).set_asid(ctx));
			stats.entry_flushes++;
		}
	}

	void flush_all(u32 ctx, Stats &stats) override
	{
		retries_[ctx] = 0;
		mmio_.window(ctx * kBankStride).write(CtxTlbiall());
		stats.full_flushes++;
	}

	/*
	 * Everything else is rebuilt by restore() and program(Resume).  A
	 * master still stalled would lose its access with the power: it gets
	 * its error now instead.
	 */
	void save(Stats &stats) override
	{
		for (u32 ctx = 0; ctx < cfg_.ncb; ctx++)
			release_stalled(ctx, stats);
		stats.saved_entries = 0;
	}

	/*
	 * The global registers as after a reset, then every MID to the bank
	 * nobody is given before the others (the last): M2VCBR has no
	 * "unrouted", and a master no client declared must not reach a
	 * client's address space while a bank is free.  program() then
	 * routes each client's MIDs.
	 */
	void restore(Stats &) override
	{
		mmio_.write(Cr().set_tlblkcrwe(true));
		mmio_.write(Esrrestore());
		mmio_.write(Testbuscr());
		mmio_.write(Tlbrsw());
		mmio_.write(RpuAcr());
		for (u32 mid = 0; mid < cfg_.nmids; mid++)
			mmio_.write(M2vcbrs::at(mid), unowned());
		for (u32 ctx = 0; ctx < cfg_.ncb; ctx++) {
			mmio_.write(Cbacrs::at(ctx), Cbacr().set_irptndx(kIrqIndex));
			nrouted_[ctx] = 0;
		}
		mmio_.write(GlobalTlbiall());
	}

	/* One bank with a fault, the search starting after the last one taken. */
	bool take_fault(Fault &fault) override
	{
		for (u32 i = 0; i < cfg_.ncb; i++) {
			const u32 ctx = (next_fault_ + i) % cfg_.ncb;
			const kcxx::Mmio bank = mmio_.window(ctx * kBankStride);
			const Fsr fsr = bank.read<Fsr>();

			if (!fsr.raw())
				continue;
			fault.context = ctx;
			fault.addr = bank.read<Far>().raw();
			fault.flags = bank.read<Fsynr1>().awrite() ? SOCMMU_FAULT_WRITE
								   : SOCMMU_FAULT_READ;
			fault.status = fsr.raw();
			fault.reason = fault_reason(fsr);
			fault.stalled = fsr.ss();
			/* Clearing FSR drops the interrupt; the stall waits for RESUME. */
			bank.write(fsr);
			/* The same access again after a retry, nothing invalidated since. */
			if (fault.stalled && retries_[ctx] && fault.addr == retry_addr_[ctx])
				retries_[ctx]++;
			else
				retries_[ctx] = fault.stalled ? 1 : 0;
			retry_addr_[ctx] = static_cast<u32>(fault.addr);
			next_fault_ = (ctx + 1) % cfg_.ncb;
			return true;
		}
		return false;
	}

	void end_fault(const Fault &fault, bool handled, Stats &stats) override
	{
		if (!fault.stalled || fault.context >= cfg_.ncb)
			return;
		const u32 ctx = fault.context;
		const bool retry = handled && retries_[ctx] <= kMaxRetries;

		mmio_.window(ctx * kBankStride).write(Resume().set_tnr(!retry));
		if (retry) {
			stats.resumed++;
		} else {
			stats.terminated++;
			retries_[ctx] = 0;
		}
	}

	void dump_regs(Printer &out) override
	{
		out.print("REV 0x%08x\nIDR 0x%08x\nCR 0x%08x\n", mmio_.read<Rev>().raw(),
			  mmio_.read<Idr>().raw(), mmio_.read<Cr>().raw());
		for (u32 ctx = 0; ctx < cfg_.ncb; ctx++) {
			const kcxx::Mmio bank = mmio_.window(ctx * kBankStride);

			out.print("bank %u: SCTLR 0x%08x ACTLR 0x%08x CONTEXTIDR 0x%08x CBACR 0x%08x\n",
				  ctx, bank.read<Sctlr>().raw(), bank.read<Actlr>().raw(),
				  bank.read<Contextidr>().raw(), mmio_.read(Cbacrs::at(ctx)).raw());
			out.print("bank %u: TTBR0 0x%08x TTBCR 0x%08x PRRR 0x%08x NMRR 0x%08x\n", ctx,
				  bank.read<Ttbr0>().raw(), bank.read<Ttbcr>().raw(),
				  bank.read<Prrr>().raw(), bank.read<Nmrr>().raw());
			out.print("bank %u: FSR 0x%08x FAR 0x%08x FSYNR0 0x%08x FSYNR1 0x%08x PAR 0x%08x\n",
				  ctx, bank.read<Fsr>().raw(), bank.read<Far>().raw(),
				  bank.read<Fsynr0>().raw(), bank.read<Fsynr1>().raw(),
				  bank.read<Par>().raw());
			for (u32 i = 0; i < nrouted_[ctx]; i++)
				out.print("bank %u: MID %u (M2VCBR 0x%08x)\n", ctx, routed_[ctx][i],
					  mmio_.read(M2vcbrs::at(routed_[ctx][i])).raw());
		}
	}

private:
	/* Where a MID no client has goes: the last bank, handed out last. */
	M2vcbr unowned() const
	{
		return M2vcbr().set_cbndx(cfg_.ncb - 1).set_nscfg(kNsCfg);
	}

	void route(u32 ctx, const u32 *ids, u32 nids)
	{
		if (KCXX_WARN_ON(nids > kMaxBankMids))
			nids = kMaxBankMids;
		for (u32 i = 0; i < nids; i++) {
			mmio_.write(M2vcbrs::at(ids[i]), M2vcbr().set_cbndx(ctx).set_nscfg(kNsCfg));
			routed_[ctx][i] = ids[i];
		}
		nrouted_[ctx] = nids;
	}

	/* The MIDs this bank served that it no longer serves go back to unowned(). */
	void unroute_except(u32 ctx, const u32 *ids, u32 nids)
	{
		for (u32 i = 0; i < nrouted_[ctx]; i++) {
			bool kept = false;

			for (u32 j = 0; j < nids; j++)
				kept = kept || ids[j] == routed_[ctx][i];
			if (!kept)
				mmio_.write(M2vcbrs::at(routed_[ctx][i]), unowned());
		}
		nrouted_[ctx] = 0;
	}

	/*
	 * An access stalled in a bank that is reprogrammed or loses power
	 * belongs to what goes away: terminate it rather than leave the
	 * master waiting for a RESUME nobody will write.
	 */
	void release_stalled(u32 ctx, Stats &stats)
	{
		const kcxx::Mmio bank = mmio_.window(ctx * kBankStride);

		if (!bank.read<Fsr>().ss())
			return;
		bank.write(Resume().set_tnr(true));
		stats.terminated++;
	}

	struct device *dev_;
	kcxx::Mmio mmio_;
	const Config cfg_;
	/* The MIDs each bank has routed to it, to take back when they change. */
	u32 routed_[kMaxBanks][kMaxBankMids] = {};
	u32 nrouted_[kMaxBanks] = {};
	/* Stall bookkeeping: retries of the same access in each bank. */
	u32 retries_[kMaxBanks] = {};
	u32 retry_addr_[kMaxBanks] = {};
	u32 next_fault_ = 0;
};

} // namespace
} // namespace msm_iommu

extern "C" void *msm_hw_create(const struct socmmu_hw_params *params, int *err) noexcept
{
	using namespace msm_iommu;

	auto ncb = parse(*params);

	if (!ncb.ok()) {
		*err = ncb.to_errno();
		return nullptr;
	}
	/* Powered and clocked here: the hardware says how many MIDs it routes. */
	const kcxx::Mmio mmio(params->base);
	const Idr idr = mmio.read<Idr>();
	const Config cfg = { ncb.value(), kcxx::min<u32>(idr.nm2vcbmt(), M2vcbrs::count) };

	if (!cfg.nmids) {
		KCXX_DEV_ERR(params->dev, "IDR reads 0x%08x: no MID can be routed (unclocked?)\n",
			     idr.raw());
		*err = -kcxx::ENODEV;
		return nullptr;
	}
	auto hw = kcxx::make_owned<MsmHardware>(params->dev, params->base, cfg);
	if (!hw.ok()) {
		*err = hw.to_errno();
		return nullptr;
	}
	KCXX_DEV_INFO(params->dev,
		      "MSM IOMMU rev 0x%x: %u context banks (IDR %u), MIDs 0..%u, %u interrupts\n",
		      mmio.read<Rev>().raw(), cfg.ncb, idr.ncb(), cfg.nmids - 1, params->nirqs);
	return static_cast<socmmu::Hardware *>(hw.value().release());
}
