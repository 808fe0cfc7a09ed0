// SPDX-License-Identifier: GPL-2.0
/*
 * The MSM IOMMU model's translation, driven as a driver would: ARMv7s
 * tables built by hand (and by the kernel's io-pgtable-arm-v7s), context
 * banks programmed through their registers, accesses by the bus-master API.
 */
#include <linux/io-pgtable.h>
#include <linux/iommu.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sizes.h>

#include "msm_test.h"

#define MX_MID	1
#define MX_CTX	1

/* MDP, MID 1 on context bank 1 with tables @pt and ASID 1. */
static struct mt_inst *mx_setup(struct kunit *test, struct mt_pt *pt, unsigned int flags)
{
	struct mt_inst *in = mt_get(test, MT_MDP);

	mt_pt_init(test, pt);
	mt_route(in, MX_MID, MX_CTX);
	mt_ctx_enable(in, MX_CTX, pt, 1, flags);
	return in;
}

static int mx_xlate(struct mt_inst *in, u32 va, unsigned int access, struct msm_model_result *r)
{
	return msm_model_translate(in->m, MX_MID, va, access, r);
}

static void mx_clear_fsr(struct mt_inst *in)
{
	mt_cwr(in, MX_CTX, MSM_MODEL_FSR, 0xffffffff);
}

/* A section descriptor with raw TEX, C, B and S (AP: read/write, AF set). */
static u32 mx_section(u32 pa, u32 tex, bool c, bool b, bool s)
{
	return (pa & 0xfff00000) | 2 | 3u << 10 | tex << 12 | c << 3 | b << 2 | s << 16 | BIT(17);
}

static void mx_page_sizes(struct kunit *test)
{
	static const struct { u32 va; int page; u32 mask; } pages[] = {
		{ 0x10000000, MSM_MODEL_4K, 0xfff },
		{ 0x20000000, MSM_MODEL_64K, 0xffff },
		{ 0x30000000, MSM_MODEL_1M, 0xfffff },
		{ 0x40000000, MSM_MODEL_16M, 0xffffff },
	};
	struct msm_model_counters c;
	struct msm_model_result r;
	struct mt_inst *in;
	struct page *data;
	struct mt_pt pt;
	unsigned int i;
	u8 buf[16], *cpu;
	u32 p, va, par;

	in = mx_setup(test, &pt, 0);
	p = mt_data_page(test, &data, 0x30);
	cpu = page_address(data);
	for (i = 0; i < ARRAY_SIZE(pages); i++)
		mt_map(test, &pt, pages[i].va, p, pages[i].page, MTP_RW);

	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		va = pages[i].va + (p & pages[i].mask) + 8;
		msm_model_reset_counters(in->m);
		memset(buf, 0, sizeof(buf));
		KUNIT_EXPECT_EQ_MSG(test, msm_model_read(in->m, MX_MID, va, buf, 16, &r),
				    MSM_MODEL_OK, "size %u", i);
		KUNIT_EXPECT_EQ_MSG(test, r.phys, (u64)p + 8, "size %u", i);
		KUNIT_EXPECT_EQ_MSG(test, r.page, pages[i].page, "size %u", i);
		KUNIT_EXPECT_FALSE(test, r.tlb_hit);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(buf, cpu + 8, 16), 0, "size %u", i);
		/* Writes land in the page too; the second access hits. */
		buf[0] = 0xa0 + i;
		KUNIT_EXPECT_EQ(test, msm_model_write(in->m, MX_MID, va, buf, 1, &r),
				MSM_MODEL_OK);
		KUNIT_EXPECT_TRUE(test, r.tlb_hit);
		KUNIT_EXPECT_EQ(test, cpu[8], (u8)(0xa0 + i));
		c = mt_counters(in);
		KUNIT_EXPECT_EQ_MSG(test, c.table_walks, 1u, "size %u", i);
		KUNIT_EXPECT_EQ_MSG(test, c.walks_by_size[pages[i].page], 1u, "size %u", i);
		KUNIT_EXPECT_EQ_MSG(test, c.tlb_misses, 1u, "size %u", i);
		KUNIT_EXPECT_EQ_MSG(test, c.tlb_hits, 1u, "size %u", i);
		/* PAR: the page's address, SS for a supersection. */
		mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, va);
		par = mt_crd(in, MX_CTX, MSM_MODEL_PAR);
		KUNIT_EXPECT_EQ(test, par & MSM_MODEL_PAR_PA_MASK, p & MSM_MODEL_PAR_PA_MASK);
		KUNIT_EXPECT_EQ(test, !!(par & MSM_MODEL_PAR_SS), pages[i].page == MSM_MODEL_16M);
		KUNIT_EXPECT_EQ(test, par & MSM_MODEL_PAR_FAULT, 0u);
	}

	/* The walker reads the replica of the address: the last of 16. */
	mt_cwr(in, MX_CTX, MSM_MODEL_CTX_TLBIALL, 0);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x2000f008, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)(p & 0xffff0000) + 0xf008);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x40fff008, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)(p & 0xff000000) + 0xfff008);
	/* A 64 KB page covers its 64 KB in the TLB once walked. */
	pt.l1[0x200] = 0;
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x20000000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_TRUE(test, r.tlb_hit);
	KUNIT_EXPECT_EQ(test, r.page, MSM_MODEL_64K);
}

