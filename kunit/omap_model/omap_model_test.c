// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the OMAP IOMMU model, programming it the way a driver
 * would: ioremap(), readl() and writel() on its register windows, tables
 * built by hand in page-allocator memory, its IRQ through request_irq().
 * The bus-master API plays the device behind the MMU.
 *
 * A separate module from the model: 6.1 runs a module's suites before the
 * module's init, and the model must have scanned the DT first.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

#include "omap_model.h"

#define L1_ORDER	2	/* 16 KB */
#define OMT_MAX		16

static struct {
	void __iomem *base[OMT_MAX];
	void __iomem *syscon;
} omt;

/* --------------------------------------------------------- helpers -- */

static struct omap_model *omt_find(struct kunit *test, const char *name,
				   void __iomem **base)
{
	struct omap_model *m;
	unsigned int i;

	for (i = 0; (m = omap_model_get(i)); i++)
		if (m == omap_model_find(name))
			break;
	KUNIT_ASSERT_NOT_NULL_MSG(test, m, "no model instance %s", name);
	KUNIT_ASSERT_LT(test, i, OMT_MAX);
	KUNIT_ASSERT_TRUE(test, omt.base[i]);
	*base = omt.base[i];
	omap_model_set_power(m, true);
	omap_model_reset_counters(m);
	return m;
}

static u32 rd(void __iomem *base, u32 off)
{
	return readl(base + off);
}

static void wr(void __iomem *base, u32 off, u32 val)
{
	writel(val, base + off);
}

static u32 lock_val(unsigned int lbase, unsigned int vict)
{
	return lbase << OMAP_MODEL_LOCK_BASE_SHIFT |
	       vict << OMAP_MODEL_LOCK_VICT_SHIFT;
}

static u32 lock_vict(void __iomem *base)
{
	return (rd(base, OMAP_MODEL_LOCK) >> OMAP_MODEL_LOCK_VICT_SHIFT) &
	       OMAP_MODEL_LOCK_FIELD_MASK;
}

/* Load CAM/RAM into entry vict with LD_TLB. */
static void ld_tlb(void __iomem *base, unsigned int lbase, unsigned int vict,
		   u32 cam, u32 ram)
{
	wr(base, OMAP_MODEL_LOCK, lock_val(lbase, vict));
	wr(base, OMAP_MODEL_CAM, cam);
	wr(base, OMAP_MODEL_RAM, ram);
	wr(base, OMAP_MODEL_LD_TLB, 1);
}

/* A page table: an L1 (order 2), one L2 at the start of its own page. */
struct omt_pt {
	struct device *dev;
	struct page *l1_page, *l2_page;
	u32 *l1, *l2;
	u32 l1_pa, l2_pa;
	dma_addr_t l1_dma, l2_dma;
};

static void pt_init(struct kunit *test, struct omt_pt *pt, struct omap_model *m)
{
	memset(pt, 0, sizeof(*pt));
	pt->dev = omap_model_device(m);
	pt->l1_page = alloc_pages(GFP_KERNEL | __GFP_ZERO, L1_ORDER);
	pt->l2_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_TRUE(test, pt->l1_page && pt->l2_page);
	pt->l1 = page_address(pt->l1_page);
	pt->l2 = page_address(pt->l2_page);
	pt->l1_pa = page_to_phys(pt->l1_page);
	pt->l2_pa = page_to_phys(pt->l2_page);
	if (!pt->dev)
		return;
	/* Streaming DMA, as the driver does; dma == phys here (no IOMMU). */
	pt->l1_dma = dma_map_single(pt->dev, pt->l1, PAGE_SIZE << L1_ORDER,
				    DMA_TO_DEVICE);
	pt->l2_dma = dma_map_single(pt->dev, pt->l2, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(pt->dev, pt->l1_dma));
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(pt->dev, pt->l2_dma));
	KUNIT_EXPECT_EQ(test, (u64)pt->l1_dma, (u64)pt->l1_pa);
}

static void pt_sync(struct omt_pt *pt)
{
	if (!pt->dev)
		return;
	dma_sync_single_for_device(pt->dev, pt->l1_dma, PAGE_SIZE << L1_ORDER,
				   DMA_TO_DEVICE);
	dma_sync_single_for_device(pt->dev, pt->l2_dma, PAGE_SIZE,
				   DMA_TO_DEVICE);
}

static void pt_unmap(struct omt_pt *pt)
{
	if (!pt->dev)
		return;
	dma_unmap_single(pt->dev, pt->l1_dma, PAGE_SIZE << L1_ORDER,
			 DMA_TO_DEVICE);
	dma_unmap_single(pt->dev, pt->l2_dma, PAGE_SIZE, DMA_TO_DEVICE);
	pt->dev = NULL;
}

static void pt_fini(struct omt_pt *pt)
{
	pt_unmap(pt);
	if (pt->l1_page)
		__free_pages(pt->l1_page, L1_ORDER);
	if (pt->l2_page)
		__free_page(pt->l2_page);
	pt->l1_page = NULL;
	pt->l2_page = NULL;
}

/* Map a 4 KB page: L1[va>>20] -> L2, L2 entry -> pa. */
static void pt_small(struct omt_pt *pt, u32 va, u32 pa)
{
	pt->l1[va >> 20] = pt->l2_pa | 1;
	pt->l2[(va >> 12) & 0xff] = (pa & 0xfffff000) | 2;
	pt_sync(pt);
}

