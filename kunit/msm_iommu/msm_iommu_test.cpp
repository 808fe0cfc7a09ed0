// SPDX-License-Identifier: GPL-2.0
/*
 * The MSM IOMMU driver against the model: the cases play the masters
 * behind each instance with the model's bus-master API (a transfer names
 * its MID) and read the model's counters and the framework's stats to see
 * what the hardware saw.
 */
#include <kcxx/errno.h>
#include <kcxx/types.h>

#include "../../iommu/core/driver_abi.h"
#include "../../iommu/pgtable/format.h"
#include "../iommu_bench/bench_expect.h"
#include "../kcxx_test.h"
#include "../msm_model/msm_model.h"
#include "msm_iommu_test.h"

using pgtable::kProtCache;
using pgtable::kProtMmio;
using pgtable::kProtNoExec;
using pgtable::kProtPriv;
using pgtable::kProtRead;
using pgtable::kProtWrite;

namespace {

constexpr u64 k4K = 0x1000;
constexpr u64 k64K = 0x10000;
constexpr u64 k1M = 0x100000;
constexpr u64 k16M = 0x1000000;
constexpr int kRW = kProtRead | kProtWrite;

constexpr const char *kMdp = "iommu@d4000000";
constexpr const char *kGfx = "iommu@d4100000";
constexpr const char *kVfe = "iommu@d4200000";
constexpr const char *kCam = "iommu@d4300000";

/* The test DT's MIDs. */
constexpr u32 kMidA = 1, kMidB = 2, kMidC0 = 3, kMidC1 = 4, kMidMultiMdp = 6;
constexpr u32 kMidVfe = 2, kMidMultiGfx = 2;

struct Setup {
	struct device *client;
	struct iommu_domain *domain;
	struct msm_model *m;
	u32 mid;
};

struct msm_model_counters counters(struct msm_model *m)
{
	struct msm_model_counters c;

	msm_model_counters(m, &c);
	return c;
}

socmmu_iommu_stats stats(struct kunit *test, struct msm_model *m)
{
	socmmu_iommu_stats s = {};

	KX_EXPECT_EQ(test, mit_stats(m, &s), 0);
	return s;
}

void fill(u8 *p, size_t len, u8 seed)
{
	for (size_t i = 0; i < len; i++)
		p[i] = static_cast<u8>(seed + i * 7);
}

bool same(const u8 *a, const u8 *b, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (a[i] != b[i])
			return false;
	}
	return true;
}

struct msm_model *model(struct kunit *test, const char *name)
{
	struct msm_model *m = msm_model_find(name);

	KX_ASSERT_TRUE(test, m != nullptr);
	return m;
}

/* A domain attached to @which, powered through the client's runtime PM. */
Setup setup(struct kunit *test, enum mit_client which, const char *iommu, u32 mid,
	    bool attach = true)
{
	Setup s;

	s.client = mit_client(which);
	KX_ASSERT_TRUE(test, s.client != nullptr);
	s.m = model(test, iommu);
	s.mid = mid;
	s.domain = mit_domain_alloc(s.client);
	KX_ASSERT_TRUE(test, s.domain != nullptr);
	if (attach)
		KX_ASSERT_EQ(test, mit_attach(s.domain, s.client), 0);
	KX_ASSERT_EQ(test, mit_pm_get(s.client), 0);
	KX_ASSERT_TRUE(test, msm_model_powered(s.m));
	return s;
}

int translate(const Setup &s, u32 iova, unsigned int access, msm_model_result *res)
{
	return msm_model_translate(s.m, s.mid, iova, access, res);
}

/* The bank @s.mid reaches: a translation of a mapped @iova says. */
int bank_of(struct kunit *test, const Setup &s, u32 iova)
{
	msm_model_result res;

	KX_EXPECT_EQ(test, translate(s, iova, 0, &res), MSM_MODEL_OK);
	return res.ctx;
}

u32 bank_reg(struct msm_model *m, int bank, u32 offset)
{
	return mit_reg_read(m, static_cast<u32>(bank) * MSM_MODEL_CTX_STRIDE + offset);
}

/*
 * An access that faults, stalls, reaches the handler (which refuses it)
 * and is terminated: the master's next transfer gets the error, which
 * this consumes.  @fsr: the reason bits the fault must carry.
 */
void expect_terminated(struct kunit *test, const Setup &s, struct mit_faults *faults,
		       u32 iova, unsigned int access, u32 fsr)
{
	const int before = faults ? faults->count : 0;
	msm_model_result res;

	KX_EXPECT_EQ(test, translate(s, iova, access, &res), MSM_MODEL_STALLED);
	KX_EXPECT_EQ(test, res.fsr & MSM_MODEL_FSR_REASONS, fsr);
	if (faults)
		KX_EXPECT_TRUE(test, mit_wait_faults(faults, before + 1));
	KX_EXPECT_TRUE(test, mit_wait_unstalled(s.m, s.mid));
	KX_EXPECT_EQ(test, translate(s, iova, access, &res), MSM_MODEL_ERROR);
}

/* A debugfs file of @m's instance, read into @buf (one page). */
long read_debugfs(struct kunit *test, struct msm_model *m, const char *file, char *buf)
{
	const long n = mit_debugfs_read(m, file, buf, 4096);

	KX_EXPECT_LT(test, 0, n);
	return n;
}

} // namespace

/* The bench's expectations on what a case read (kunit/iommu_bench). */
#define EXPECT_HAS IB_EXPECT_HAS
#define EXPECT_HASNT IB_EXPECT_HASNT