static void mx_bad_descriptors(struct kunit *test)
{
	struct msm_model_result r;
	struct mt_inst *in;
	struct mt_pt pt;

	in = mx_setup(test, &pt, 0);
	pt.l1[0x100] = 0x01000003;		/* type 3: reserved */
	mt_l2_pa(test, &pt, 0x10100000);	/* an empty L2 */
	pt.l1[0x102] = 0xd0000000 | 1;		/* an L2 that is no memory */

	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x10000000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_TF);
	mx_clear_fsr(in);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x10105000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_TF | MSM_MODEL_FSR_SL);
	mx_clear_fsr(in);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x10200000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_HTWDEEF | MSM_MODEL_FSR_SL);
	mx_clear_fsr(in);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x00000000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_TF);
	mx_clear_fsr(in);
	/* TTBR0 outside memory. */
	mt_cwr(in, MX_CTX, MSM_MODEL_TTBR0, 0xd0000000);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x10000000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_HTWDEEF);
	KUNIT_EXPECT_EQ(test, mt_counters(in).freed_reads, 0u);
}

/* Memory types: TEX remap through PRRR/NMRR, and the classic TEX/C/B. */
static void mx_memory_types(struct kunit *test)
{
	struct msm_model_result r;
	struct mt_inst *in;
	struct mt_pt pt;
	u32 par;

	in = mx_setup(test, &pt, 0);
	mt_map(test, &pt, 0x50000000, 0x01000000, MSM_MODEL_1M, MTP_RW);
	mt_map(test, &pt, 0x50100000, 0x01100000, MSM_MODEL_1M, MTP_RW | MTP_CACHE);
	mt_map(test, &pt, 0x50200000, 0x01200000, MSM_MODEL_1M, MTP_RW | MTP_MMIO);
	pt.l1[0x503] = mx_section(0x01300000, 0, false, false, true);
	pt.l1[0x504] = mx_section(0x01400000, 5, true, false, false);
	pt.l1[0x505] = mx_section(0x01500000, 0, false, true, false);
	pt.l1[0x506] = mx_section(0x01600000, 2, false, false, true);
	pt.l1[0x507] = mx_section(0x01700000, 0, true, true, true);

	/* io-pgtable-arm-v7s's default: index 4, normal non-cacheable. */
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50000000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.memtype, MSM_MODEL_MT_NORMAL);
	KUNIT_EXPECT_EQ(test, r.inner, MSM_MODEL_CACHE_NC);
	KUNIT_EXPECT_EQ(test, r.outer, MSM_MODEL_CACHE_NC);
	KUNIT_EXPECT_TRUE(test, r.shareable);
	KUNIT_EXPECT_TRUE(test, r.outer_shareable);
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, 0x50000000);
	par = mt_crd(in, MX_CTX, MSM_MODEL_PAR);
	KUNIT_EXPECT_EQ(test, par, 0x01000000u | MSM_MODEL_PAR_MT_NC << MSM_MODEL_PAR_MT_SHIFT |
			MSM_MODEL_PAR_SH);
	/* IOMMU_CACHE: index 7, write-back write-allocate, inner shareable. */
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50100000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.memtype, MSM_MODEL_MT_NORMAL);
	KUNIT_EXPECT_EQ(test, r.inner, MSM_MODEL_CACHE_WBWA);
	KUNIT_EXPECT_EQ(test, r.outer, MSM_MODEL_CACHE_WBWA);
	KUNIT_EXPECT_TRUE(test, r.shareable);
	KUNIT_EXPECT_FALSE(test, r.outer_shareable);
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, 0x50100000);
	par = mt_crd(in, MX_CTX, MSM_MODEL_PAR);
	KUNIT_EXPECT_EQ(test, par, 0x01100000u | MSM_MODEL_PAR_MT_WBWA << MSM_MODEL_PAR_MT_SHIFT |
			MSM_MODEL_CACHE_WBWA << MSM_MODEL_PAR_OUTER_SHIFT | MSM_MODEL_PAR_SH |
			MSM_MODEL_PAR_NOS);
	/* IOMMU_MMIO: index 1, device. */
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50200000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.memtype, MSM_MODEL_MT_DEVICE);
	KUNIT_EXPECT_TRUE(test, r.shareable);
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, 0x50200000);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_PAR), 0x01200000u |
			MSM_MODEL_PAR_MT_DEVICE << MSM_MODEL_PAR_MT_SHIFT | MSM_MODEL_PAR_SH);
	/* Index 0: PRRR TR0 is 0, strongly ordered. */
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50300000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.memtype, MSM_MODEL_MT_STRONGLY_ORDERED);
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, 0x50300000);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_PAR), 0x01300000u |
			MSM_MODEL_PAR_MT_SO << MSM_MODEL_PAR_MT_SHIFT | MSM_MODEL_PAR_SH);
	/* PRRR decides: index 4 made device, NMRR index 7 write-through. */
	mt_cwr(in, MX_CTX, MSM_MODEL_PRRR, (MT_PRRR & ~(3u << 8)) | 1u << 8);
	mt_cwr(in, MX_CTX, MSM_MODEL_NMRR, 2u << 14 | 2u << 30);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50000000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.memtype, MSM_MODEL_MT_DEVICE);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50100000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.inner, MSM_MODEL_CACHE_WT);
	KUNIT_EXPECT_EQ(test, r.outer, MSM_MODEL_CACHE_WT);

	/* SCTLR.TRE clear: TEX, C and B as ARMv7 defines them. */
	mt_cwr(in, MX_CTX, MSM_MODEL_SCTLR, MSM_MODEL_SCTLR_M | MSM_MODEL_SCTLR_AFE);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50000000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.memtype, MSM_MODEL_MT_NORMAL);	/* TEX 001, CB 00 */
	KUNIT_EXPECT_EQ(test, r.inner, MSM_MODEL_CACHE_NC);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50100000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.inner, MSM_MODEL_CACHE_WBWA);	/* TEX 001, CB 11 */
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50400000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.memtype, MSM_MODEL_MT_NORMAL);	/* TEX 1BB */
	KUNIT_EXPECT_EQ(test, r.outer, MSM_MODEL_CACHE_WBWA);
	KUNIT_EXPECT_EQ(test, r.inner, MSM_MODEL_CACHE_WT);
	KUNIT_EXPECT_FALSE(test, r.shareable);
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, 0x50400000);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_PAR), 0x01400000u |
			MSM_MODEL_PAR_MT_WT << MSM_MODEL_PAR_MT_SHIFT |
			MSM_MODEL_CACHE_WBWA << MSM_MODEL_PAR_OUTER_SHIFT);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50500000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.memtype, MSM_MODEL_MT_DEVICE);	/* shareable device */
	KUNIT_EXPECT_TRUE(test, r.shareable);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50600000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.memtype, MSM_MODEL_MT_DEVICE);	/* non-shareable device */
	KUNIT_EXPECT_FALSE(test, r.shareable);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50700000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.inner, MSM_MODEL_CACHE_WB);
	KUNIT_EXPECT_EQ(test, r.outer, MSM_MODEL_CACHE_WB);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x50300000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.memtype, MSM_MODEL_MT_STRONGLY_ORDERED);
}