/* Turn on translation with table walking, as the driver's enable does. */
static void mmu_enable(void __iomem *base, struct omt_pt *pt, bool err_back)
{
	wr(base, OMAP_MODEL_TTB, pt->l1_pa);
	wr(base, OMAP_MODEL_GP_REG, err_back ? OMAP_MODEL_GP_BUS_ERR_BACK_EN : 0);
	wr(base, OMAP_MODEL_CNTL, OMAP_MODEL_CNTL_MMU_EN | OMAP_MODEL_CNTL_TWL_EN);
}

static void counters(struct omap_model *m, struct omap_model_counters *c)
{
	omap_model_counters(m, c);
}

/* A page of data with a pattern; returns its physical address. */
static u32 data_page(struct kunit *test, struct page **page, u8 seed)
{
	u8 *p;
	int i;

	*page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, *page);
	p = page_address(*page);
	for (i = 0; i < PAGE_SIZE; i++)
		p[i] = seed + i * 7;
	return page_to_phys(*page);
}

/* ------------------------------------------------------------ cases -- */

static void omt_reset_values(struct kunit *test)
{
	static const struct { const char *name; u32 rev; } revs[] = {
		{ "mmu_isp", OMAP_MODEL_REV_OMAP2 },
		{ "mmu_ipu", OMAP_MODEL_REV_OMAP4 },
		{ "mmu_dsp0", OMAP_MODEL_REV_DRA7 },
		{ "mmu_dsp1", OMAP_MODEL_REV_DRA7 },
	};
	static const u32 zero_regs[] = {
		OMAP_MODEL_SYSCONFIG, OMAP_MODEL_IRQSTATUS, OMAP_MODEL_IRQENABLE,
		OMAP_MODEL_CNTL, OMAP_MODEL_FAULT_AD, OMAP_MODEL_TTB,
		OMAP_MODEL_LOCK, OMAP_MODEL_CAM, OMAP_MODEL_RAM,
		OMAP_MODEL_READ_CAM, OMAP_MODEL_READ_RAM, OMAP_MODEL_GP_REG,
		OMAP_MODEL_WALKING_ST, OMAP_MODEL_EMU_FAULT_AD,
	};
	struct omap_model_counters c;
	struct omap_model *m;
	void __iomem *base;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(revs); i++) {
		m = omt_find(test, revs[i].name, &base);
		KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_REVISION), revs[i].rev);
	}

	m = omt_find(test, "mmu_ipu", &base);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_SYSSTATUS),
			OMAP_MODEL_SYSSTATUS_RESETDONE);
	for (i = 0; i < ARRAY_SIZE(zero_regs); i++)
		KUNIT_EXPECT_EQ_MSG(test, rd(base, zero_regs[i]), 0u,
				    "register 0x%x", zero_regs[i]);

	/* Writable fields read back; other bits are not implemented. */
	wr(base, OMAP_MODEL_CNTL, 0xffffffff);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_CNTL), 0xeu);
	wr(base, OMAP_MODEL_LOCK, 0xffffffff);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_LOCK), 0x7df0u);
	wr(base, OMAP_MODEL_IRQENABLE, 0xffffffff);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_IRQENABLE), 0x1fu);
	wr(base, OMAP_MODEL_GP_REG, 0xffffffff);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_GP_REG), 1u);
	wr(base, OMAP_MODEL_TTB, 0x12344000);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_TTB), 0x12344000u);
	wr(base, OMAP_MODEL_REVISION, 0);	/* read-only */
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_REVISION), OMAP_MODEL_REV_OMAP4);

	/* Soft reset: everything back to reset values, reset done. */
	wr(base, OMAP_MODEL_SYSCONFIG, OMAP_MODEL_SYSCONFIG_SOFTRESET);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_SYSSTATUS),
			OMAP_MODEL_SYSSTATUS_RESETDONE);
	for (i = 0; i < ARRAY_SIZE(zero_regs); i++)
		KUNIT_EXPECT_EQ_MSG(test, rd(base, zero_regs[i]), 0u,
				    "register 0x%x after soft reset", zero_regs[i]);

	counters(m, &c);
	KUNIT_EXPECT_EQ(test, c.reg_reads[OMAP_MODEL_SYSSTATUS / 4], 2u);
	KUNIT_EXPECT_EQ(test, c.reg_writes[OMAP_MODEL_CNTL / 4], 1u);
	KUNIT_EXPECT_EQ(test, c.reg_reads[OMAP_MODEL_CNTL / 4], 3u);
	KUNIT_EXPECT_EQ(test, c.bad_accesses, 0u);
	KUNIT_EXPECT_EQ(test, c.off_accesses, 0u);
}

static void omt_irqstatus_w1c(struct kunit *test)
{
	struct omap_model_result r;
	struct omap_model *m;
	void __iomem *base;
	struct omt_pt pt;

	m = omt_find(test, "mmu_ipu", &base);
	pt_init(test, &pt, m);
	mmu_enable(base, &pt, true);

	/* An empty L1: a translation fault. */
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, 0x12345678, &r),
			OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.irqstatus, OMAP_MODEL_IRQ_TRANSLATION);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_FAULT_AD), 0x12345678u);
	/* Walker off: a TLB miss. */
	wr(base, OMAP_MODEL_CNTL, OMAP_MODEL_CNTL_MMU_EN);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, 0x0badf000, &r),
			OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fault_addr, 0x0badf000u);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_FAULT_AD), 0x0badf000u);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_IRQSTATUS),
			OMAP_MODEL_IRQ_TRANSLATION | OMAP_MODEL_IRQ_TLBMISS);

	wr(base, OMAP_MODEL_IRQSTATUS, 0);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_IRQSTATUS), 0x3u);
	wr(base, OMAP_MODEL_IRQSTATUS, OMAP_MODEL_IRQ_TLBMISS);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_IRQSTATUS),
			OMAP_MODEL_IRQ_TRANSLATION);
	wr(base, OMAP_MODEL_IRQSTATUS, 0xffffffff);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_IRQSTATUS), 0u);

	pt_fini(&pt);
}