extern "C" {

/*
 * Each page size with each attribute, through the walker: the page it
 * found, the memory type TEX remap gave (PRRR/NMRR from the format), and
 * the permissions (AP2 read-only, AP1 privileged only, XN) enforced.
 */
void mit_page_sizes_and_attributes(struct kunit *test) noexcept
{
	static constexpr u64 sizes[] = { k4K, k64K, k1M, k16M };
	static constexpr int pages[] = { MSM_MODEL_4K, MSM_MODEL_64K, MSM_MODEL_1M, MSM_MODEL_16M };
	static constexpr int prots[] = {
		kRW, kProtRead, kRW | kProtCache, kRW | kProtMmio, kRW | kProtNoExec,
		kRW | kProtPriv,
	};
	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	struct mit_faults *faults = mit_set_fault_handler(s.domain, MIT_FAULT_REFUSE, 0);
	u64 phys;
	u8 *page = static_cast<u8 *>(mit_page(&phys));

	KX_ASSERT_TRUE(test, page != nullptr);
	fill(page, 4096, 0x31);
	for (unsigned int i = 0; i < 4; i++) {
		for (unsigned int j = 0; j < sizeof(prots) / sizeof(prots[0]); j++) {
			const u64 size = sizes[i];
			const int prot = prots[j];
			const u32 iova = static_cast<u32>(0x10000000 + (i * 8 + j) * k16M);
			const u64 block = phys & ~(size - 1);
			const u32 va = static_cast<u32>(iova + (phys - block));
			msm_model_result res;
			u8 buf[32];

			KX_ASSERT_EQ(test, mit_map(s.domain, iova, block, size, prot), 0);
			msm_model_reset_counters(s.m);
			if (prot & kProtPriv) {
				expect_terminated(test, s, faults, va, 0, MSM_MODEL_FSR_APF);
				KX_EXPECT_EQ(test, translate(s, va, MSM_MODEL_ACC_PRIV, &res),
					     MSM_MODEL_OK);
			} else {
				KX_EXPECT_EQ(test, msm_model_read(s.m, s.mid, va, buf, sizeof(buf),
								  &res),
					     MSM_MODEL_OK);
				KX_EXPECT_TRUE(test, same(buf, page, sizeof(buf)));
			}
			KX_EXPECT_EQ(test, res.phys, phys);
			KX_EXPECT_EQ(test, res.page, pages[i]);
			KX_EXPECT_FALSE(test, res.bypassed);
			KX_EXPECT_EQ(test, counters(s.m).walks_by_size[pages[i]], 1u);
			/* Everything is shareable (S); index 7 (cached) is not outer-shareable. */
			KX_EXPECT_TRUE(test, res.shareable);
			if (prot & kProtMmio) {
				KX_EXPECT_EQ(test, res.memtype, MSM_MODEL_MT_DEVICE);
			} else {
				KX_EXPECT_EQ(test, res.memtype, MSM_MODEL_MT_NORMAL);
				const int policy = (prot & kProtCache) ? MSM_MODEL_CACHE_WBWA
								       : MSM_MODEL_CACHE_NC;
				KX_EXPECT_EQ(test, res.inner, policy);
				KX_EXPECT_EQ(test, res.outer, policy);
				KX_EXPECT_EQ(test, res.outer_shareable, !(prot & kProtCache));
			}
			if (prot & kProtWrite)
				KX_EXPECT_EQ(test, translate(s, va, MSM_MODEL_ACC_PRIV | MSM_MODEL_ACC_WRITE,
							     &res),
					     MSM_MODEL_OK);
			else
				expect_terminated(test, s, faults, va, MSM_MODEL_ACC_WRITE,
						  MSM_MODEL_FSR_APF);
			if (prot & kProtNoExec)
				expect_terminated(test, s, faults, va, MSM_MODEL_ACC_INSTR,
						  MSM_MODEL_FSR_APF);
			else
				KX_EXPECT_EQ(test, translate(s, va, MSM_MODEL_ACC_PRIV |
								   MSM_MODEL_ACC_INSTR, &res),
					     MSM_MODEL_OK);
			KX_EXPECT_EQ(test, mit_unmap(s.domain, iova, size), size);
		}
	}
	KX_EXPECT_EQ(test, faults->dev, s.client);
}

/* Unmapped and synced: the TLB forgets it (one TLBIVA for one page), the access faults. */
void mit_unmap_then_fault(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	struct mit_faults *faults = mit_set_fault_handler(s.domain, MIT_FAULT_REFUSE, 0);
	const u32 iova = 0x20000000;
	msm_model_result res;
	u64 phys;
	u8 buf[16];

	KX_ASSERT_TRUE(test, mit_page(&phys) != nullptr);
	KX_ASSERT_EQ(test, mit_map(s.domain, iova, phys, k4K, kRW), 0);
	KX_ASSERT_EQ(test, msm_model_read(s.m, s.mid, iova, buf, sizeof(buf), &res), MSM_MODEL_OK);
	const int bank = res.ctx;

	KX_ASSERT_EQ(test, translate(s, iova, 0, &res), MSM_MODEL_OK);
	KX_EXPECT_TRUE(test, res.tlb_hit);
	msm_model_reset_counters(s.m);
	KX_ASSERT_EQ(test, mit_unmap(s.domain, iova, k4K), k4K);
	KX_EXPECT_EQ(test, counters(s.m).tlbivas[bank], 1u);
	KX_EXPECT_EQ(test, counters(s.m).tlbialls[bank], 0u);

	expect_terminated(test, s, faults, iova, 0, MSM_MODEL_FSR_TF);
	KX_EXPECT_EQ(test, counters(s.m).tlb_hits, 0u);
	KX_EXPECT_EQ(test, counters(s.m).freed_reads, 0u);
	KX_EXPECT_EQ(test, faults->iova, static_cast<unsigned long>(iova));
}

/*
 * Maps invalidate nothing (the TLB keeps no fault); each unmap call is one
 * batch: a TLBIVA per 4 KB up to 16 pages, one CTX_TLBIALL above, and
 * unmaps gathered before one iotlb_sync are one invalidation of their
 * union.  The framework's stats count the same as the model.
 */
void mit_batched_invalidation(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	/* iova and pa never both 64 KB aligned: iommu_map() picks 4 KB pages only. */
	const u32 base = 0x30001000, pa = 0x40002000;
	u64 phys;

	KX_ASSERT_TRUE(test, mit_page(&phys) != nullptr);
	KX_ASSERT_EQ(test, mit_map(s.domain, 0x2f000000, phys, k4K, kRW), 0);
	const int bank = bank_of(test, s, 0x2f000000);
	KX_ASSERT_TRUE(test, bank >= 0 && bank < MSM_MODEL_MAX_CTX);

	const socmmu_iommu_stats s0 = stats(test, s.m);
	msm_model_reset_counters(s.m);
	KX_ASSERT_EQ(test, mit_map(s.domain, base, pa, 128 * k4K, kRW), 0);
	KX_ASSERT_EQ(test, mit_map(s.domain, 0x32000000, 0x50000000, k16M, kRW), 0);
	KX_EXPECT_EQ(test, mit_iova_to_phys(s.domain, base + 100 * k4K + 8), pa + 100 * k4K + 8);
	/* Mainline: one TLBIVA per 4 KB mapped, 4224 of them here. */
	KX_EXPECT_EQ(test, counters(s.m).tlbivas[bank], 0u);
	KX_EXPECT_EQ(test, counters(s.m).tlbialls[bank], 0u);

	/* 8 pages, one call: 8 TLBIVAs. */
	KX_EXPECT_EQ(test, mit_unmap(s.domain, base, 8 * k4K), 8 * k4K);
	KX_EXPECT_EQ(test, counters(s.m).tlbivas[bank], 8u);
	KX_EXPECT_EQ(test, counters(s.m).tlbialls[bank], 0u);
	/* 64 pages: one CTX_TLBIALL. */
	KX_EXPECT_EQ(test, mit_unmap(s.domain, base + 8 * k4K, 64 * k4K), 64 * k4K);
	KX_EXPECT_EQ(test, counters(s.m).tlbivas[bank], 8u);
	KX_EXPECT_EQ(test, counters(s.m).tlbialls[bank], 1u);
	/* Pages 72, 74 and 77 gathered, one sync: one run over their union, 6 TLBIVAs. */
	const u64 iovas[] = { base + 72 * k4K, base + 74 * k4K, base + 77 * k4K };
	const u64 sizes[] = { k4K, k4K, k4K };
	KX_EXPECT_EQ(test, mit_unmap_batch(s.domain, iovas, sizes, 3), 3 * k4K);
	KX_EXPECT_EQ(test, counters(s.m).tlbivas[bank], 14u);
	KX_EXPECT_EQ(test, counters(s.m).tlbialls[bank], 1u);
	/* 16 MB: one CTX_TLBIALL, not 4096 TLBIVAs. */
	KX_EXPECT_EQ(test, mit_unmap(s.domain, 0x32000000, k16M), k16M);
	KX_EXPECT_EQ(test, counters(s.m).tlbivas[bank], 14u);
	KX_EXPECT_EQ(test, counters(s.m).tlbialls[bank], 2u);
	/* No other bank of the instance was touched. */
	for (int b = 0; b < MSM_MODEL_MAX_CTX; b++) {
		if (b != bank)
			KX_EXPECT_EQ(test, counters(s.m).tlbivas[b] + counters(s.m).tlbialls[b], 0u);
	}

	const socmmu_iommu_stats s1 = stats(test, s.m);
	KX_EXPECT_EQ(test, s1.entry_flushes - s0.entry_flushes, 14u);
	KX_EXPECT_EQ(test, s1.full_flushes - s0.full_flushes, 2u);
	KX_EXPECT_EQ(test, s1.skipped_off, s0.skipped_off);
	KX_EXPECT_EQ(test, s1.flush_errors, 0u);
}

/* Two clients of one instance: two banks, two ASIDs, two address spaces. */
void mit_two_clients_isolated(struct kunit *test) noexcept
{
	const Setup a = setup(test, MIT_A, kMdp, kMidA);
	const Setup b = setup(test, MIT_B, kMdp, kMidB);
	struct mit_faults *faults = mit_set_fault_handler(b.domain, MIT_FAULT_REFUSE, 0);
	const u32 x = 0x40000000, y = 0x40100000;
	u64 pa, pb;
	u8 *page_a = static_cast<u8 *>(mit_page(&pa));
	u8 *page_b = static_cast<u8 *>(mit_page(&pb));
	msm_model_result res;
	u8 buf[32];

	KX_ASSERT_TRUE(test, page_a != nullptr && page_b != nullptr);
	fill(page_a, 4096, 1);
	fill(page_b, 4096, 2);
	KX_ASSERT_EQ(test, mit_map(a.domain, x, pa, k4K, kRW), 0);
	KX_ASSERT_EQ(test, mit_map(b.domain, x, pb, k4K, kRW), 0);
	KX_ASSERT_EQ(test, mit_map(a.domain, y, pa, k4K, kRW), 0);

	KX_EXPECT_EQ(test, msm_model_read(a.m, a.mid, x, buf, sizeof(buf), &res), MSM_MODEL_OK);
	KX_EXPECT_TRUE(test, same(buf, page_a, sizeof(buf)));
	const int bank_a = res.ctx;
	KX_EXPECT_EQ(test, msm_model_read(b.m, b.mid, x, buf, sizeof(buf), &res), MSM_MODEL_OK);
	KX_EXPECT_TRUE(test, same(buf, page_b, sizeof(buf)));
	const int bank_b = res.ctx;
	KX_EXPECT_NE(test, bank_a, bank_b);
	/* An ASID per bank. */
	KX_EXPECT_EQ(test, bank_reg(a.m, bank_a, MSM_MODEL_CONTEXTIDR), static_cast<u32>(bank_a));
	KX_EXPECT_EQ(test, bank_reg(a.m, bank_b, MSM_MODEL_CONTEXTIDR), static_cast<u32>(bank_b));
	KX_EXPECT_NE(test, bank_reg(a.m, bank_a, MSM_MODEL_TTBR0),
		     bank_reg(a.m, bank_b, MSM_MODEL_TTBR0));

	/* b cannot reach what only a maps; the fault is b's, in b's bank. */
	msm_model_reset_counters(a.m);
	expect_terminated(test, b, faults, y, 0, MSM_MODEL_FSR_TF);
	KX_EXPECT_EQ(test, faults->dev, b.client);
	KX_EXPECT_EQ(test, counters(a.m).ctx_faults[bank_b], 1u);
	KX_EXPECT_EQ(test, counters(a.m).ctx_faults[bank_a], 0u);

	/* a's unmap invalidates a's bank only; b still reaches its page. */
	msm_model_reset_counters(a.m);
	KX_EXPECT_EQ(test, mit_unmap(a.domain, x, k4K), k4K);
	KX_EXPECT_EQ(test, counters(a.m).tlbivas[bank_a], 1u);
	KX_EXPECT_EQ(test, counters(a.m).tlbivas[bank_b] + counters(a.m).tlbialls[bank_b], 0u);
	KX_EXPECT_EQ(test, translate(b, x, 0, &res), MSM_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, pb);
}

/* Both MIDs of one client: one bank, one address space. */
void mit_client_with_two_mids(struct kunit *test) noexcept
{
	const Setup c = setup(test, MIT_C, kMdp, kMidC0);
	const Setup c1 = { c.client, c.domain, c.m, kMidC1 };
	const u32 iova = 0x50000000;
	msm_model_result r0, r1;
	u64 phys;

	KX_ASSERT_TRUE(test, mit_page(&phys) != nullptr);
	KX_ASSERT_EQ(test, mit_map(c.domain, iova, phys, k4K, kRW), 0);
	KX_EXPECT_EQ(test, translate(c, iova + 4, 0, &r0), MSM_MODEL_OK);
	KX_EXPECT_EQ(test, translate(c1, iova + 8, MSM_MODEL_ACC_WRITE, &r1), MSM_MODEL_OK);
	KX_EXPECT_EQ(test, r0.phys, phys + 4);
	KX_EXPECT_EQ(test, r1.phys, phys + 8);
	KX_EXPECT_EQ(test, r0.ctx, r1.ctx);
	/* The second MID used the TLB entry the first walked. */
	KX_EXPECT_TRUE(test, r1.tlb_hit);
	KX_EXPECT_EQ(test, (mit_reg_read(c.m, MSM_MODEL_M2VCBR(kMidC0)) >> 8) & 0xffu,
		     static_cast<u32>(r0.ctx));
	KX_EXPECT_EQ(test, (mit_reg_read(c.m, MSM_MODEL_M2VCBR(kMidC1)) >> 8) & 0xffu,
		     static_cast<u32>(r0.ctx));
}

/* One client, one domain, behind msm_mdp and msm_gfx: one table, both invalidated. */
void mit_client_on_two_instances(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_MULTI, kMdp, kMidMultiMdp);
	const Setup g = { s.client, s.domain, model(test, kGfx), kMidMultiGfx };
	const u32 iova = 0x60000000;
	msm_model_result res;
	u64 phys;

	KX_ASSERT_TRUE(test, msm_model_powered(g.m));
	KX_ASSERT_TRUE(test, mit_page(&phys) != nullptr);
	KX_ASSERT_EQ(test, mit_map(s.domain, iova, phys, k4K, kRW), 0);
	KX_EXPECT_EQ(test, translate(s, iova, 0, &res), MSM_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys);
	const int bank_mdp = res.ctx;
	KX_EXPECT_EQ(test, translate(g, iova, 0, &res), MSM_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys);
	const int bank_gfx = res.ctx;
	/* One table: the same TTBR0 in both banks. */
	KX_EXPECT_EQ(test, bank_reg(s.m, bank_mdp, MSM_MODEL_TTBR0),
		     bank_reg(g.m, bank_gfx, MSM_MODEL_TTBR0));

	msm_model_reset_counters(s.m);
	msm_model_reset_counters(g.m);
	KX_EXPECT_EQ(test, mit_unmap(s.domain, iova, k4K), k4K);
	KX_EXPECT_EQ(test, counters(s.m).tlbivas[bank_mdp], 1u);
	KX_EXPECT_EQ(test, counters(g.m).tlbivas[bank_gfx], 1u);
	mit_set_fault_handler(s.domain, MIT_FAULT_REFUSE, 0);
	expect_terminated(test, s, nullptr, iova, 0, MSM_MODEL_FSR_TF);
	expect_terminated(test, g, nullptr, iova, 0, MSM_MODEL_FSR_TF);
}

