// SPDX-License-Identifier: GPL-2.0
/*
 * The Exynos SYSMMU model's walker, TLB and FLPD cache, on every variant:
 * page sizes, 36-bit physical addresses, what each flush drops (and what
 * it keeps), the zero-L2 link and the FLPD cache, freed tables.
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "exynos_model_test.h"

/* Physical addresses the translations name; no data moves to them. */
#define PA_A	0x01200000ull
#define PA_B	0x03400000ull

static bool ext_has_range(const struct ext *e)
{
	return e->major >= 5;
}

static bool ext_has_flpd(const struct ext *e)
{
	return e->major > 3 || (e->major == 3 && e->minor >= 3);
}

/* 4 KiB, 64 KiB and 1 MiB, each walked once and then hit in the TLB. */
void ext_page_sizes(struct kunit *test)
{
	unsigned int v;

	for (v = 0; v < ext_nr_variants; v++) {
		struct ext *e = ext_open(test, ext_variants[v]);
		u32 small = 0x10003000, large = 0x20040000, sect = 0x30000000;
		struct exynos_model_counters c;
		u64 data = ext_data_page(test, v);
		u8 buf[16];

		ext_map_small(e, 0, small, data, EXT_PROT_RW);
		ext_map_large(e, 1, large, 0x05670000, EXT_PROT_RW);
		ext_map_section(e, sect, 0x08900000, EXT_PROT_RW);
		ext_enable(e);

		KUNIT_EXPECT_EQ_MSG(test, ext_phys(e, small + 0x10), data + 0x10, "%s",
				    ext_variants[v]);
		KUNIT_EXPECT_EQ(test, ext_phys(e, large + 0x1234), 0x05671234ull);
		KUNIT_EXPECT_EQ(test, ext_phys(e, large + 0xfffc), 0x0567fffcull);
		KUNIT_EXPECT_EQ(test, ext_phys(e, sect + 0xabcde), 0x089abcdeull);
		KUNIT_EXPECT_EQ(test, ext_phys(e, sect + 0x10), 0x08900010ull);
		/* Data moves through the small page. */
		KUNIT_EXPECT_EQ(test, exynos_model_read(e->m, small + 0x10, buf, sizeof(buf), NULL),
				EXYNOS_MODEL_OK);
		KUNIT_EXPECT_EQ(test, memcmp(buf, phys_to_virt(data + 0x10), sizeof(buf)), 0);

		c = ext_counters(e);
		KUNIT_EXPECT_EQ_MSG(test, c.walks_by_size[EXYNOS_MODEL_4K], 1u, "%s",
				    ext_variants[v]);
		KUNIT_EXPECT_EQ(test, c.walks_by_size[EXYNOS_MODEL_64K], 1u);
		KUNIT_EXPECT_EQ(test, c.walks_by_size[EXYNOS_MODEL_1M], 1u);
		KUNIT_EXPECT_EQ(test, c.table_walks, 3u);
		KUNIT_EXPECT_EQ(test, c.tlb_hits, 3u);
		KUNIT_EXPECT_EQ(test, c.faults, 0u);
	}
}

/* v5+ entries hold PA >> 4: 36-bit physical addresses; v3 ones do not. */
void ext_36bit_pa(struct kunit *test)
{
	static const char *const wide[] = { "sysmmu-v5", "sysmmu-v7", "sysmmu-v7vm" };
	struct exynos_model_result r;
	unsigned int v;
	struct ext *e;
	u8 b;

	for (v = 0; v < ARRAY_SIZE(wide); v++) {
		e = ext_open(test, wide[v]);
		ext_map_section(e, 0x30000000, 0x945600000ull, EXT_PROT_RW);
		ext_map_large(e, 1, 0x20000000, 0xf12340000ull, EXT_PROT_RW);
		ext_map_small(e, 0, 0x10000000, 0xabcdef000ull, EXT_PROT_RW);
		ext_enable(e);
		KUNIT_EXPECT_EQ_MSG(test, ext_phys(e, 0x30012345), 0x945612345ull, "%s", wide[v]);
		KUNIT_EXPECT_EQ(test, ext_phys(e, 0x2000fedc), 0xf1234fedcull);
		KUNIT_EXPECT_EQ(test, ext_phys(e, 0x10000abc), 0xabcdefabcull);
		/* Nothing answers there: an error, not a fault. */
		KUNIT_EXPECT_EQ(test, exynos_model_read(e->m, 0x10000abc, &b, 1, &r),
				EXYNOS_MODEL_ERROR);
		KUNIT_EXPECT_EQ(test, r.int_status, 0u);
		KUNIT_EXPECT_EQ(test, r.fault_addr, 0x10000abcu);
	}

	/* The same raw section descriptor on v3.3 is a 32-bit address. */
	e = ext_open(test, "sysmmu-v33");
	ext_set_l1(e, 0x30000000, (u32)(0x945600000ull >> 4) | EXYNOS_MODEL_L1_SECTION |
		   EXYNOS_MODEL_V1_L1_AP0);
	ext_enable(e);
	KUNIT_EXPECT_EQ(test, ext_phys(e, 0x30012345), 0x94512345ull);
}