/* Expect a permission-class fault of @access at @va, then clear FSR. */
static void mx_expect_fault(struct kunit *test, struct mt_inst *in, u32 va, unsigned int access,
			    u32 fsr)
{
	struct msm_model_result r;

	KUNIT_EXPECT_EQ_MSG(test, mx_xlate(in, va, access, &r), MSM_MODEL_ERROR,
			    "va %#x access %u", va, access);
	KUNIT_EXPECT_EQ_MSG(test, r.fsr, fsr, "va %#x access %u", va, access);
	KUNIT_EXPECT_EQ_MSG(test, mt_crd(in, MX_CTX, MSM_MODEL_FSR), fsr, "va %#x", va);
	mx_clear_fsr(in);
}

static void mx_expect_ok(struct kunit *test, struct mt_inst *in, u32 va, unsigned int access)
{
	struct msm_model_result r;

	KUNIT_EXPECT_EQ_MSG(test, mx_xlate(in, va, access, &r), MSM_MODEL_OK,
			    "va %#x access %u fsr %#x", va, access, r.fsr);
}

static void mx_permissions(struct kunit *test)
{
	const u32 W = MSM_MODEL_ACC_WRITE, P = MSM_MODEL_ACC_PRIV, X = MSM_MODEL_ACC_INSTR;
	const u32 apf2 = MSM_MODEL_FSR_APF | MSM_MODEL_FSR_SL;
	struct msm_model_result r;
	struct mt_inst *in;
	struct mt_pt pt;
	u32 va = 0x60000000, p = 0x01000000;

	in = mx_setup(test, &pt, 0);
	mt_map(test, &pt, va, p, MSM_MODEL_4K, 0);			/* read-only */
	mt_map(test, &pt, va + 0x1000, p, MSM_MODEL_4K, MTP_W | MTP_PRIV);
	mt_map(test, &pt, va + 0x2000, p, MSM_MODEL_4K, MTP_W | MTP_XN);
	mt_map(test, &pt, va + 0x3000, p, MSM_MODEL_4K, MTP_W | MTP_NOAF);
	mt_map(test, &pt, va + 0x4000, p, MSM_MODEL_4K, MTP_W | MTP_PRIV);
	mt_map(test, &pt, va + 0x5000, p, MSM_MODEL_4K, MTP_W | MTP_NOAF);
	mt_map(test, &pt, va + 0x6000, p, MSM_MODEL_4K, MTP_W | MTP_NOAF | MTP_PRIV);
	mt_map(test, &pt, va + 0x7000, p, MSM_MODEL_4K, MTP_PRIV);
	mt_map(test, &pt, va + 0x100000, p, MSM_MODEL_1M, 0);
	mt_map(test, &pt, va + 0x200000, p, MSM_MODEL_1M, MTP_W | MTP_XN);

	/* AP2: read-only.  The fault's syndrome names the master and access. */
	mx_expect_ok(test, in, va, 0);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va + 0x10, W, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_FSR), apf2);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_FAR), va + 0x10);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_FSYNR0), (u32)MX_MID);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_FSYNR1), MSM_MODEL_FSYNR1_AWRITE);
	mx_clear_fsr(in);
	mx_expect_fault(test, in, va, W | P, apf2);
	mx_expect_fault(test, in, va + 0x100000, W, MSM_MODEL_FSR_APF);	/* at level 1 */
	mx_expect_ok(test, in, va + 0x100000, 0);
	/* AP1 clear: privileged accesses only. */
	mx_expect_fault(test, in, va + 0x1000, 0, apf2);
	mx_expect_ok(test, in, va + 0x1000, P);
	mx_expect_ok(test, in, va + 0x1000, P | W);
	/* XN: no instruction fetch, at either level. */
	mx_expect_ok(test, in, va + 0x2000, 0);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va + 0x2000, X, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_FSYNR1), MSM_MODEL_FSYNR1_AINST);
	mx_clear_fsr(in);
	mx_expect_ok(test, in, va, X);
	mx_expect_fault(test, in, va + 0x200000, X | P, MSM_MODEL_FSR_APF);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va + 0x200000, W | P, &r), MSM_MODEL_OK);
	/* SCTLR.AFE: AP0 is the access flag; AFFD turns its fault off. */
	mx_expect_fault(test, in, va + 0x3000, 0, MSM_MODEL_FSR_AFF | MSM_MODEL_FSR_SL);
	mt_cwr(in, MX_CTX, MSM_MODEL_SCTLR, MSM_MODEL_SCTLR_M | MSM_MODEL_SCTLR_TRE |
	       MSM_MODEL_SCTLR_AFE | MSM_MODEL_SCTLR_AFFD);
	mx_expect_ok(test, in, va + 0x3000, W);

	/* SCTLR.AFE clear: AP[2:0] in full. */
	mt_cwr(in, MX_CTX, MSM_MODEL_SCTLR, MSM_MODEL_SCTLR_M | MSM_MODEL_SCTLR_TRE);
	mx_expect_fault(test, in, va + 0x4000, 0, apf2);		/* 001 */
	mx_expect_ok(test, in, va + 0x4000, P | W);
	mx_expect_ok(test, in, va + 0x5000, 0);				/* 010 */
	mx_expect_fault(test, in, va + 0x5000, W, apf2);
	mx_expect_ok(test, in, va + 0x5000, P | W);
	mx_expect_fault(test, in, va + 0x6000, P, apf2);		/* 000 */
	mx_expect_ok(test, in, va + 0x7000, P);				/* 101 */
	mx_expect_fault(test, in, va + 0x7000, P | W, apf2);
	mx_expect_fault(test, in, va + 0x7000, 0, apf2);
	mx_expect_ok(test, in, va, 0);					/* 111 */
	mx_expect_fault(test, in, va, P | W, apf2);
	mx_expect_ok(test, in, va + 0x2000, W);				/* 011 */

	/* A permission fault leaves the entry in the TLB until invalidated. */
	mt_cwr(in, MX_CTX, MSM_MODEL_SCTLR, MSM_MODEL_SCTLR_M | MSM_MODEL_SCTLR_TRE |
	       MSM_MODEL_SCTLR_AFE);
	mt_map(test, &pt, va, p, MSM_MODEL_4K, MTP_RW);
	mx_expect_fault(test, in, va, W, apf2);
	mt_cwr(in, MX_CTX, MSM_MODEL_TLBIVA, va | 1);
	mx_expect_ok(test, in, va, W);
	KUNIT_EXPECT_EQ(test, mt_counters(in).faults, 14u);
}