static void omt_page_sizes(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model_result r;
	struct page *data;
	struct omap_model *m;
	void __iomem *base;
	struct omt_pt pt;
	u8 buf[16], *cpu;
	u32 p, va, i;

	m = omt_find(test, "mmu_ipu", &base);
	pt_init(test, &pt, m);
	p = data_page(test, &data, 0x30);
	cpu = page_address(data);

	/* Section, 1 MB at va 0x00100000. */
	pt.l1[0x001] = (p & 0xfff00000) | 2;
	/* Supersection, 16 MB at va 0x10000000: 16 replicas. */
	for (i = 0; i < 16; i++)
		pt.l1[0x100 + i] = (p & 0xff000000) | BIT(18) | 2;
	/* Large page, 64 KB at va 0x20000000 (16 replicas), small at 0x20010000. */
	pt.l1[0x200] = pt.l2_pa | 1;
	for (i = 0; i < 16; i++)
		pt.l2[i] = (p & 0xffff0000) | 1;
	pt.l2[16] = (p & 0xfffff000) | 2;
	/* Malformed L1 (type 3) at va 0x30000000; empty L2 slot at 0x20011000. */
	pt.l1[0x300] = 0x3;
	pt_sync(&pt);
	mmu_enable(base, &pt, true);

	{
		static const u32 va_base[] = {
			0x00100000, 0x10000000, 0x20000000, 0x20010000,
		};
		static const u32 off_mask[] = {
			0x000fffff, 0x00ffffff, 0x0000ffff, 0x00000fff,
		};

		for (i = 0; i < ARRAY_SIZE(va_base); i++) {
			va = va_base[i] + (p & off_mask[i]) + 8;
			omap_model_reset_counters(m);
			memset(buf, 0, sizeof(buf));
			KUNIT_EXPECT_EQ_MSG(test, omap_model_read(m, va, buf, 16, &r),
					    OMAP_MODEL_OK, "size %u", i);
			KUNIT_EXPECT_EQ_MSG(test, r.phys, (u64)p + 8, "size %u", i);
			KUNIT_EXPECT_EQ_MSG(test, memcmp(buf, cpu + 8, 16), 0,
					    "size %u", i);
			/* Writes land in the page too; the second access hits. */
			buf[0] = 0xa0 + i;
			KUNIT_EXPECT_EQ(test, omap_model_write(m, va, buf, 1, &r),
					OMAP_MODEL_OK);
			KUNIT_EXPECT_EQ(test, cpu[8], (u8)(0xa0 + i));
			counters(m, &c);
			KUNIT_EXPECT_EQ_MSG(test, c.table_walks, 1u, "size %u", i);
			KUNIT_EXPECT_EQ_MSG(test, c.tlb_misses, 1u, "size %u", i);
			KUNIT_EXPECT_EQ_MSG(test, c.tlb_hits, 1u, "size %u", i);
		}
	}

	/* The refilled entries carry each size. */
	for (i = 0; i < 4; i++) {
		static const u32 sizes[] = {
			OMAP_MODEL_CAM_SIZE_1M, OMAP_MODEL_CAM_SIZE_16M,
			OMAP_MODEL_CAM_SIZE_64K, OMAP_MODEL_CAM_SIZE_4K,
		};

		wr(base, OMAP_MODEL_LOCK, lock_val(0, i));
		KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_READ_CAM) & 0xf,
				OMAP_MODEL_CAM_VALID | sizes[i]);
	}

	KUNIT_EXPECT_EQ(test, omap_model_translate(m, 0x30000000, &r),
			OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.irqstatus, OMAP_MODEL_IRQ_TABLEWALK);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, 0x20011000, &r),
			OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.irqstatus, OMAP_MODEL_IRQ_TRANSLATION);

	pt_fini(&pt);
	__free_page(data);
}

static void omt_tlb_caches_until_flush(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model_result r;
	struct page *d1, *d2;
	struct omap_model *m;
	void __iomem *base;
	struct omt_pt pt;
	u32 p1, p2, va = 0x40005000;

	m = omt_find(test, "mmu_ipu", &base);
	pt_init(test, &pt, m);
	p1 = data_page(test, &d1, 1);
	p2 = data_page(test, &d2, 2);
	pt_small(&pt, va, p1);
	mmu_enable(base, &pt, true);

	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p1);

	/* A changed PTE without a flush: the TLB still answers. */
	pt_small(&pt, va, p2);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p1);

	/* GFLUSH: the new translation. */
	wr(base, OMAP_MODEL_GFLUSH, 1);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p2);

	/* FLUSH_ENTRY with a CAM of another VA keeps it; with this VA drops it. */
	pt_small(&pt, va, p1);
	wr(base, OMAP_MODEL_CAM, (va + 0x1000) | OMAP_MODEL_CAM_SIZE_4K);
	wr(base, OMAP_MODEL_FLUSH_ENTRY, 1);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p2);
	wr(base, OMAP_MODEL_CAM, va | OMAP_MODEL_CAM_SIZE_4K);
	wr(base, OMAP_MODEL_FLUSH_ENTRY, 1);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p1);

	counters(m, &c);
	KUNIT_EXPECT_EQ(test, c.gflushes, 1u);
	KUNIT_EXPECT_EQ(test, c.flush_entries, 2u);
	KUNIT_EXPECT_EQ(test, c.table_walks, 3u);
	KUNIT_EXPECT_EQ(test, c.tlb_hits, 2u);

	pt_fini(&pt);
	__free_page(d1);
	__free_page(d2);
}