/*
 * M2VCBR cannot leave a MID unrouted: a MID no client declared goes to the
 * last bank, which faults every access while nobody owns it (no bypass,
 * no stall), reported to no one and counted.
 */
void mit_unowned_mid_faults(struct kunit *test) noexcept
{
	struct msm_model *cam = model(test, kCam);
	const u32 stray = 9;
	msm_model_result res;

	/*
	 * Power msm_cam by hand: msm-client-badmid was refused, and the camera
	 * behind it (bank 0, once probed) may be idle.
	 */
	KX_ASSERT_EQ(test, mit_pm_get(msm_model_device(cam)), 0);
	KX_ASSERT_TRUE(test, msm_model_powered(cam));
	const socmmu_iommu_stats s0 = stats(test, cam);

	msm_model_reset_counters(cam);
	KX_EXPECT_EQ(test, (mit_reg_read(cam, MSM_MODEL_M2VCBR(stray)) >> 8) & 0xffu,
		     msm_model_ncb(cam) - 1);
	KX_EXPECT_EQ(test, msm_model_translate(cam, stray, 0x1000, 0, &res), MSM_MODEL_ERROR);
	KX_EXPECT_EQ(test, res.ctx, static_cast<int>(msm_model_ncb(cam) - 1));
	KX_EXPECT_EQ(test, res.fsr & MSM_MODEL_FSR_REASONS, MSM_MODEL_FSR_TF);
	KX_EXPECT_FALSE(test, msm_model_stalled(cam, stray));
	/* The unowned bank translates with its walks disabled: every access faults. */
	const int last = static_cast<int>(msm_model_ncb(cam) - 1);

	KX_EXPECT_NE(test, bank_reg(cam, last, MSM_MODEL_SCTLR) & MSM_MODEL_SCTLR_M, 0u);
	KX_EXPECT_EQ(test, bank_reg(cam, last, MSM_MODEL_TTBCR),
		     MSM_MODEL_TTBCR_PD0 | MSM_MODEL_TTBCR_PD1);
	KX_EXPECT_EQ(test, bank_reg(cam, last, MSM_MODEL_ACTLR) & MSM_MODEL_ACTLR_CFCFG, 0u);
	KX_EXPECT_EQ(test, counters(cam).bypassed, 0u);
	KX_EXPECT_EQ(test, counters(cam).stalls, 0u);
	KX_EXPECT_TRUE(test, mit_wait_unhandled(cam, s0.unhandled_faults + 1));
	KX_EXPECT_EQ(test, stats(test, cam).unhandled_faults, s0.unhandled_faults + 1);
	KX_EXPECT_EQ(test, stats(test, cam).terminated, s0.terminated);
}