/* The TLB is tagged by ASID: CONTEXTIDR selects whose entries hit. */
static void mx_tlb_asid_tagged(struct kunit *test)
{
	struct msm_model_counters c;
	struct msm_model_result r;
	struct mt_inst *in;
	struct mt_pt pt;
	u32 va = 0x70000000, va2 = 0x70100000, p1 = 0x01000000, p2 = 0x02000000;

	in = mx_setup(test, &pt, 0);
	mt_map(test, &pt, va, p1, MSM_MODEL_4K, MTP_RW);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p1);
	/* A changed PTE without invalidation: the TLB still answers. */
	mt_map(test, &pt, va, p2, MSM_MODEL_4K, MTP_RW);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p1);
	/* Another ASID misses and walks; the first one's entry stays. */
	mt_cwr(in, MX_CTX, MSM_MODEL_CONTEXTIDR, 2);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p2);
	KUNIT_EXPECT_FALSE(test, r.tlb_hit);
	mt_cwr(in, MX_CTX, MSM_MODEL_CONTEXTIDR, 1);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p1);

	/* TLBIVA drops the VA of its ASID only. */
	mt_cwr(in, MX_CTX, MSM_MODEL_TLBIVA, va | 2);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p1);
	KUNIT_EXPECT_TRUE(test, r.tlb_hit);
	mt_cwr(in, MX_CTX, MSM_MODEL_TLBIVA, (va + 0x1000) | 1);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p1);
	mt_cwr(in, MX_CTX, MSM_MODEL_TLBIVA, va | 1);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p2);
	KUNIT_EXPECT_FALSE(test, r.tlb_hit);
	mt_cwr(in, MX_CTX, MSM_MODEL_CONTEXTIDR, 2);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_FALSE(test, r.tlb_hit);	/* dropped by TLBIVA va|2 */

	/* TLBIASID drops an ASID's entries, whatever their VA. */
	mt_cwr(in, MX_CTX, MSM_MODEL_TLBIASID, 1);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_TRUE(test, r.tlb_hit);
	mt_cwr(in, MX_CTX, MSM_MODEL_TLBIASID, 2);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_FALSE(test, r.tlb_hit);

	/* A global entry (nG clear) hits for every ASID; TLBIVA of any drops it. */
	mt_map(test, &pt, va2, p1, MSM_MODEL_1M, MTP_RW | MTP_GLOBAL);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va2, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_FALSE(test, r.tlb_hit);
	mt_cwr(in, MX_CTX, MSM_MODEL_CONTEXTIDR, 3);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va2, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_TRUE(test, r.tlb_hit);
	mt_cwr(in, MX_CTX, MSM_MODEL_TLBIASID, 3);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va2, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_TRUE(test, r.tlb_hit);
	mt_cwr(in, MX_CTX, MSM_MODEL_TLBIVA, va2 | 7);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va2, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_FALSE(test, r.tlb_hit);
	/* TLBIVAA: the VA in every ASID. */
	mt_cwr(in, MX_CTX, MSM_MODEL_CONTEXTIDR, 1);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);	/* ASID 1 */
	mt_cwr(in, MX_CTX, MSM_MODEL_CONTEXTIDR, 2);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);	/* ASID 2 */
	KUNIT_EXPECT_TRUE(test, r.tlb_hit);
	mt_cwr(in, MX_CTX, MSM_MODEL_TLBIVAA, va | 1);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_FALSE(test, r.tlb_hit);
	mt_cwr(in, MX_CTX, MSM_MODEL_CONTEXTIDR, 1);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_FALSE(test, r.tlb_hit);

	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.tlbivas[MX_CTX], 4u);
	KUNIT_EXPECT_EQ(test, c.tlbiasids[MX_CTX], 3u);
	KUNIT_EXPECT_EQ(test, c.tlbivaas[MX_CTX], 1u);
	KUNIT_EXPECT_EQ(test, c.tlbialls[MX_CTX], 1u);	/* mx_setup's */
	KUNIT_EXPECT_EQ(test, c.tlbivas[0] + c.tlbivas[2] + c.tlbivas[3], 0u);
	KUNIT_EXPECT_EQ(test, c.table_walks, c.tlb_misses);
}