static void omt_preload_and_preserve(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model_result r;
	struct omap_model *m;
	void __iomem *base;
	u32 va0 = 0x50000000, va1 = 0x50100000, pa0 = 0x01000000;

	m = omt_find(test, "mmu_ipu", &base);
	wr(base, OMAP_MODEL_GP_REG, OMAP_MODEL_GP_BUS_ERR_BACK_EN);
	wr(base, OMAP_MODEL_CNTL, OMAP_MODEL_CNTL_MMU_EN);	/* no walker */

	/* Entry 0 preserved, entry 1 not; then lock entry 0 (BASE = 1). */
	ld_tlb(base, 0, 0, va0 | OMAP_MODEL_CAM_PRESERVED | OMAP_MODEL_CAM_VALID |
	       OMAP_MODEL_CAM_SIZE_1M, pa0);
	ld_tlb(base, 0, 1, va1 | OMAP_MODEL_CAM_VALID | OMAP_MODEL_CAM_SIZE_4K,
	       0x02345000);
	/* LD_TLB leaves VICT where it was. */
	KUNIT_EXPECT_EQ(test, lock_vict(base), 1u);
	wr(base, OMAP_MODEL_LOCK, lock_val(1, 1));

	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va0 + 0x1234, &r),
			OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)pa0 + 0x1234);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va1 + 0x10, &r),
			OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, 0x02345010ull);
	/* Outside the 4 KB entry: a TLB miss, walker off. */
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va1 + 0x1000, &r),
			OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.irqstatus, OMAP_MODEL_IRQ_TLBMISS);
	wr(base, OMAP_MODEL_IRQSTATUS, OMAP_MODEL_IRQ_MASK);

	/* READ_CAM/READ_RAM read the entry at VICT. */
	wr(base, OMAP_MODEL_LOCK, lock_val(1, 0));
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_READ_CAM),
			va0 | OMAP_MODEL_CAM_PRESERVED | OMAP_MODEL_CAM_VALID |
			OMAP_MODEL_CAM_SIZE_1M);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_READ_RAM), pa0);

	/* GFLUSH drops the unpreserved entry only. */
	wr(base, OMAP_MODEL_GFLUSH, 1);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va0, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va1, &r), OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.irqstatus, OMAP_MODEL_IRQ_TLBMISS);
	wr(base, OMAP_MODEL_IRQSTATUS, OMAP_MODEL_IRQ_MASK);
	wr(base, OMAP_MODEL_LOCK, lock_val(1, 0));
	KUNIT_EXPECT_NE(test, rd(base, OMAP_MODEL_READ_CAM) & OMAP_MODEL_CAM_VALID, 0u);
	wr(base, OMAP_MODEL_LOCK, lock_val(1, 1));
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_READ_CAM), 0u);

	/* With LOCK zeroed (mainline's flush_iotlb_all), GFLUSH drops it too. */
	wr(base, OMAP_MODEL_LOCK, 0);
	wr(base, OMAP_MODEL_GFLUSH, 1);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va0, &r), OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_READ_CAM), 0u);

	counters(m, &c);
	KUNIT_EXPECT_EQ(test, c.table_walks, 0u);
	KUNIT_EXPECT_EQ(test, c.reg_writes[OMAP_MODEL_LD_TLB / 4], 2u);
}

static void omt_multihit(struct kunit *test)
{
	struct omap_model_result r;
	struct omap_model *m;
	void __iomem *base;

	m = omt_find(test, "mmu_ipu", &base);
	wr(base, OMAP_MODEL_GP_REG, OMAP_MODEL_GP_BUS_ERR_BACK_EN);
	wr(base, OMAP_MODEL_CNTL, OMAP_MODEL_CNTL_MMU_EN);
	ld_tlb(base, 0, 0, 0x60000000 | OMAP_MODEL_CAM_VALID |
	       OMAP_MODEL_CAM_SIZE_1M, 0x01000000);
	ld_tlb(base, 0, 1, 0x60003000 | OMAP_MODEL_CAM_VALID |
	       OMAP_MODEL_CAM_SIZE_4K, 0x02000000);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, 0x60003000, &r),
			OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.irqstatus, OMAP_MODEL_IRQ_MULTIHIT);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_IRQSTATUS),
			OMAP_MODEL_IRQ_MULTIHIT);
	/* Only one entry covers 0x60004000. */
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, 0x60004000, &r),
			OMAP_MODEL_OK);
}