/*
 * A client that goes gives its bank back: the bank faults, and the MIDs
 * it routed leave it for the unowned bank; a client that comes gets a
 * bank and its MIDs routed to it again.
 */
void mit_released_client_unrouted(struct kunit *test) noexcept
{
	/* a keeps msm_mdp powered, so that its registers can be read. */
	const Setup a = setup(test, MIT_A, kMdp, kMidA);
	struct msm_model *m = a.m;
	const u32 last = msm_model_ncb(m) - 1;
	const u32 bank = (mit_reg_read(m, MSM_MODEL_M2VCBR(kMidB)) >> 8) & 0xffu;

	KX_ASSERT_NE(test, bank, last);
	KX_ASSERT_EQ(test, mit_destroy(MIT_B), 0);
	KX_EXPECT_EQ(test, (mit_reg_read(m, MSM_MODEL_M2VCBR(kMidB)) >> 8) & 0xffu, last);
	KX_EXPECT_NE(test, bank_reg(m, static_cast<int>(bank), MSM_MODEL_SCTLR) & MSM_MODEL_SCTLR_M,
		     0u);
	KX_EXPECT_EQ(test, bank_reg(m, static_cast<int>(bank), MSM_MODEL_TTBCR),
		     MSM_MODEL_TTBCR_PD0 | MSM_MODEL_TTBCR_PD1);

	KX_ASSERT_EQ(test, mit_create(MIT_B), 0);
	KX_EXPECT_TRUE(test, mit_has_iommu(mit_client(MIT_B)));
	KX_EXPECT_EQ(test, (mit_reg_read(m, MSM_MODEL_M2VCBR(kMidB)) >> 8) & 0xffu, bank);
	/* It comes back bypassing (6.12: the identity default domain; 6.1: no domain). */
	KX_EXPECT_EQ(test, bank_reg(m, static_cast<int>(bank), MSM_MODEL_SCTLR) &
				   MSM_MODEL_SCTLR_M, 0u);
	KX_EXPECT_EQ(test, counters(m).off_accesses, 0u);
}