/* Does MID @mid's access to va hit its context bank's TLB? */
static void mx_hits(struct kunit *test, struct mt_inst *in, u32 mid, u32 va, bool hit)
{
	struct msm_model_result r;

	KUNIT_EXPECT_EQ(test, msm_model_translate(in->m, mid, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ_MSG(test, r.tlb_hit, hit, "mid %u", mid);
	KUNIT_EXPECT_EQ_MSG(test, r.phys, mid == 1 ? 0x01000000ull : 0x02000000ull, "mid %u", mid);
}

static void mx_prime(struct kunit *test, struct mt_inst *in, u32 va)
{
	mx_hits(test, in, 1, va, false);
	mx_hits(test, in, 2, va, false);
}

/* CTX_TLBIALL, GLOBAL_TLBIALL and TLBIVMID: whose TLBs they empty. */
static void mx_tlbiall_scopes(struct kunit *test)
{
	struct msm_model_counters c;
	struct mt_inst *in;
	struct mt_pt pt, pt2;
	u32 va = 0x70000000;

	in = mx_setup(test, &pt, 0);
	mt_pt_init(test, &pt2);
	mt_map(test, &pt, va, 0x01000000, MSM_MODEL_4K, MTP_RW);
	mt_map(test, &pt2, va, 0x02000000, MSM_MODEL_4K, MTP_RW);
	mt_route(in, 2, 2);
	mt_ctx_enable(in, 2, &pt2, 1, 0);	/* the same ASID: TLBs are per bank */
	mt_wr(in, MSM_MODEL_CBACR(2), 5 << 16);	/* CBVMID 5 */

	mx_prime(test, in, va);
	mx_hits(test, in, 1, va, true);
	mx_hits(test, in, 2, va, true);
	mt_cwr(in, 1, MSM_MODEL_CTX_TLBIALL, 0);
	mx_hits(test, in, 1, va, false);
	mx_hits(test, in, 2, va, true);
	mt_wr(in, MSM_MODEL_GLOBAL_TLBIALL, 0);
	mx_hits(test, in, 1, va, false);
	mx_hits(test, in, 2, va, false);
	mt_wr(in, MSM_MODEL_TLBIVMID, 5);
	mx_hits(test, in, 1, va, true);
	mx_hits(test, in, 2, va, false);
	mt_wr(in, MSM_MODEL_TLBIVMID, 0);
	mx_hits(test, in, 1, va, false);
	mx_hits(test, in, 2, va, true);

	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.tlbialls[1], 2u);
	KUNIT_EXPECT_EQ(test, c.tlbialls[2], 1u);
	KUNIT_EXPECT_EQ(test, c.global_tlbialls, 3u);
}

/* V2PPR and friends: a translation into PAR, without fault or stall. */
static void mx_v2p_par(struct kunit *test)
{
	struct msm_model_counters c;
	struct msm_model_result r;
	struct mt_inst *in, *gfx;
	struct mt_pt pt;
	u32 va = 0x80000000, p = 0x01234000, par;

	in = mx_setup(test, &pt, MT_STALL | MT_IRQ);
	mt_map(test, &pt, va, p, MSM_MODEL_4K, MTP_RW);
	mt_map(test, &pt, va + 0x1000, p, MSM_MODEL_4K, MTP_RW | MTP_PRIV);
	mt_map(test, &pt, 0x81000000, 0x02000000, MSM_MODEL_16M, 0);

	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, va | 0x123);
	par = mt_crd(in, MX_CTX, MSM_MODEL_PAR);
	KUNIT_EXPECT_EQ(test, par, p | MSM_MODEL_PAR_SH);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_V2PSR), 0u);	/* walked */
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, va);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_V2PSR) & MSM_MODEL_V2PSR_HIT,
			MSM_MODEL_V2PSR_HIT);
	/* What mainline's iova_to_phys makes of a supersection's PAR. */
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, 0x81234000);
	par = mt_crd(in, MX_CTX, MSM_MODEL_PAR);
	KUNIT_EXPECT_NE(test, par & MSM_MODEL_PAR_SS, 0u);
	KUNIT_EXPECT_EQ(test, (par & 0xff000000) | (0x81234567 & 0x00ffffff), 0x02234567u);

	/* Faults go to PAR only: no FSR, no stall, no interrupt. */
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, 0x90000000);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_PAR),
			MSM_MODEL_PAR_FAULT | MSM_MODEL_FSR_TF);
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPW, 0x81000000);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_PAR),
			MSM_MODEL_PAR_FAULT | MSM_MODEL_FSR_APF);
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PUR, va + 0x1000);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_PAR),
			MSM_MODEL_PAR_FAULT | MSM_MODEL_FSR_APF | MSM_MODEL_FSR_SL);
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, va + 0x1000);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_PAR) & MSM_MODEL_PAR_FAULT, 0u);
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PUW, va);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_PAR) & MSM_MODEL_PAR_FAULT, 0u);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_FSR), 0u);
	KUNIT_EXPECT_FALSE(test, msm_model_stalled(in->m, MX_MID));

	/* V2PCFG 1: the TLB only; a miss is a TLB-miss fault. */
	mt_cwr(in, MX_CTX, MSM_MODEL_ACTLR, MSM_MODEL_ACTLR_TLBMCFG_WALK |
	       MSM_MODEL_ACTLR_V2PCFG_TLB);
	mt_cwr(in, MX_CTX, MSM_MODEL_CTX_TLBIALL, 0);
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, va);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_PAR),
			MSM_MODEL_PAR_FAULT | MSM_MODEL_FSR_TLBMF);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);	/* refills */
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, va);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_PAR), p | MSM_MODEL_PAR_SH);
	/* V2PCFG 0: V2P writes are ignored. */
	mt_cwr(in, MX_CTX, MSM_MODEL_ACTLR, MSM_MODEL_ACTLR_TLBMCFG_WALK);
	mt_cwr(in, MX_CTX, MSM_MODEL_PAR, 0x5a5a0000);
	mt_cwr(in, MX_CTX, MSM_MODEL_V2PPR, va);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_PAR), 0x5a5a0000u);

	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.v2p, 10u);
	KUNIT_EXPECT_EQ(test, c.faults, 0u);
	KUNIT_EXPECT_EQ(test, c.stalls, 0u);
	KUNIT_EXPECT_EQ(test, c.irqs[0] + c.irqs[1], 0u);

	/* Mainline's probe: reset context 0, M on, V2PCFG 1, V2PPR 0: PAR != 0. */
	gfx = mt_get(test, MT_GFX);
	mt_cwr(gfx, 0, MSM_MODEL_SCTLR, mt_crd(gfx, 0, MSM_MODEL_SCTLR) | MSM_MODEL_SCTLR_M);
	mt_cwr(gfx, 0, MSM_MODEL_PAR, 0);
	mt_cwr(gfx, 0, MSM_MODEL_ACTLR, mt_crd(gfx, 0, MSM_MODEL_ACTLR) | 1u << 16);
	mt_cwr(gfx, 0, MSM_MODEL_V2PPR, 0);
	KUNIT_EXPECT_NE(test, mt_crd(gfx, 0, MSM_MODEL_PAR), 0u);
}