static void omt_victim_round_robin(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model_result r;
	struct omap_model *m;
	void __iomem *base;
	struct omt_pt pt;
	unsigned int i, n;
	u32 va = 0x70000000;

	m = omt_find(test, "mmu_isp", &base);
	n = omap_model_tlb_entries(m);
	KUNIT_ASSERT_EQ(test, n, 8u);
	pt_init(test, &pt, m);
	for (i = 0; i < n + 1; i++)
		pt_small(&pt, va + i * 0x1000, 0x01000000 + i * 0x1000);
	mmu_enable(base, &pt, false);

	/* Two locked entries, VICT below BASE: refills start at BASE. */
	ld_tlb(base, 0, 0, 0x7f000000 | OMAP_MODEL_CAM_VALID |
	       OMAP_MODEL_CAM_PRESERVED | OMAP_MODEL_CAM_SIZE_4K, 0x03000000);
	ld_tlb(base, 0, 1, 0x7f001000 | OMAP_MODEL_CAM_VALID |
	       OMAP_MODEL_CAM_PRESERVED | OMAP_MODEL_CAM_SIZE_4K, 0x03001000);
	wr(base, OMAP_MODEL_LOCK, lock_val(2, 0));

	for (i = 0; i < n - 2; i++) {
		KUNIT_EXPECT_EQ(test, omap_model_translate(m, va + i * 0x1000, &r),
				OMAP_MODEL_OK);
		KUNIT_EXPECT_EQ_MSG(test, lock_vict(base),
				    i + 3 < n ? i + 3 : 2u, "refill %u", i);
	}
	/* The seventh refill wraps to entry 2 and evicts the first page. */
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va + (n - 2) * 0x1000, &r),
			OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, lock_vict(base), 3u);
	wr(base, OMAP_MODEL_LOCK, lock_val(2, 2));
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_READ_CAM) & 0xfffff000,
			va + (n - 2) * 0x1000);
	/* The locked entries were never replaced. */
	wr(base, OMAP_MODEL_LOCK, lock_val(2, 0));
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_READ_CAM) & 0xfffff000,
			0x7f000000u);
	wr(base, OMAP_MODEL_LOCK, lock_val(2, 1));
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_READ_CAM) & 0xfffff000,
			0x7f001000u);

	omap_model_reset_counters(m);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va + 0x1000, &r),
			OMAP_MODEL_OK);	/* still cached */
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r),
			OMAP_MODEL_OK);	/* evicted: walked again */
	counters(m, &c);
	KUNIT_EXPECT_EQ(test, c.tlb_hits, 1u);
	KUNIT_EXPECT_EQ(test, c.table_walks, 1u);

	pt_fini(&pt);
}

static struct {
	struct completion done;
	u32 status, fault_ad;
	void __iomem *base;
	bool hardirq;
	int calls;
} omt_irq;

static irqreturn_t omt_irq_handler(int irq, void *data)
{
	u32 status = readl(omt_irq.base + OMAP_MODEL_IRQSTATUS) &
		     OMAP_MODEL_IRQ_MASK;

	if (!status)
		return IRQ_NONE;
	omt_irq.status = status;
	omt_irq.fault_ad = readl(omt_irq.base + OMAP_MODEL_FAULT_AD);
	omt_irq.hardirq = in_hardirq();
	omt_irq.calls++;
	writel(status, omt_irq.base + OMAP_MODEL_IRQSTATUS);
	complete(&omt_irq.done);
	return IRQ_HANDLED;
}

static void omt_fault_interrupt(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model_result r;
	struct omap_model *m;
	void __iomem *base;
	struct omt_pt pt;
	int irq;

	m = omt_find(test, "mmu_ipu", &base);
	irq = omap_model_irq(m);
	KUNIT_ASSERT_GT(test, irq, 0);
	memset(&omt_irq, 0, sizeof(omt_irq));
	init_completion(&omt_irq.done);
	omt_irq.base = base;
	KUNIT_ASSERT_EQ(test, request_irq(irq, omt_irq_handler, 0,
					  "omap-model-test", &omt_irq), 0);

	pt_init(test, &pt, m);
	mmu_enable(base, &pt, true);
	wr(base, OMAP_MODEL_IRQENABLE, 0x1e);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, 0x00abc000, &r),
			OMAP_MODEL_ERROR);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&omt_irq.done, HZ) > 0);
	KUNIT_EXPECT_EQ(test, omt_irq.status, OMAP_MODEL_IRQ_TRANSLATION);
	KUNIT_EXPECT_EQ(test, omt_irq.fault_ad, 0x00abc000u);
	KUNIT_EXPECT_TRUE(test, omt_irq.hardirq);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_IRQSTATUS), 0u);

	/* Masked in IRQENABLE: the status is set but no interrupt. */
	reinit_completion(&omt_irq.done);
	wr(base, OMAP_MODEL_IRQENABLE, 0);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, 0x00abd000, &r),
			OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&omt_irq.done, HZ / 10), 0ul);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_IRQSTATUS),
			OMAP_MODEL_IRQ_TRANSLATION);
	/* Enabling it with the status pending: the level interrupt fires. */
	wr(base, OMAP_MODEL_IRQENABLE, 0x1e);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&omt_irq.done, HZ) > 0);
	KUNIT_EXPECT_EQ(test, omt_irq.fault_ad, 0x00abd000u);
	KUNIT_EXPECT_EQ(test, omt_irq.calls, 2);

	free_irq(irq, &omt_irq);
	counters(m, &c);
	KUNIT_EXPECT_EQ(test, c.faults, 2u);
	KUNIT_EXPECT_EQ(test, c.irqs, 2u);
	pt_fini(&pt);
}