/* Bad device-tree nodes fail probe, one error each; the rest works. */
void mit_bad_inputs(struct kunit *test) noexcept
{
	static constexpr const char *refused[] = {
		"iommu@d4400000", "iommu@d4500000", "iommu@d4600000",
	};
	static constexpr const char *working[] = { kMdp, kGfx, kVfe, kCam };
	socmmu_iommu_stats st;

	for (const char *name : refused) {
		struct msm_model *m = model(test, name);

		KX_EXPECT_TRUE(test, msm_model_device(m) != nullptr);
		KX_EXPECT_FALSE(test, mit_bound(msm_model_device(m)));
		KX_EXPECT_EQ(test, mit_stats(m, &st), -kcxx::ENODEV);
		/* Refused before any register access: off, nothing touched. */
		KX_EXPECT_EQ(test, counters(m).reg_reads + counters(m).reg_writes, 0u);
	}
	for (const char *name : working) {
		struct msm_model *m = model(test, name);

		KX_EXPECT_TRUE(test, mit_bound(msm_model_device(m)));
		KX_EXPECT_EQ(test, mit_stats(m, &st), 0);
	}
	/* A MID beyond the hardware: the client probes, but behind no IOMMU. */
	KX_EXPECT_TRUE(test, mit_bound(mit_client(MIT_BADMID)));
	KX_EXPECT_FALSE(test, mit_has_iommu(mit_client(MIT_BADMID)));
	KX_EXPECT_TRUE(test, mit_has_iommu(mit_client(MIT_A)));

	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	const u32 iova = 0x70000000;
	u64 phys;

	KX_ASSERT_TRUE(test, mit_page(&phys) != nullptr);
	/* No access asked for: ARMv7s cannot say so, refused. */
	KX_EXPECT_EQ(test, mit_map(s.domain, iova, phys, k4K, kProtCache), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, mit_iova_to_phys(s.domain, iova), 0u);
	/* Unaligned iova, paddr, size: the core refuses before the driver. */
	KX_EXPECT_EQ(test, mit_map(s.domain, iova + 0x800, phys, k4K, kRW), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, mit_map(s.domain, iova, phys + 0x800, k4K, kRW), -kcxx::EINVAL);
	KX_ASSERT_EQ(test, mit_map(s.domain, iova, phys, k4K, kRW), 0);
	/* Overlaps: the same page, and a section over the L2 (the kernel's v7s would drop the page). */
	KX_EXPECT_EQ(test, mit_map(s.domain, iova, phys, k4K, kRW), -kcxx::EEXIST);
	KX_EXPECT_EQ(test, mit_map(s.domain, iova, 0x40000000, k1M, kRW), -kcxx::EEXIST);
	KX_EXPECT_EQ(test, mit_iova_to_phys(s.domain, iova), phys);
	/* Unmapping what is not mapped: 0. */
	KX_EXPECT_EQ(test, mit_unmap(s.domain, iova + k1M, k4K), 0u);
	KX_EXPECT_EQ(test, mit_unmap(s.domain, iova, k4K), k4K);
}

/* Detached: bypass; attached again: the mappings made before. */
void mit_attach_detach(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	const u32 iova = 0x71000000;
	msm_model_result res;
	u64 phys;

	KX_ASSERT_TRUE(test, mit_page(&phys) != nullptr);
	KX_ASSERT_EQ(test, mit_map(s.domain, iova, phys, k4K, kRW), 0);
	KX_EXPECT_EQ(test, translate(s, iova, 0, &res), MSM_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys);

	mit_detach(s.domain, s.client);
	msm_model_reset_counters(s.m);
	KX_EXPECT_EQ(test, translate(s, static_cast<u32>(phys), 0, &res), MSM_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys);
	KX_EXPECT_TRUE(test, res.bypassed);
	KX_EXPECT_EQ(test, counters(s.m).bypassed, 1u);

	KX_ASSERT_EQ(test, mit_attach(s.domain, s.client), 0);
	KX_EXPECT_EQ(test, translate(s, iova, 0, &res), MSM_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys);
	KX_EXPECT_FALSE(test, res.tlb_hit);
	KX_EXPECT_EQ(test, counters(s.m).bypassed, 1u);
}

void mit_blocked_domain(struct kunit *test) noexcept
{
	if (!mit_paging_domains())
		kx_kunit_skip(test, "6.1 has no blocked domain");
	const Setup s = setup(test, MIT_A, kMdp, kMidA, false);
	msm_model_result res;

	/* The group is on its identity default domain: bypass. */
	KX_EXPECT_EQ(test, translate(s, 0x1234000, 0, &res), MSM_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, 0x1234000u);
	KX_ASSERT_EQ(test, mit_claim_blocked(s.client), 0);
	/* Everything faults; with no domain the access is terminated. */
	const u64 terminated = stats(test, s.m).terminated;
	expect_terminated(test, s, nullptr, 0x1234000, 0, MSM_MODEL_FSR_TF);
	KX_EXPECT_EQ(test, stats(test, s.m).terminated, terminated + 1);
	mit_release_blocked(s.client);
	KX_EXPECT_EQ(test, translate(s, 0x1234000, 0, &res), MSM_MODEL_OK);
	KX_EXPECT_TRUE(test, res.bypassed);
}