/* Two entries covering one address: a multi-hit fault. */
static void mx_multihit(struct kunit *test)
{
	struct msm_model_result r;
	struct mt_inst *in;
	struct mt_pt pt;
	u32 va = 0x90000000;

	in = mx_setup(test, &pt, 0);
	mt_map(test, &pt, va, 0x01000000, MSM_MODEL_4K, MTP_RW);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	/* Replaced by a section without invalidation; another VA walks it. */
	mt_map(test, &pt, va, 0x02000000, MSM_MODEL_1M, MTP_RW);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va + 0x80000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, 0x02080000ull);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_MHF);
	KUNIT_EXPECT_EQ(test, mt_crd(in, MX_CTX, MSM_MODEL_FSR), MSM_MODEL_FSR_MHF);
	mt_cwr(in, MX_CTX, MSM_MODEL_TLBIVA, va | 1);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, 0x02000000ull);
}

/* TTBCR.N splits the space between TTBR0 and TTBR1; PD0/PD1 stop walks. */
static void mx_ttbr_split(struct kunit *test)
{
	struct msm_model_result r;
	struct mt_inst *in;
	struct mt_pt pt0, pt1;

	in = mx_setup(test, &pt0, 0);
	mt_pt_init(test, &pt1);
	mt_map(test, &pt0, 0x10000000, 0x01000000, MSM_MODEL_1M, MTP_RW);
	mt_map(test, &pt0, 0x90000000, 0x03000000, MSM_MODEL_1M, MTP_RW);	/* decoy */
	mt_map(test, &pt1, 0x90000000, 0x02000000, MSM_MODEL_1M, MTP_RW);
	mt_cwr(in, MX_CTX, MSM_MODEL_TTBR1, pt1.l1_pa);

	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x90000000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, 0x03000000ull);	/* N = 0: all TTBR0 */
	mt_cwr(in, MX_CTX, MSM_MODEL_TTBCR, 1);
	mt_cwr(in, MX_CTX, MSM_MODEL_CTX_TLBIALL, 0);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x90000000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, 0x02000000ull);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x10000000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, 0x01000000ull);
	mt_cwr(in, MX_CTX, MSM_MODEL_TTBCR, 1 | MSM_MODEL_TTBCR_PD1);
	mt_cwr(in, MX_CTX, MSM_MODEL_CTX_TLBIALL, 0);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x10000000, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x90000000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_TF);
	mx_clear_fsr(in);
	mt_cwr(in, MX_CTX, MSM_MODEL_TTBCR, 1 | MSM_MODEL_TTBCR_PD0);
	mt_cwr(in, MX_CTX, MSM_MODEL_CTX_TLBIALL, 0);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x10000000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_TF);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0x90000000, 0, &r), MSM_MODEL_OK);
}

/* TLBMCFG other than 3: no walk; SCTLR.M clear: bypass. */
static void mx_no_walk_and_bypass(struct kunit *test)
{
	struct msm_model_counters c;
	struct msm_model_result r;
	struct mt_inst *in;
	struct page *data;
	struct mt_pt pt;
	u32 va = 0xa0000000, p;
	u8 b;

	in = mx_setup(test, &pt, 0);
	p = mt_data_page(test, &data, 0x44);
	mt_map(test, &pt, va, p, MSM_MODEL_4K, MTP_RW);
	mt_cwr(in, MX_CTX, MSM_MODEL_ACTLR, 0);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_TLBMF);
	mx_clear_fsr(in);
	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.table_walks, 0u);
	KUNIT_EXPECT_EQ(test, c.tlb_misses, 1u);

	mt_cwr(in, MX_CTX, MSM_MODEL_SCTLR, 0);
	KUNIT_EXPECT_EQ(test, msm_model_read(in->m, MX_MID, p + 3, &b, 1, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_TRUE(test, r.bypassed);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p + 3);
	KUNIT_EXPECT_EQ(test, b, ((u8 *)page_address(data))[3]);
	c = mt_counters(in);
	KUNIT_EXPECT_EQ(test, c.bypassed, 1u);
	KUNIT_EXPECT_EQ(test, c.tlb_misses, 1u);
}