static void omt_bus_err_back_or_stall(struct kunit *test)
{
	struct omap_model_result r;
	struct page *data;
	struct omap_model *m;
	void __iomem *base;
	struct omt_pt pt;
	u32 p, va = 0x80001000;
	u8 b;

	/* IPU: DT property and GP_REG bit: an error back, the bus goes on. */
	m = omt_find(test, "mmu_ipu", &base);
	pt_init(test, &pt, m);
	mmu_enable(base, &pt, true);
	KUNIT_EXPECT_EQ(test, omap_model_read(m, va, &b, 1, &r), OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fault_addr, va);
	KUNIT_EXPECT_FALSE(test, omap_model_stalled(m));
	KUNIT_EXPECT_EQ(test, omap_model_read(m, va + 0x1000, &b, 1, &r),
			OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.fault_addr, va + 0x1000);
	wr(base, OMAP_MODEL_IRQSTATUS, OMAP_MODEL_IRQ_MASK);

	/* IPU without GP_REG: the transfer stalls until the status clears. */
	wr(base, OMAP_MODEL_GP_REG, 0);
	KUNIT_EXPECT_EQ(test, omap_model_read(m, va, &b, 1, &r),
			OMAP_MODEL_STALLED);
	KUNIT_EXPECT_TRUE(test, omap_model_stalled(m));
	p = data_page(test, &data, 0x55);
	pt_small(&pt, va, p);
	/* Mapped now, but still stalled: nothing moves until IRQSTATUS clears. */
	KUNIT_EXPECT_EQ(test, omap_model_read(m, va, &b, 1, &r),
			OMAP_MODEL_STALLED);
	KUNIT_EXPECT_EQ(test, r.fault_addr, va);
	wr(base, OMAP_MODEL_IRQSTATUS, OMAP_MODEL_IRQ_TRANSLATION);
	KUNIT_EXPECT_FALSE(test, omap_model_stalled(m));
	KUNIT_EXPECT_EQ(test, omap_model_read(m, va, &b, 1, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, b, *(u8 *)page_address(data));
	pt_fini(&pt);

	/* ISP: no ti,iommu-bus-err-back, so GP_REG alone does not help. */
	m = omt_find(test, "mmu_isp", &base);
	pt_init(test, &pt, m);
	mmu_enable(base, &pt, true);
	KUNIT_EXPECT_EQ(test, omap_model_read(m, va, &b, 1, &r),
			OMAP_MODEL_STALLED);
	wr(base, OMAP_MODEL_IRQSTATUS, OMAP_MODEL_IRQ_MASK);
	KUNIT_EXPECT_FALSE(test, omap_model_stalled(m));
	pt_fini(&pt);
	__free_page(data);
}

static void omt_power_off_loses_state(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model_result r;
	struct omap_model *m;
	void __iomem *base;
	u32 va = 0x90000000;

	m = omt_find(test, "mmu_ipu", &base);
	wr(base, OMAP_MODEL_GP_REG, 1);
	wr(base, OMAP_MODEL_IRQENABLE, 0x1e);
	wr(base, OMAP_MODEL_TTB, 0x00404000);
	wr(base, OMAP_MODEL_CNTL, OMAP_MODEL_CNTL_MMU_EN);
	ld_tlb(base, 0, 0, va | OMAP_MODEL_CAM_VALID | OMAP_MODEL_CAM_PRESERVED |
	       OMAP_MODEL_CAM_SIZE_1M, 0x01000000);
	wr(base, OMAP_MODEL_LOCK, lock_val(1, 1));
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_OK);

	omap_model_set_power(m, false);
	KUNIT_EXPECT_FALSE(test, omap_model_powered(m));
	/* Off: registers read 0 and the access is counted. */
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_REVISION), 0u);
	wr(base, OMAP_MODEL_CNTL, OMAP_MODEL_CNTL_MMU_EN);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_ERROR);

	omap_model_set_power(m, true);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_REVISION), OMAP_MODEL_REV_OMAP4);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_GP_REG), 0u);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_IRQENABLE), 0u);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_TTB), 0u);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_CNTL), 0u);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_LOCK), 0u);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_READ_CAM), 0u);
	/* The preserved entry is gone too. */
	wr(base, OMAP_MODEL_GP_REG, 1);
	wr(base, OMAP_MODEL_CNTL, OMAP_MODEL_CNTL_MMU_EN);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.irqstatus, OMAP_MODEL_IRQ_TLBMISS);

	counters(m, &c);
	KUNIT_EXPECT_EQ(test, c.power_offs, 1u);
	KUNIT_EXPECT_EQ(test, c.power_ons, 1u);
	KUNIT_EXPECT_EQ(test, c.off_accesses, 2u);
}

/* The PM domain: runtime PM of the MMU's device powers the model. */
static void omt_runtime_pm_powers_model(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model *m;
	void __iomem *base;
	struct device *dev;

	m = omt_find(test, "mmu_isp", &base);
	dev = omap_model_device(m);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	if (dev->driver)
		kunit_skip(test, "a driver owns %s", dev_name(dev));
	omap_model_set_power(m, false);
	omap_model_reset_counters(m);

	pm_runtime_enable(dev);
	KUNIT_EXPECT_GE(test, pm_runtime_get_sync(dev), 0);
	KUNIT_EXPECT_TRUE(test, omap_model_powered(m));
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_REVISION), OMAP_MODEL_REV_OMAP2);
	wr(base, OMAP_MODEL_CNTL, OMAP_MODEL_CNTL_MMU_EN);
	KUNIT_EXPECT_EQ(test, pm_runtime_put_sync(dev), 0);
	KUNIT_EXPECT_FALSE(test, omap_model_powered(m));
	KUNIT_EXPECT_GE(test, pm_runtime_get_sync(dev), 0);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_CNTL), 0u);
	pm_runtime_put_sync(dev);
	pm_runtime_disable(dev);

	counters(m, &c);
	KUNIT_EXPECT_EQ(test, c.power_ons, 2u);
	KUNIT_EXPECT_EQ(test, c.power_offs, 2u);
	KUNIT_EXPECT_EQ(test, c.off_accesses, 0u);
}