/* The DMA layer on a client: coherent and streaming buffers through the bank. */
void mit_dma_api(struct kunit *test) noexcept
{
	struct device *vfe = mit_client(MIT_VFE);
	struct msm_model *m = model(test, kVfe);
	msm_model_result res;
	u64 dma = 0, sdma = 0;
	u8 buf[64];

	KX_ASSERT_TRUE(test, mit_has_iommu(vfe));
	KX_ASSERT_EQ(test, mit_pm_get(vfe), 0);
	KX_ASSERT_TRUE(test, msm_model_powered(m));
	u8 *cpu = static_cast<u8 *>(mit_dma_alloc(vfe, 2 * k4K, &dma));
	KX_ASSERT_TRUE(test, cpu != nullptr);
	fill(cpu, 2 * k4K, 9);
	msm_model_reset_counters(m);
	KX_EXPECT_EQ(test, msm_model_read(m, kMidVfe, static_cast<u32>(dma) + 4090, buf,
					  sizeof(buf), &res),
		     MSM_MODEL_OK);
	KX_EXPECT_TRUE(test, same(buf, cpu + 4090, sizeof(buf)));
	KX_EXPECT_FALSE(test, res.bypassed);
	fill(buf, sizeof(buf), 0x77);
	KX_EXPECT_EQ(test, msm_model_write(m, kMidVfe, static_cast<u32>(dma) + 16, buf, sizeof(buf),
					   nullptr),
		     MSM_MODEL_OK);
	KX_EXPECT_TRUE(test, same(buf, cpu + 16, sizeof(buf)));

	u8 *stream = static_cast<u8 *>(mit_buffer(k4K));
	KX_ASSERT_TRUE(test, stream != nullptr);
	fill(stream, k4K, 3);
	KX_ASSERT_EQ(test, mit_dma_map(vfe, stream, k4K, &sdma), 0);
	KX_EXPECT_EQ(test, msm_model_read(m, kMidVfe, static_cast<u32>(sdma), buf, sizeof(buf),
					  nullptr),
		     MSM_MODEL_OK);
	KX_EXPECT_TRUE(test, same(buf, stream, sizeof(buf)));
	fill(buf, sizeof(buf), 0x55);
	KX_EXPECT_EQ(test, msm_model_write(m, kMidVfe, static_cast<u32>(sdma) + 128, buf,
					   sizeof(buf), nullptr),
		     MSM_MODEL_OK);
	mit_dma_unmap(vfe, sdma, k4K);
	KX_EXPECT_TRUE(test, same(buf, stream + 128, sizeof(buf)));
	KX_EXPECT_EQ(test, counters(m).bypassed, 0u);
	KX_EXPECT_EQ(test, counters(m).faults, 0u);
}

/*
 * debugfs as a user reads it: regs shows each bank with the domain's TTBR0
 * and the client's MID, pagetable the mappings per bank; while the
 * instance is suspended, regs says so without a register access.
 */
void mit_debugfs(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	const u32 iova = 0x72000000, section = 0x73000000;
	u64 phys, scratch;
	u8 *page = static_cast<u8 *>(mit_page(&phys));
	char *text = static_cast<char *>(mit_page(&scratch));
	char needle[128];

	KX_ASSERT_TRUE(test, page != nullptr && text != nullptr);
	const u64 block = phys & ~(k1M - 1);

	KX_ASSERT_EQ(test, mit_map(s.domain, iova, phys, k4K, kRW), 0);
	KX_ASSERT_EQ(test, mit_map(s.domain, section, block, k1M, kProtRead), 0);
	const int bank = bank_of(test, s, iova);
	const u32 ttbr0 = bank_reg(s.m, bank, MSM_MODEL_TTBR0);

	read_debugfs(test, s.m, "regs", text);
	mit_format(needle, sizeof(needle), "bank %d: TTBR0 0x%08x TTBCR 0x00000000", bank, ttbr0);
	EXPECT_HAS(test, text, needle);
	mit_format(needle, sizeof(needle), "bank %d: MID %u (M2VCBR", bank, kMidA);
	EXPECT_HAS(test, text, needle);
	/* TTBR0: the L1, shareable, non-cacheable walks. */
	KX_EXPECT_EQ(test, ttbr0 & 0x3fffu, 0x2u);
	const u32 *l1 = static_cast<const u32 *>(mit_phys_to_virt(ttbr0 & ~0x3fffu));
	/* A read-only section as io-pgtable-arm-v7s writes it. */
	KX_EXPECT_EQ(test, l1[section >> 20], static_cast<u32>(block) | 0x39c02u);

	read_debugfs(test, s.m, "pagetable", text);
	mit_format(needle, sizeof(needle), "context %d of msm-client-a:", bank);
	EXPECT_HAS(test, text, needle);
	mit_format(needle, sizeof(needle), "0x%08x-0x%08x -> 0x%08llx\n", iova, iova + 0xfff,
		   static_cast<unsigned long long>(phys));
	EXPECT_HAS(test, text, needle);
	read_debugfs(test, s.m, "stats", text);
	EXPECT_HAS(test, text, "programs ");

	mit_pm_put(s.client);
	KX_ASSERT_TRUE(test, mit_wait_power(s.m, false));
	msm_model_reset_counters(s.m);
	read_debugfs(test, s.m, "regs", text);
	EXPECT_HAS(test, text, "suspended");
	EXPECT_HASNT(test, text, "TTBR0");
	read_debugfs(test, s.m, "pagetable", text);
	EXPECT_HAS(test, text, needle);
	KX_EXPECT_EQ(test, counters(s.m).off_accesses, 0u);
	KX_EXPECT_EQ(test, counters(s.m).off_clock_accesses, 0u);
}

/*
 * Stall, the handler maps the page and says so, RESUME retries: the
 * access completes without a second fault and with no invalidation in
 * between (the TLB caches no fault: no iotlb_sync_map is needed).
 */