/* Tables freed under the walker: seen, counted, never read. */
static void mx_freed_tables(struct kunit *test)
{
	struct msm_model_result r;
	struct mt_inst *in;
	struct mt_pt pt;
	u32 va = 0xb0003000;

	in = mx_setup(test, &pt, 0);
	mt_map(test, &pt, va, 0x01000000, MSM_MODEL_4K, MTP_RW);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);

	/* An L2 freed while the L1 still points at it. */
	mt_free_pages(pt.l2_page[0]);
	pt.l2_page[0] = NULL;
	mt_cwr(in, MX_CTX, MSM_MODEL_TLBIVA, va | 1);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_HTWSEEF | MSM_MODEL_FSR_SL);
	KUNIT_EXPECT_EQ(test, mt_counters(in).freed_reads, 1u);
	mx_clear_fsr(in);

	/* The L1 freed with TTBR0 still pointing at it. */
	mt_free_pages(pt.l1_page);
	pt.l1_page = NULL;
	KUNIT_EXPECT_EQ(test, mx_xlate(in, 0xc0000000, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_HTWSEEF);
	KUNIT_EXPECT_EQ(test, mt_counters(in).freed_reads, 2u);
}

/* An L2 from a 1 KB kmem_cache, as io-pgtable-arm-v7s allocates, freed. */
static void mx_freed_slab_table(struct kunit *test)
{
	struct msm_model_result r;
	struct kmem_cache *cache;
	struct mt_inst *in;
	struct mt_pt pt;
	u32 va = 0xb0105000, *l2;

	if (!IS_ENABLED(CONFIG_KASAN_GENERIC))
		kunit_skip(test, "freed slab tables are seen only with generic KASAN");
	in = mx_setup(test, &pt, 0);
	cache = kmem_cache_create("mx_l2", 1024, 1024, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, cache);
	l2 = kmem_cache_zalloc(cache, GFP_KERNEL);
	if (!l2) {
		kmem_cache_destroy(cache);
		KUNIT_FAIL(test, "no L2");
		return;
	}
	pt.l1[va >> 20] = virt_to_phys(l2) | 1;
	l2[(va >> 12) & 0xff] = 0x01000000 | 2 | mt_attr(MTP_RW) << 4;
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, 0x01000000ull);

	kmem_cache_free(cache, l2);
	mt_cwr(in, MX_CTX, MSM_MODEL_CTX_TLBIALL, 0);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, va, 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_HTWSEEF | MSM_MODEL_FSR_SL);
	KUNIT_EXPECT_EQ(test, mt_counters(in).freed_reads, 1u);
	kmem_cache_destroy(cache);
}

/* --------------------------------- tables of the kernel's own v7s code -- */

#ifdef CONFIG_IOMMU_IO_PGTABLE_ARMV7S
/* Flush callbacks as mainline's msm_iommu writes them. */
static void mx_flush_all(void *cookie)
{
	struct mt_inst *in = cookie;

	mt_cwr(in, MX_CTX, MSM_MODEL_CTX_TLBIALL, 0);
}

static void mx_flush_walk(unsigned long iova, size_t size, size_t granule, void *cookie)
{
	struct mt_inst *in = cookie;
	size_t done;

	for (done = 0; done < size; done += granule)
		mt_cwr(in, MX_CTX, MSM_MODEL_TLBIVA,
		       ((iova + done) & MSM_MODEL_VA_MASK) |
		       (mt_crd(in, MX_CTX, MSM_MODEL_CONTEXTIDR) & MSM_MODEL_ASID_MASK));
}

static void mx_flush_page(struct iommu_iotlb_gather *gather, unsigned long iova,
			  size_t granule, void *cookie)
{
	mx_flush_walk(iova, granule, granule, cookie);
}

static const struct iommu_flush_ops mx_flush_ops = {
	.tlb_flush_all = mx_flush_all,
	.tlb_flush_walk = mx_flush_walk,
	.tlb_add_page = mx_flush_page,
};

/*
 * The walker against io-pgtable-arm-v7s itself: every page size and
 * protection it produces, programmed as mainline programs a context.
 */