/*
 * Fill the TLB with @n 4 KiB pages from @va, then point their entries
 * elsewhere in memory without a flush: the TLB must keep the old ones.
 */
static void ext_fill_then_remap(struct kunit *test, struct ext *e, u32 va,
				unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		ext_map_small(e, 0, va + i * 0x1000, PA_A + i * 0x1000, EXT_PROT_RW);
	ext_enable(e);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, ext_phys(e, va + i * 0x1000), PA_A + i * 0x1000);
	for (i = 0; i < n; i++)
		ext_map_small(e, 0, va + i * 0x1000, PA_B + i * 0x1000, EXT_PROT_RW);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, ext_phys(e, va + i * 0x1000), PA_A + i * 0x1000);
}

/* Which of the n pages translate to their new address. */
static unsigned int ext_renewed(struct ext *e, u32 va, unsigned int n)
{
	unsigned int i, mask = 0;

	for (i = 0; i < n; i++)
		if (ext_phys(e, va + i * 0x1000) == PA_B + i * 0x1000)
			mask |= 1u << i;
	return mask;
}

void ext_flush_entry_drops_one(struct kunit *test)
{
	unsigned int v;

	for (v = 0; v < ext_nr_variants; v++) {
		struct ext *e = ext_open(test, ext_variants[v]);
		u32 va = 0x40000000, large = 0x40800000;

		ext_fill_then_remap(test, e, va, 4);
		ext_flush_entry(e, va + 0x1000);
		KUNIT_EXPECT_EQ_MSG(test, ext_renewed(e, va, 4), 0x2u, "%s", ext_variants[v]);
		KUNIT_EXPECT_EQ(test, ext_counters(e).entry_flushes, 1u);

		/* An entry flush anywhere in a 64 KiB page drops the page. */
		ext_map_large(e, 1, large, 0x05670000, EXT_PROT_RW);
		KUNIT_EXPECT_EQ(test, ext_phys(e, large), 0x05670000ull);
		ext_map_large(e, 1, large, 0x07890000, EXT_PROT_RW);
		KUNIT_EXPECT_EQ(test, ext_phys(e, large + 0x4000), 0x05674000ull);
		ext_flush_entry(e, large + 0x3000);
		KUNIT_EXPECT_EQ(test, ext_phys(e, large + 0x4000), 0x07894000ull);
	}
}

void ext_flush_range_drops_range(struct kunit *test)
{
	unsigned int v, ran = 0;

	for (v = 0; v < ext_nr_variants; v++) {
		struct ext *e = ext_open(test, ext_variants[v]);
		u32 va = 0x50000000;

		if (!ext_has_range(e))
			continue;
		ran++;
		ext_fill_then_remap(test, e, va, 6);
		/* START..END names the last page: pages 1 to 3. */
		ext_flush_range(e, va + 0x1000, va + 0x3000);
		KUNIT_EXPECT_EQ_MSG(test, ext_renewed(e, va, 6), 0xeu, "%s", ext_variants[v]);
		KUNIT_EXPECT_EQ(test, ext_counters(e).range_flushes, 1u);
		KUNIT_EXPECT_EQ(test, ext_counters(e).entry_flushes, 0u);
		KUNIT_EXPECT_EQ(test, ext_rd(e, e->flush_start), va + 0x1000);
		KUNIT_EXPECT_EQ(test, ext_rd(e, e->flush_end), va + 0x3000);
	}
	KUNIT_EXPECT_EQ(test, ran, 3u);
}

void ext_flush_all_drops_all(struct kunit *test)
{
	unsigned int v;

	for (v = 0; v < ext_nr_variants; v++) {
		struct ext *e = ext_open(test, ext_variants[v]);
		u32 va = 0x60000000;

		ext_fill_then_remap(test, e, va, 5);
		ext_flush_all(e);
		KUNIT_EXPECT_EQ_MSG(test, ext_renewed(e, va, 5), 0x1fu, "%s", ext_variants[v]);
		/* ext_enable flushed once too. */
		KUNIT_EXPECT_EQ(test, ext_counters(e).full_flushes, 2u);
	}
}