void mit_stall_handler_maps_retry(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	u64 fix;
	u8 *page = static_cast<u8 *>(mit_page(&fix));
	struct mit_faults *faults = mit_set_fault_handler(s.domain, MIT_FAULT_MAP, fix);
	const u32 iova = 0x74000040;
	msm_model_result res;
	u8 buf[16];

	KX_ASSERT_TRUE(test, page != nullptr);
	fill(page, 4096, 0x42);
	/* An L2 exists: the walk reaches level 2 and faults there. */
	KX_ASSERT_EQ(test, mit_map(s.domain, 0x74001000, fix, k4K, kRW), 0);
	const int bank = bank_of(test, s, 0x74001000);
	const socmmu_iommu_stats s0 = stats(test, s.m);

	msm_model_reset_counters(s.m);
	KX_EXPECT_EQ(test, translate(s, iova, 0, &res), MSM_MODEL_STALLED);
	KX_EXPECT_EQ(test, res.fsr, MSM_MODEL_FSR_TF | MSM_MODEL_FSR_SL);
	KX_ASSERT_TRUE(test, mit_wait_faults(faults, 1));
	KX_EXPECT_TRUE(test, mit_wait_unstalled(s.m, s.mid));
	KX_EXPECT_EQ(test, faults->map_errors, 0);
	KX_EXPECT_EQ(test, faults->iova, static_cast<unsigned long>(iova));
	KX_EXPECT_EQ(test, faults->dev, s.client);
	KX_EXPECT_EQ(test, faults->flags, SOCMMU_FAULT_READ);
	const struct msm_model_counters c = counters(s.m);
	KX_EXPECT_EQ(test, c.stalls, 1u);
	KX_EXPECT_EQ(test, c.faults, 1u);
	KX_EXPECT_EQ(test, c.resumes_retry, 1u);
	KX_EXPECT_EQ(test, c.resumes_terminate, 0u);
	KX_EXPECT_EQ(test, c.tlbivas[bank] + c.tlbialls[bank], 0u);
	/* The retry walked and filled the TLB: the master's next access hits it. */
	KX_EXPECT_EQ(test, msm_model_read(s.m, s.mid, iova, buf, sizeof(buf), &res), MSM_MODEL_OK);
	KX_EXPECT_TRUE(test, same(buf, page + 0x40, sizeof(buf)));
	KX_EXPECT_TRUE(test, res.tlb_hit);
	const socmmu_iommu_stats s1 = stats(test, s.m);
	KX_EXPECT_EQ(test, s1.resumed - s0.resumed, 1u);
	KX_EXPECT_EQ(test, s1.terminated - s0.terminated, 0u);
	KX_EXPECT_EQ(test, s1.unhandled_faults - s0.unhandled_faults, 0u);
}

/* The handler refuses: the access is terminated at once, the master goes on. */
void mit_stall_refused_terminated(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	struct mit_faults *faults = mit_set_fault_handler(s.domain, MIT_FAULT_REFUSE, 0);
	const socmmu_iommu_stats s0 = stats(test, s.m);
	u64 phys;

	KX_ASSERT_TRUE(test, mit_page(&phys) != nullptr);
	msm_model_reset_counters(s.m);
	expect_terminated(test, s, faults, 0x75000000, 0, MSM_MODEL_FSR_TF);
	KX_EXPECT_EQ(test, faults->count, 1);
	KX_EXPECT_EQ(test, counters(s.m).resumes_terminate, 1u);
	KX_EXPECT_EQ(test, counters(s.m).resumes_retry, 0u);
	const socmmu_iommu_stats s1 = stats(test, s.m);
	KX_EXPECT_EQ(test, s1.terminated - s0.terminated, 1u);
	KX_EXPECT_EQ(test, s1.unhandled_faults - s0.unhandled_faults, 1u);
	/* Not hung: the next transfer is served. */
	KX_ASSERT_EQ(test, mit_map(s.domain, 0x75000000, phys, k4K, kRW), 0);
	KX_EXPECT_EQ(test, translate(s, 0x75000000, 0, nullptr), MSM_MODEL_OK);
}

/*
 * The handler claims the fault but fixes nothing: the retries fault
 * again; after three the access is terminated, so that the master does
 * not spin for good.
 */
void mit_stall_unfixed_terminated(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	struct mit_faults *faults = mit_set_fault_handler(s.domain, MIT_FAULT_HANDLED, 0);
	const socmmu_iommu_stats s0 = stats(test, s.m);
	msm_model_result res;

	msm_model_reset_counters(s.m);
	KX_EXPECT_EQ(test, translate(s, 0x76000000, 0, &res), MSM_MODEL_STALLED);
	KX_ASSERT_TRUE(test, mit_wait_faults(faults, 4));
	KX_EXPECT_TRUE(test, mit_wait_unstalled(s.m, s.mid));
	KX_EXPECT_TRUE(test, mit_wait_terminated(s.m, s0.terminated + 1));
	KX_EXPECT_EQ(test, translate(s, 0x76000000, 0, &res), MSM_MODEL_ERROR);
	const struct msm_model_counters c = counters(s.m);
	KX_EXPECT_EQ(test, c.faults, 4u);
	KX_EXPECT_EQ(test, c.resumes_retry, 3u);
	KX_EXPECT_EQ(test, c.resumes_terminate, 1u);
	KX_EXPECT_EQ(test, faults->count, 4);
	const socmmu_iommu_stats s1 = stats(test, s.m);
	KX_EXPECT_EQ(test, s1.resumed - s0.resumed, 3u);
	KX_EXPECT_EQ(test, s1.terminated - s0.terminated, 1u);
}

/* report_iommu_fault() gets the client, the exact address and READ or WRITE (FSYNR1). */
void mit_fault_flags(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_GFX, kGfx, 1);
	struct mit_faults *faults = mit_set_fault_handler(s.domain, MIT_FAULT_REFUSE, 0);

	expect_terminated(test, s, faults, 0x77000123, MSM_MODEL_ACC_WRITE, MSM_MODEL_FSR_TF);
	KX_EXPECT_EQ(test, faults->iova, 0x77000123ul);
	KX_EXPECT_EQ(test, faults->flags, SOCMMU_FAULT_WRITE);
	KX_EXPECT_EQ(test, faults->dev, s.client);
	expect_terminated(test, s, faults, 0x77100ffc, 0, MSM_MODEL_FSR_TF);
	KX_EXPECT_EQ(test, faults->iova, 0x77100ffcul);
	KX_EXPECT_EQ(test, faults->flags, SOCMMU_FAULT_READ);
}

/*
 * A master stalled when its bank is reprogrammed (detach) or powered off
 * is terminated first, not left waiting for a RESUME nobody will write;
 * the interrupt is held back so that the handler cannot get there first.
 */
void mit_stall_released_by_detach_and_suspend(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	struct mit_faults *faults = mit_set_fault_handler(s.domain, MIT_FAULT_REFUSE, 0);
	const u64 terminated = stats(test, s.m).terminated;

	msm_model_reset_counters(s.m);
	mit_irqs_off(s.m);
	KX_EXPECT_EQ(test, translate(s, 0x7b000000, 0, nullptr), MSM_MODEL_STALLED);
	mit_detach(s.domain, s.client);
	KX_EXPECT_FALSE(test, msm_model_stalled(s.m, s.mid));
	KX_EXPECT_EQ(test, counters(s.m).resumes_terminate, 1u);
	KX_EXPECT_EQ(test, stats(test, s.m).terminated, terminated + 1);
	KX_EXPECT_EQ(test, translate(s, 0x7b000000, 0, nullptr), MSM_MODEL_ERROR);

	KX_ASSERT_EQ(test, mit_attach(s.domain, s.client), 0);
	KX_EXPECT_EQ(test, translate(s, 0x7b000000, 0, nullptr), MSM_MODEL_STALLED);
	mit_pm_put(s.client);
	KX_ASSERT_TRUE(test, mit_wait_power(s.m, false));
	/* Terminated by the driver before the power went, not dropped by the power loss. */
	KX_EXPECT_EQ(test, counters(s.m).resumes_terminate, 2u);
	KX_EXPECT_EQ(test, stats(test, s.m).terminated, terminated + 2);
	mit_irqs_on(s.m);
	/* The second fault was reported too: suspend takes it as the interrupt would have. */
	KX_EXPECT_EQ(test, faults->count, 1);
	KX_ASSERT_EQ(test, mit_pm_get(s.client), 0);
	KX_EXPECT_FALSE(test, msm_model_stalled(s.m, s.mid));
}