static void omt_dra7_syscon_enable(struct kunit *test)
{
	struct omap_model *m0, *m1;
	struct omap_model_result r;
	void __iomem *b0, *b1, *sc = omt.syscon;
	struct omt_pt pt;
	u32 va = 0xa0000000, p = 0x01230000;

	KUNIT_ASSERT_TRUE(test, sc);
	m0 = omt_find(test, "mmu_dsp0", &b0);
	m1 = omt_find(test, "mmu_dsp1", &b1);
	pt_init(test, &pt, m0);
	pt_small(&pt, va, p);
	mmu_enable(b0, &pt, false);
	mmu_enable(b1, &pt, false);

	/* MMU_CONFIG clear: both bypassed even with CNTL.MMU_EN. */
	writel(0, sc + OMAP_MODEL_MMU_CONFIG);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m0, va, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)va);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m1, va, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)va);

	/* Bit 0 enables instance 0 only. */
	writel(BIT(0), sc + OMAP_MODEL_MMU_CONFIG);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m0, va, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m1, va, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)va);

	/* Bit 4 enables instance 1. */
	writel(BIT(0) | BIT(4), sc + OMAP_MODEL_MMU_CONFIG);
	KUNIT_EXPECT_EQ(test, readl(sc + OMAP_MODEL_MMU_CONFIG), 0x11u);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m1, va, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, (u64)p);
	writel(0, sc + OMAP_MODEL_MMU_CONFIG);
	pt_fini(&pt);
}

static void omt_freed_table_counted(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model_result r;
	struct omap_model *m;
	void __iomem *base;
	struct omt_pt pt;
	u32 va = 0xb0003000;

	m = omt_find(test, "mmu_ipu", &base);
	pt_init(test, &pt, m);
	pt_small(&pt, va, 0x01000000);
	mmu_enable(base, &pt, true);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_OK);

	/* An L2 freed while the L1 still points at it, as mainline can do. */
	pt_unmap(&pt);
	__free_page(pt.l2_page);
	pt.l2_page = NULL;
	wr(base, OMAP_MODEL_GFLUSH, 1);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.irqstatus, OMAP_MODEL_IRQ_TABLEWALK);
	counters(m, &c);
	KUNIT_EXPECT_EQ(test, c.freed_reads, 1u);
	wr(base, OMAP_MODEL_IRQSTATUS, OMAP_MODEL_IRQ_MASK);

	/* The L1 itself freed with TTB still pointing at it. */
	__free_pages(pt.l1_page, L1_ORDER);
	pt.l1_page = NULL;
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, 0xc0000000, &r),
			OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.irqstatus, OMAP_MODEL_IRQ_TABLEWALK);
	counters(m, &c);
	KUNIT_EXPECT_EQ(test, c.freed_reads, 2u);
	KUNIT_EXPECT_EQ(test, c.table_walks, 3u);
}

/*
 * An L2 from a 1 KB kmem_cache, as the engine may allocate, freed under
 * the walker: seen through KASAN's shadow, without a KASAN report.
 */
static void omt_freed_slab_table_counted(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model_result r;
	struct kmem_cache *cache;
	struct omap_model *m;
	void __iomem *base;
	struct omt_pt pt;
	u32 va = 0xb0105000, *l2;

	if (!IS_ENABLED(CONFIG_KASAN_GENERIC))
		kunit_skip(test, "freed slab tables are seen only with generic KASAN");
	m = omt_find(test, "mmu_ipu", &base);
	cache = kmem_cache_create("omt_l2", 1024, 1024, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, cache);
	l2 = kmem_cache_zalloc(cache, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, l2);
	pt_init(test, &pt, m);
	pt.l1[va >> 20] = virt_to_phys(l2) | 1;
	l2[(va >> 12) & 0xff] = 0x01000000 | 2;
	pt_sync(&pt);
	mmu_enable(base, &pt, true);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_OK);
	KUNIT_EXPECT_EQ(test, r.phys, 0x01000000ull);

	kmem_cache_free(cache, l2);
	wr(base, OMAP_MODEL_GFLUSH, 1);
	KUNIT_EXPECT_EQ(test, omap_model_translate(m, va, &r), OMAP_MODEL_ERROR);
	KUNIT_EXPECT_EQ(test, r.irqstatus, OMAP_MODEL_IRQ_TABLEWALK);
	counters(m, &c);
	KUNIT_EXPECT_EQ(test, c.freed_reads, 1u);

	pt_fini(&pt);
	kmem_cache_destroy(cache);
}