static void mx_kernel_v7s_tables(struct kunit *test)
{
	static const struct {
		u32 iova;
		size_t size;
		int page;
		int prot;
	} maps[] = {
		{ 0x10000000, SZ_4K, MSM_MODEL_4K, IOMMU_READ | IOMMU_WRITE },
		{ 0x10010000, SZ_64K, MSM_MODEL_64K, IOMMU_READ | IOMMU_WRITE | IOMMU_CACHE },
		{ 0x10100000, SZ_1M, MSM_MODEL_1M, IOMMU_READ },
		{ 0x11000000, SZ_16M, MSM_MODEL_16M, IOMMU_READ | IOMMU_WRITE | IOMMU_NOEXEC },
		{ 0x10001000, SZ_4K, MSM_MODEL_4K, IOMMU_READ | IOMMU_WRITE | IOMMU_MMIO },
		{ 0x10002000, SZ_4K, MSM_MODEL_4K, IOMMU_READ | IOMMU_WRITE | IOMMU_PRIV },
	};
	struct io_pgtable_cfg cfg = {
		.pgsize_bitmap = SZ_4K | SZ_64K | SZ_1M | SZ_16M,
		.ias = 32,
		.oas = 32,
		.coherent_walk = false,
		.tlb = &mx_flush_ops,
	};
	struct iommu_iotlb_gather gather;
	struct io_pgtable_ops *ops;
	struct msm_model_result r;
	struct mt_inst *in;
	struct page *data;
	unsigned int i;
	size_t mapped;
	u32 p;

	in = mt_get(test, MT_MDP);
	cfg.iommu_dev = msm_model_device(in->m);
	KUNIT_ASSERT_NOT_NULL(test, cfg.iommu_dev);
	p = mt_data_page(test, &data, 0x66);
	ops = alloc_io_pgtable_ops(ARM_V7S, &cfg, in);
	KUNIT_ASSERT_NOT_NULL(test, ops);
	for (i = 0; i < ARRAY_SIZE(maps); i++) {
		u32 pa = p & ~(u32)(maps[i].size - 1);

		KUNIT_EXPECT_EQ(test, ops->map_pages(ops, maps[i].iova, pa, maps[i].size, 1,
						     maps[i].prot, GFP_KERNEL, &mapped), 0);
	}
	mt_route(in, MX_MID, MX_CTX);
	mt_cwr(in, MX_CTX, MSM_MODEL_CONTEXTIDR, MX_CTX);
	mt_cwr(in, MX_CTX, MSM_MODEL_TTBCR, cfg.arm_v7s_cfg.tcr);
	mt_cwr(in, MX_CTX, MSM_MODEL_TTBR0, cfg.arm_v7s_cfg.ttbr);
	mt_cwr(in, MX_CTX, MSM_MODEL_PRRR, cfg.arm_v7s_cfg.prrr);
	mt_cwr(in, MX_CTX, MSM_MODEL_NMRR, cfg.arm_v7s_cfg.nmrr);
	mt_cwr(in, MX_CTX, MSM_MODEL_CTX_TLBIALL, 0);
	mt_cwr(in, MX_CTX, MSM_MODEL_ACTLR, MSM_MODEL_ACTLR_TLBMCFG_WALK |
	       MSM_MODEL_ACTLR_V2PCFG_WALK);
	mt_cwr(in, MX_CTX, MSM_MODEL_SCTLR, MSM_MODEL_SCTLR_M | MSM_MODEL_SCTLR_TRE |
	       MSM_MODEL_SCTLR_AFE);

	for (i = 0; i < ARRAY_SIZE(maps); i++) {
		u32 off = p & (maps[i].size - 1), va = maps[i].iova + off + 4;
		int prot = maps[i].prot;

		KUNIT_EXPECT_EQ_MSG(test, mx_xlate(in, va, 0, &r),
				    (prot & IOMMU_PRIV) ? MSM_MODEL_ERROR : MSM_MODEL_OK,
				    "map %u", i);
		mx_clear_fsr(in);
		KUNIT_EXPECT_EQ_MSG(test, mx_xlate(in, va, MSM_MODEL_ACC_PRIV, &r), MSM_MODEL_OK,
				    "map %u", i);
		KUNIT_EXPECT_EQ_MSG(test, r.phys, (u64)ops->iova_to_phys(ops, va), "map %u", i);
		KUNIT_EXPECT_EQ_MSG(test, r.phys, (u64)p + 4, "map %u", i);
		KUNIT_EXPECT_EQ_MSG(test, r.page, maps[i].page, "map %u", i);
		KUNIT_EXPECT_EQ_MSG(test, r.memtype,
				    (prot & IOMMU_MMIO) ? MSM_MODEL_MT_DEVICE : MSM_MODEL_MT_NORMAL,
				    "map %u", i);
		if (prot & IOMMU_CACHE)
			KUNIT_EXPECT_EQ(test, r.inner, MSM_MODEL_CACHE_WBWA);
		KUNIT_EXPECT_EQ_MSG(test, mx_xlate(in, va, MSM_MODEL_ACC_PRIV | MSM_MODEL_ACC_WRITE,
						   &r),
				    (prot & IOMMU_WRITE) ? MSM_MODEL_OK : MSM_MODEL_ERROR,
				    "map %u", i);
		mx_clear_fsr(in);
		KUNIT_EXPECT_EQ_MSG(test, mx_xlate(in, va, MSM_MODEL_ACC_PRIV | MSM_MODEL_ACC_INSTR,
						   &r),
				    (prot & IOMMU_NOEXEC) ? MSM_MODEL_ERROR : MSM_MODEL_OK,
				    "map %u", i);
		mx_clear_fsr(in);
	}

	/* Unmapping flushes through TLBIVA; the page then faults. */
	iommu_iotlb_gather_init(&gather);
	KUNIT_EXPECT_EQ(test, ops->unmap_pages(ops, maps[0].iova, SZ_4K, 1, &gather), SZ_4K);
	KUNIT_EXPECT_GT(test, mt_counters(in).tlbivas[MX_CTX], 0u);
	KUNIT_EXPECT_EQ(test, mx_xlate(in, maps[0].iova + (p & 0xfff), 0, &r), MSM_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fsr, MSM_MODEL_FSR_TF | MSM_MODEL_FSR_SL);
	mt_cwr(in, MX_CTX, MSM_MODEL_SCTLR, 0);
	free_io_pgtable_ops(ops);
}
#else
static void mx_kernel_v7s_tables(struct kunit *test)
{
	kunit_skip(test, "the kernel has no CONFIG_IOMMU_IO_PGTABLE_ARMV7S");
}
#endif

static struct kunit_case mt_xlate_cases[] = {
	KUNIT_CASE(mx_page_sizes),
	KUNIT_CASE(mx_bad_descriptors),
	KUNIT_CASE(mx_memory_types),
	KUNIT_CASE(mx_permissions),
	KUNIT_CASE(mx_tlb_asid_tagged),
	KUNIT_CASE(mx_tlbiall_scopes),
	KUNIT_CASE(mx_v2p_par),
	KUNIT_CASE(mx_multihit),
	KUNIT_CASE(mx_ttbr_split),
	KUNIT_CASE(mx_no_walk_and_bypass),
	KUNIT_CASE(mx_freed_tables),
	KUNIT_CASE(mx_freed_slab_table),
	KUNIT_CASE(mx_kernel_v7s_tables),
	{}
};

struct kunit_suite mt_xlate_suite = {
	.name = "socmmu_msm_model_xlate",
	.suite_init = mt_suite_init,
	.suite_exit = mt_suite_exit,
	.init = mt_case_init,
	.exit = mt_case_exit,
	.test_cases = mt_xlate_cases,
};