/*
 * The instance powers off when its last client is idle, with its clocks,
 * and comes back with every bank programmed again: the domain stays
 * attached, nothing touched the registers while off.
 */
void mit_runtime_pm_context(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	const u32 iova = 0x78000000;
	msm_model_result res;
	u64 phys;

	KX_ASSERT_TRUE(test, mit_page(&phys) != nullptr);
	KX_ASSERT_EQ(test, mit_map(s.domain, iova, phys, k4K, kRW), 0);
	KX_ASSERT_EQ(test, translate(s, iova, 0, &res), MSM_MODEL_OK);
	const int bank = res.ctx;
	KX_EXPECT_TRUE(test, mit_clock_on(s.m, "smmu_pclk"));
	KX_EXPECT_TRUE(test, mit_clock_on(s.m, "iommu_clk"));
	const u64 programs = stats(test, s.m).programs;

	msm_model_reset_counters(s.m);
	mit_pm_put(s.client);
	KX_ASSERT_TRUE(test, mit_wait_power(s.m, false));
	KX_EXPECT_EQ(test, counters(s.m).power_offs, 1u);
	KX_EXPECT_FALSE(test, mit_clock_on(s.m, "smmu_pclk"));
	KX_EXPECT_FALSE(test, mit_clock_on(s.m, "iommu_clk"));

	KX_ASSERT_EQ(test, mit_pm_get(s.client), 0);
	KX_ASSERT_TRUE(test, msm_model_powered(s.m));
	KX_EXPECT_TRUE(test, mit_clock_on(s.m, "smmu_pclk"));
	/* Every bank programmed again: the power loss reset them. */
	KX_EXPECT_EQ(test, stats(test, s.m).programs, programs + msm_model_ncb(s.m));
	KX_EXPECT_EQ(test, translate(s, iova, 0, &res), MSM_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys);
	KX_EXPECT_EQ(test, res.ctx, bank);
	KX_EXPECT_FALSE(test, res.tlb_hit);
	KX_EXPECT_EQ(test, bank_reg(s.m, bank, MSM_MODEL_CONTEXTIDR), static_cast<u32>(bank));
	KX_EXPECT_EQ(test, (mit_reg_read(s.m, MSM_MODEL_M2VCBR(kMidA)) >> 8) & 0xffu,
		     static_cast<u32>(bank));
	const struct msm_model_counters c = counters(s.m);
	KX_EXPECT_EQ(test, c.off_accesses, 0u);
	KX_EXPECT_EQ(test, c.off_clock_accesses, 0u);
	KX_EXPECT_EQ(test, c.unclocked_transfers, 0u);
}

/* Tables change while the instance is off: no register access, no stale TLB after. */
void mit_map_while_suspended(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_A, kMdp, kMidA);
	const u32 iova = 0x79000000;
	msm_model_result res;
	u64 pa, pb;

	KX_ASSERT_TRUE(test, mit_page(&pa) != nullptr && mit_page(&pb) != nullptr);
	KX_ASSERT_EQ(test, mit_map(s.domain, iova, pa, k4K, kRW), 0);
	KX_ASSERT_EQ(test, translate(s, iova, 0, &res), MSM_MODEL_OK);
	mit_pm_put(s.client);
	KX_ASSERT_TRUE(test, mit_wait_power(s.m, false));

	const u64 skipped = stats(test, s.m).skipped_off;
	msm_model_reset_counters(s.m);
	KX_ASSERT_EQ(test, mit_unmap(s.domain, iova, k4K), k4K);
	KX_ASSERT_EQ(test, mit_map(s.domain, iova, pb, k4K, kRW), 0);
	KX_EXPECT_EQ(test, counters(s.m).off_accesses, 0u);
	KX_EXPECT_EQ(test, counters(s.m).off_clock_accesses, 0u);
	KX_EXPECT_EQ(test, stats(test, s.m).skipped_off, skipped + 1);

	KX_ASSERT_EQ(test, mit_pm_get(s.client), 0);
	KX_EXPECT_EQ(test, translate(s, iova, 0, &res), MSM_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, pb);
}

/* A system sleep of a client behind two instances: both power-cycled, both translate. */
void mit_system_sleep(struct kunit *test) noexcept
{
	const Setup s = setup(test, MIT_MULTI, kMdp, kMidMultiMdp);
	const Setup g = { s.client, s.domain, model(test, kGfx), kMidMultiGfx };
	const u32 iova = 0x7a000000;
	msm_model_result res;
	u64 phys;

	KX_ASSERT_TRUE(test, mit_page(&phys) != nullptr);
	KX_ASSERT_EQ(test, mit_map(s.domain, iova, phys, k4K, kRW), 0);
	KX_ASSERT_EQ(test, translate(s, iova, 0, &res), MSM_MODEL_OK);
	msm_model_reset_counters(s.m);
	msm_model_reset_counters(g.m);

	KX_ASSERT_EQ(test, mit_sleep_suspend(s.client), 0);
	KX_EXPECT_FALSE(test, msm_model_powered(s.m));
	KX_EXPECT_FALSE(test, msm_model_powered(g.m));
	KX_ASSERT_EQ(test, mit_sleep_resume(s.client), 0);
	KX_ASSERT_TRUE(test, msm_model_powered(s.m));
	KX_ASSERT_TRUE(test, msm_model_powered(g.m));

	const Setup *both[] = { &s, &g };

	for (const Setup *x : both) {
		KX_EXPECT_EQ(test, translate(*x, iova, 0, &res), MSM_MODEL_OK);
		KX_EXPECT_EQ(test, res.phys, phys);
		KX_EXPECT_EQ(test, counters(x->m).power_offs, 1u);
		KX_EXPECT_EQ(test, counters(x->m).power_ons, 1u);
		KX_EXPECT_EQ(test, counters(x->m).off_accesses, 0u);
		KX_EXPECT_EQ(test, counters(x->m).off_clock_accesses, 0u);
	}
}

} // extern "C"