static void omt_bad_accesses_counted(struct kunit *test)
{
	struct omap_model_counters c;
	struct omap_model *m;
	void __iomem *base;

	m = omt_find(test, "mmu_isp", &base);
	wr(base, OMAP_MODEL_TTB, 0x00404000);
	KUNIT_EXPECT_EQ(test, readb(base + OMAP_MODEL_TTB), 0xffu);
	KUNIT_EXPECT_EQ(test, readw(base + OMAP_MODEL_TTB), 0xffffu);
	writeb(0, base + OMAP_MODEL_TTB);
	writew(0, base + OMAP_MODEL_TTB);
	KUNIT_EXPECT_EQ(test, readl(base + OMAP_MODEL_TTB + 2), 0xffffffffu);
	KUNIT_EXPECT_EQ(test, rd(base, OMAP_MODEL_TTB), 0x00404000u);
	counters(m, &c);
	KUNIT_EXPECT_EQ(test, c.bad_accesses, 5u);
	KUNIT_EXPECT_EQ(test, c.reg_writes[OMAP_MODEL_TTB / 4], 1u);
	KUNIT_EXPECT_EQ(test, c.reg_reads[OMAP_MODEL_TTB / 4], 1u);

	KUNIT_ASSERT_TRUE(test, omt.syscon);
	writeb(1, omt.syscon + OMAP_MODEL_MMU_CONFIG);
	KUNIT_EXPECT_EQ(test, omap_model_syscon_bad_accesses(), 1u);
	KUNIT_EXPECT_EQ(test, readl(omt.syscon + OMAP_MODEL_MMU_CONFIG), 0u);
}

static void omt_lookup(struct kunit *test)
{
	struct omap_model *m = omap_model_find("mmu_isp");

	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_PTR_EQ(test, omap_model_find("/mmu@d1000000"), m);
	KUNIT_EXPECT_PTR_EQ(test, omap_model_find("mmu@d1000000"), m);
	KUNIT_EXPECT_EQ(test, omap_model_phys_base(m), 0xd1000000ull);
	KUNIT_EXPECT_EQ(test, omap_model_tlb_entries(omap_model_find("mmu_ipu")), 32u);
	KUNIT_EXPECT_EQ(test, omap_model_phys_base(omap_model_find("mmu_dsp1")),
			0xd1021000ull);
	KUNIT_EXPECT_EQ(test, omap_model_syscon_phys(), 0xd1030000ull);
	KUNIT_EXPECT_GT(test, omap_model_irq(m), 0);
	KUNIT_EXPECT_NE(test, omap_model_irq(m), omap_model_irq(omap_model_find("mmu_ipu")));
	KUNIT_EXPECT_NOT_NULL(test, omap_model_device(m));
	KUNIT_EXPECT_NULL(test, omap_model_find("mmu_nope"));
}

/* ---------------------------------------------------------- the suite -- */

static int omt_suite_init(struct kunit_suite *suite)
{
	struct omap_model *m;
	unsigned int i;

	for (i = 0; i < OMT_MAX && (m = omap_model_get(i)); i++)
		omt.base[i] = ioremap(omap_model_phys_base(m), OMAP_MODEL_WINDOW);
	if (omap_model_syscon_phys())
		omt.syscon = ioremap(omap_model_syscon_phys(), OMAP_MODEL_WINDOW);
	return 0;
}

static void omt_suite_exit(struct kunit_suite *suite)
{
	unsigned int i;

	for (i = 0; i < OMT_MAX; i++) {
		if (omt.base[i])
			iounmap(omt.base[i]);
		omt.base[i] = NULL;
	}
	if (omt.syscon)
		iounmap(omt.syscon);
	omt.syscon = NULL;
}

/* Every case starts and ends with every instance off, hence reset. */
static void omt_all_off(void)
{
	struct omap_model *m;
	unsigned int i;

	for (i = 0; (m = omap_model_get(i)); i++) {
		omap_model_set_power(m, false);
		omap_model_reset_counters(m);
	}
	if (omt.syscon)
		writel(0, omt.syscon + OMAP_MODEL_MMU_CONFIG);
}

static int omt_init(struct kunit *test)
{
	/*
	 * make check always boots with the test device tree: a missing MMU
	 * means the bench is broken, which must fail, not skip.
	 */
	if (!omap_model_get(0)) {
		KUNIT_FAIL(test, "no OMAP MMU in the device tree (boot with dtb=)");
		return -ENODEV;
	}
	omt_all_off();
	return 0;
}

static void omt_exit(struct kunit *test)
{
	omt_all_off();
}

static struct kunit_case omap_model_cases[] = {
	KUNIT_CASE(omt_lookup),
	KUNIT_CASE(omt_reset_values),
	KUNIT_CASE(omt_irqstatus_w1c),
	KUNIT_CASE(omt_page_sizes),
	KUNIT_CASE(omt_tlb_caches_until_flush),
	KUNIT_CASE(omt_preload_and_preserve),
	KUNIT_CASE(omt_multihit),
	KUNIT_CASE(omt_victim_round_robin),
	KUNIT_CASE(omt_fault_interrupt),
	KUNIT_CASE(omt_bus_err_back_or_stall),
	KUNIT_CASE(omt_power_off_loses_state),
	KUNIT_CASE(omt_runtime_pm_powers_model),
	KUNIT_CASE(omt_dra7_syscon_enable),
	KUNIT_CASE(omt_freed_table_counted),
	KUNIT_CASE(omt_freed_slab_table_counted),
	KUNIT_CASE(omt_bad_accesses_counted),
	{}
};

static struct kunit_suite omap_model_suite = {
	.name = "socmmu_omap_model",
	.suite_init = omt_suite_init,
	.suite_exit = omt_suite_exit,
	.init = omt_init,
	.exit = omt_exit,
	.test_cases = omap_model_cases,
};

kunit_test_suites(&omap_model_suite);

MODULE_DESCRIPTION("KUnit suite for the socmmu OMAP IOMMU model");
MODULE_LICENSE("GPL");