/* A new PT_BASE does not flush; in v5's encoding it is PA >> 12. */
void ext_pt_base_needs_flush(struct kunit *test)
{
	static const char *const names[] = { "sysmmu-v31", "sysmmu-v7vm" };
	unsigned int v;

	for (v = 0; v < ARRAY_SIZE(names); v++) {
		struct ext *e = ext_open(test, names[v]);
		struct ext *e2 = ext_open(test, names[v]);
		u32 va = 0x70000000;

		ext_map_small(e, 0, va, PA_A, EXT_PROT_RW);
		ext_map_small(e2, 0, va, PA_B, EXT_PROT_RW);
		ext_enable(e);
		KUNIT_EXPECT_EQ(test, ext_phys(e, va), PA_A);
		ext_wr(e, e->pt_base, e->major < 5 ? (u32)e2->l1_pa : (u32)(e2->l1_pa >> 12));
		KUNIT_EXPECT_EQ(test, ext_counters(e).pt_base_writes, 2u);
		KUNIT_EXPECT_EQ_MSG(test, ext_phys(e, va), PA_A, "%s", names[v]);
		ext_flush_all(e);
		KUNIT_EXPECT_EQ(test, ext_phys(e, va), PA_B);
	}
}

/* Translate and expect a page fault; the handler's end clears it. */
static void ext_expect_page_fault(struct kunit *test, struct ext *e, u32 va)
{
	struct exynos_model_result r;

	KUNIT_EXPECT_EQ(test, ext_xlate(e, va, false, &r), EXYNOS_MODEL_STALLED);
	KUNIT_EXPECT_EQ(test, r.fault_addr, va);
	KUNIT_EXPECT_NE(test, r.int_status, 0u);
	ext_clear_fault(e);
	KUNIT_EXPECT_FALSE(test, exynos_model_stalled(e->m));
}

/*
 * The zero-L2 link (mainline's workaround): an unused L1 entry points to
 * one zeroed L2.  With an FLPD cache, installing an L2 table or a section
 * over the link without invalidating the cached link leaves stale faults.
 */
void ext_flpd_stale_fault(struct kunit *test)
{
	static const char *const names[] = {
		"sysmmu-v33", "sysmmu-v5", "sysmmu-v7", "sysmmu-v7vm",
	};
	unsigned int v;

	for (v = 0; v < ARRAY_SIZE(names); v++) {
		struct ext *e = ext_open(test, names[v]);
		u32 page = 0x80003000, sect = 0x81000000;
		u32 link = ext_l1_table(e, e->l2_pa[EXT_ZERO]);
		struct exynos_model_counters c;

		KUNIT_ASSERT_TRUE(test, ext_has_flpd(e));
		ext_set_l1(e, page, link);
		ext_set_l1(e, sect, link);
		ext_enable(e);
		ext_expect_page_fault(test, e, page);
		ext_expect_page_fault(test, e, sect);

		/* Installed over the link, not invalidated: still faults. */
		ext_map_small(e, 0, page, PA_A, EXT_PROT_RW);
		ext_map_section(e, sect, PA_B, EXT_PROT_RW);
		ext_expect_page_fault(test, e, page);
		ext_expect_page_fault(test, e, sect);
		c = ext_counters(e);
		KUNIT_EXPECT_EQ_MSG(test, c.stale_flpd_hits, 2u, "%s", names[v]);

		/* v5+: an entry flush leaves the FLPD cache alone. */
		if (e->major >= 5) {
			ext_flush_entry(e, page);
			ext_expect_page_fault(test, e, page);
		}
		/* Mainline's invalidation: FLUSH_ENTRY on v3.3, FLUSH_ALL on v5+. */
		if (e->major < 5) {
			ext_flush_entry(e, page);
			ext_flush_entry(e, sect);
		} else {
			ext_flush_all(e);
		}
		KUNIT_EXPECT_EQ_MSG(test, ext_phys(e, page), PA_A, "%s", names[v]);
		KUNIT_EXPECT_EQ(test, ext_phys(e, sect + 0x10), PA_B + 0x10);
		c = ext_counters(e);
		KUNIT_EXPECT_GE(test, c.flpd_flushes, 2u);
		KUNIT_EXPECT_EQ(test, c.page_faults, e->major >= 5 ? 5u : 4u);
	}
}

/* Before v3.3 (and with CFG.FLPDCACHE clear) nothing caches the link. */
void ext_no_flpd_before_v33(struct kunit *test)
{
	unsigned int v;

	for (v = 0; v < ext_nr_variants; v++) {
		struct ext *e = ext_open(test, ext_variants[v]);
		u32 page = 0x90003000;

		ext_set_l1(e, page, ext_l1_table(e, e->l2_pa[EXT_ZERO]));
		ext_enable(e);
		if (ext_has_flpd(e))
			ext_wr(e, EXYNOS_MODEL_CFG, ext_cfg(e) & ~EXYNOS_MODEL_CFG_FLPDCACHE);
		ext_expect_page_fault(test, e, page);
		ext_map_small(e, 0, page, PA_A, EXT_PROT_RW);
		KUNIT_EXPECT_EQ_MSG(test, ext_phys(e, page), PA_A, "%s", ext_variants[v]);
		KUNIT_EXPECT_EQ(test, ext_counters(e).stale_flpd_hits, 0u);
		KUNIT_EXPECT_EQ(test, ext_counters(e).flpd_hits, 0u);
	}
}

/* The fault a failed table read raises, per layout, and where its VA is. */
static void ext_expect_ptw(struct kunit *test, struct ext *e, u32 va)
{
	struct exynos_model_result r;

	KUNIT_EXPECT_EQ(test, ext_xlate(e, va, false, &r), EXYNOS_MODEL_STALLED);
	if (e->major < 5) {
		KUNIT_EXPECT_EQ(test, r.int_status, EXYNOS_MODEL_V1_INT_BUS_ERROR);
		KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_V1_BUS_FAULT_VA), va);
	} else {
		KUNIT_EXPECT_EQ(test, r.int_status, EXYNOS_MODEL_V7_INT_PTW);
		KUNIT_EXPECT_EQ(test, ext_rd(e, EXYNOS_MODEL_VM_FAULT_VA), va);
	}
	ext_clear_fault(e);
}

/* An L2 freed while the L1 still points at it: counted, never read. */
void ext_freed_table_counted(struct kunit *test)
{
	static const char *const names[] = { "sysmmu-v33", "sysmmu-v7vm" };
	unsigned int v;

	for (v = 0; v < ARRAY_SIZE(names); v++) {
		struct ext *e = ext_open(test, names[v]);
		struct page *l2 = alloc_page(GFP_KERNEL | __GFP_ZERO);
		u32 va = 0xa0005000, *l2v;

		KUNIT_ASSERT_NOT_NULL(test, l2);
		l2v = page_address(l2);
		ext_set_l1(e, va, ext_l1_table(e, page_to_phys(l2)));
		l2v[(va >> 12) & 0xff] =
			(__force u32)cpu_to_le32(ext_l2_small(e, PA_A, EXT_PROT_RW));
		ext_enable(e);
		KUNIT_EXPECT_EQ(test, ext_phys(e, va), PA_A);

		__free_page(l2);
		ext_flush_all(e);
		ext_expect_ptw(test, e, va);
		KUNIT_EXPECT_EQ_MSG(test, ext_counters(e).freed_reads, 1u, "%s", names[v]);
		KUNIT_EXPECT_EQ(test, ext_counters(e).ptw_faults, 1u);
	}
}

/* An L2 from a 1 KiB kmem_cache, as mainline allocates, freed under it. */
void ext_freed_slab_table_counted(struct kunit *test)
{
	struct kmem_cache *cache;
	struct ext *e;
	u32 va = 0xa0105000, *l2;

	if (!IS_ENABLED(CONFIG_KASAN_GENERIC))
		kunit_skip(test, "freed slab tables are seen only with generic KASAN");
	e = ext_open(test, "sysmmu-v5");
	cache = kmem_cache_create("ext_l2", 1024, 1024, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, cache);
	l2 = kmem_cache_zalloc(cache, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, l2);
	ext_set_l1(e, va, ext_l1_table(e, virt_to_phys(l2)));
	l2[(va >> 12) & 0xff] = (__force u32)cpu_to_le32(ext_l2_small(e, PA_A, EXT_PROT_RW));
	ext_enable(e);
	KUNIT_EXPECT_EQ(test, ext_phys(e, va), PA_A);

	kmem_cache_free(cache, l2);
	ext_flush_all(e);
	KUNIT_EXPECT_EQ(test, ext_xlate(e, va, false, NULL), EXYNOS_MODEL_STALLED);
	KUNIT_EXPECT_EQ(test, ext_rd(e, e->int_status), EXYNOS_MODEL_V5_INT_PTW);
	KUNIT_EXPECT_EQ(test, ext_counters(e).freed_reads, 1u);
	ext_clear_fault(e);
	kmem_cache_destroy(cache);
}
