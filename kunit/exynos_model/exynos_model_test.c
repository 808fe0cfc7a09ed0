// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the Exynos SYSMMU model (exynos_model_test.h): the
 * helpers every case uses, and the suite.  Every case starts with every
 * instance power-cycled (reset) and every clock off, and ends the same
 * way; the suite leaves the instances powered, as at boot, for the driver
 * loaded after it.
 *
 * A separate module from the model: 6.1 runs a module's suites before the
 * module's init, and the model must have scanned the DT first.
 */
#include <linux/clk.h>
#include <linux/device.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/slab.h>

#include "exynos_model_test.h"

const char *const ext_variants[] = {
	"sysmmu-v1", "sysmmu-v2", "sysmmu-v31", "sysmmu-v32", "sysmmu-v33",
	"sysmmu-v5", "sysmmu-v7", "sysmmu-v7vm",
};

const unsigned int ext_nr_variants = ARRAY_SIZE(ext_variants);

#define EXT_MAX		16
#define EXT_MAX_PAGES	64

/* Clocks by the binding's names; "master" only logged by the model. */
static const char *const ext_clk_names[] = { "sysmmu", "aclk", "pclk", "master" };

static struct {
	void __iomem *base[EXT_MAX];
	struct clk *clk[EXT_MAX][ARRAY_SIZE(ext_clk_names)];
	bool clk_on[EXT_MAX][ARRAY_SIZE(ext_clk_names)];
	struct {
		struct page *page;
		unsigned int order;
	} pages[EXT_MAX_PAGES];
	unsigned int nr_pages;
} ext_suite;

static int ext_index(const struct exynos_model *m)
{
	struct exynos_model *i_m;
	int i;

	for (i = 0; (i_m = exynos_model_get(i)); i++)
		if (i_m == m)
			return i;
	return -1;
}

static struct page *ext_alloc(struct kunit *test, unsigned int order)
{
	struct page *p = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_LT(test, ext_suite.nr_pages, (unsigned int)EXT_MAX_PAGES);
	ext_suite.pages[ext_suite.nr_pages].page = p;
	ext_suite.pages[ext_suite.nr_pages].order = order;
	ext_suite.nr_pages++;
	return p;
}

static void ext_clock_idx(int idx, unsigned int c, bool on)
{
	struct clk *clk = ext_suite.clk[idx][c];

	if (IS_ERR_OR_NULL(clk) || ext_suite.clk_on[idx][c] == on)
		return;
	if (on)
		WARN_ON(clk_enable(clk));
	else
		clk_disable(clk);
	ext_suite.clk_on[idx][c] = on;
}

void ext_clock(struct ext *e, const char *name, bool on)
{
	int idx = ext_index(e->m);
	unsigned int c;

	for (c = 0; c < ARRAY_SIZE(ext_clk_names); c++)
		if (!strcmp(name, ext_clk_names[c]))
			ext_clock_idx(idx, c, on);
}

u32 ext_rd(struct ext *e, u32 off)
{
	return readl(e->base + off);
}

void ext_wr(struct ext *e, u32 off, u32 val)
{
	writel(val, e->base + off);
}

/* The layout, decided from VERSION and CAPA as mainline's driver does. */
static void ext_layout(struct ext *e)
{
	u32 ver = ext_rd(e, EXYNOS_MODEL_VERSION);

	if (ver == EXYNOS_MODEL_VERSION_V1_0) {
		e->major = 1;
		e->minor = 0;
	} else {
		e->major = ver >> 28;
		e->minor = (ver >> 21) & 0x7f;
	}
	if (e->major >= 7 &&
	    (ext_rd(e, EXYNOS_MODEL_V7_CAPA0) & EXYNOS_MODEL_CAPA0_CAPA1_EXIST))
		e->vm = ext_rd(e, EXYNOS_MODEL_V7_CAPA1) & EXYNOS_MODEL_CAPA1_VCR_ENABLED;
	if (e->major < 5) {
		e->pt_base = EXYNOS_MODEL_V1_PT_BASE;
		e->flush_all = EXYNOS_MODEL_V1_FLUSH_ALL;
		e->flush_entry = EXYNOS_MODEL_V1_FLUSH_ENTRY;
		e->int_status = EXYNOS_MODEL_V1_INT_STATUS;
		e->int_clear = EXYNOS_MODEL_V1_INT_CLEAR;
	} else if (!e->vm) {
		e->pt_base = EXYNOS_MODEL_V5_PT_BASE;
		e->flush_all = EXYNOS_MODEL_V5_FLUSH_ALL;
		e->flush_entry = EXYNOS_MODEL_V5_FLUSH_ENTRY;
		e->flush_range = EXYNOS_MODEL_V5_FLUSH_RANGE;
		e->flush_start = EXYNOS_MODEL_V5_FLUSH_START;
		e->flush_end = EXYNOS_MODEL_V5_FLUSH_END;
		e->int_status = EXYNOS_MODEL_V5_INT_STATUS;
		e->int_clear = EXYNOS_MODEL_V5_INT_CLEAR;
	} else {
		e->pt_base = EXYNOS_MODEL_VM_PT_BASE;
		e->flush_all = EXYNOS_MODEL_VM_FLUSH_ALL;
		e->flush_entry = EXYNOS_MODEL_VM_FLUSH_ENTRY;
		e->flush_range = EXYNOS_MODEL_VM_FLUSH_RANGE;
		e->flush_start = EXYNOS_MODEL_VM_FLUSH_START;
		e->flush_end = EXYNOS_MODEL_VM_FLUSH_END;
		e->int_status = EXYNOS_MODEL_V5_INT_STATUS;
		e->int_clear = EXYNOS_MODEL_V5_INT_CLEAR;
	}
}

struct ext *ext_open(struct kunit *test, const char *name)
{
	struct ext *e = kunit_kzalloc(test, sizeof(*e), GFP_KERNEL);
	unsigned int c, i;
	int idx;

	KUNIT_ASSERT_NOT_NULL(test, e);
	e->m = exynos_model_find(name);
	KUNIT_ASSERT_NOT_NULL_MSG(test, e->m, "no model instance %s", name);
	idx = ext_index(e->m);
	KUNIT_ASSERT_TRUE(test, idx >= 0 && idx < EXT_MAX && ext_suite.base[idx]);
	e->base = ext_suite.base[idx];
	for (c = 0; c < ARRAY_SIZE(ext_clk_names); c++)
		ext_clock_idx(idx, c, true);
	ext_layout(e);

	e->l1_page = ext_alloc(test, 2);
	e->l2_page = ext_alloc(test, 0);
	e->l1 = page_address(e->l1_page);
	e->l1_pa = page_to_phys(e->l1_page);
	for (i = 0; i < EXT_L2_TABLES; i++) {
		e->l2[i] = (u32 *)page_address(e->l2_page) + i * 256;
		e->l2_pa[i] = page_to_phys(e->l2_page) + i * 1024;
	}
	return e;
}

/* ------------------------------------------------------- descriptors -- */

static unsigned int ext_shift(const struct ext *e)
{
	return e->major >= 5 ? 4 : 0;
}

/* Mainline's SYSMMU_LV1_PROT / SYSMMU_V5_LV1_PROT (write-only -> RW on v1). */
static u32 ext_prot_bits(const struct ext *e, u32 prot, bool l1)
{
	if (e->major >= 5)
		return prot << (l1 ? EXYNOS_MODEL_V5_L1_PROT_SHIFT :
				     EXYNOS_MODEL_V5_L2_PROT_SHIFT);
	if (!prot)
		return 0;
	if (prot == EXYNOS_MODEL_PROT_R)
		return l1 ? EXYNOS_MODEL_V1_L1_AP0 | EXYNOS_MODEL_V1_L1_AP2 :
			    EXYNOS_MODEL_V1_L2_AP0 | EXYNOS_MODEL_V1_L2_AP2;
	return l1 ? EXYNOS_MODEL_V1_L1_AP0 : EXYNOS_MODEL_V1_L2_AP0;
}

u32 ext_l1_table(const struct ext *e, u64 l2_pa)
{
	return (u32)(l2_pa >> ext_shift(e)) | EXYNOS_MODEL_L1_TABLE;
}

u32 ext_l1_section(const struct ext *e, u64 pa, u32 prot)
{
	return (u32)(pa >> ext_shift(e)) | ext_prot_bits(e, prot, true) |
	       EXYNOS_MODEL_L1_SECTION;
}

u32 ext_l2_small(const struct ext *e, u64 pa, u32 prot)
{
	return (u32)(pa >> ext_shift(e)) | ext_prot_bits(e, prot, false) |
	       EXYNOS_MODEL_L2_SMALL;
}

u32 ext_l2_large(const struct ext *e, u64 pa, u32 prot)
{
	return (u32)(pa >> ext_shift(e)) | ext_prot_bits(e, prot, false) |
	       EXYNOS_MODEL_L2_LARGE;
}

void ext_set_l1(struct ext *e, u32 va, u32 desc)
{
	e->l1[va >> 20] = (__force u32)cpu_to_le32(desc);
}

void ext_set_l2(struct ext *e, unsigned int table, u32 va, u32 desc)
{
	e->l2[table][(va >> 12) & 0xff] = (__force u32)cpu_to_le32(desc);
}

void ext_map_small(struct ext *e, unsigned int table, u32 va, u64 pa, u32 prot)
{
	ext_set_l1(e, va, ext_l1_table(e, e->l2_pa[table]));
	ext_set_l2(e, table, va, ext_l2_small(e, pa, prot));
}

void ext_map_large(struct ext *e, unsigned int table, u32 va, u64 pa, u32 prot)
{
	unsigned int i;

	ext_set_l1(e, va, ext_l1_table(e, e->l2_pa[table]));
	for (i = 0; i < 16; i++)
		ext_set_l2(e, table, (va & ~0xffffu) + i * 0x1000,
			   ext_l2_large(e, pa, prot));
}

void ext_map_section(struct ext *e, u32 va, u64 pa, u32 prot)
{
	ext_set_l1(e, va, ext_l1_section(e, pa, prot));
}

/* ------------------------------------------------------ programming -- */

u32 ext_cfg(const struct ext *e)
{
	u32 cfg;

	if (e->major < 3 || (e->major == 3 && e->minor <= 1))
		cfg = EXYNOS_MODEL_CFG_LRU | EXYNOS_MODEL_CFG_QOS_15;
	else if (e->major == 3 && e->minor == 2)
		cfg = EXYNOS_MODEL_CFG_LRU | EXYNOS_MODEL_CFG_QOS_15 |
		      EXYNOS_MODEL_CFG_FLPDCACHE | EXYNOS_MODEL_CFG_SYSSEL;
	else
		cfg = EXYNOS_MODEL_CFG_QOS_15 | EXYNOS_MODEL_CFG_FLPDCACHE |
		      EXYNOS_MODEL_CFG_ACGEN;
	return cfg | EXYNOS_MODEL_CFG_EAP;
}

void ext_enable(struct ext *e)
{
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_BLOCK);
	ext_wr(e, EXYNOS_MODEL_CFG, ext_cfg(e));
	ext_wr(e, e->pt_base, e->major < 5 ? (u32)e->l1_pa : (u32)(e->l1_pa >> 12));
	ext_flush_all(e);
	if (e->vm)
		ext_wr(e, EXYNOS_MODEL_VM_CTRL, ext_rd(e, EXYNOS_MODEL_VM_CTRL) |
		       EXYNOS_MODEL_CTRL_VM_ENABLE | EXYNOS_MODEL_CTRL_VM_STALL);
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
}

void ext_flush_all(struct ext *e)
{
	ext_wr(e, e->flush_all, EXYNOS_MODEL_FLUSH_GO);
}

void ext_flush_entry(struct ext *e, u32 va)
{
	ext_wr(e, e->flush_entry, (va & ~0xfffu) | EXYNOS_MODEL_FLUSH_GO);
}

void ext_flush_range(struct ext *e, u32 va, u32 last_page)
{
	ext_wr(e, e->flush_start, va & ~0xfffu);
	ext_wr(e, e->flush_end, last_page & ~0xfffu);
	ext_wr(e, e->flush_range, EXYNOS_MODEL_FLUSH_GO);
}

void ext_clear_fault(struct ext *e)
{
	ext_wr(e, e->int_clear, ext_rd(e, e->int_status));
	ext_wr(e, EXYNOS_MODEL_CTRL, EXYNOS_MODEL_CTRL_ENABLE);
}

int ext_xlate(struct ext *e, u32 iova, bool write, struct exynos_model_result *r)
{
	return exynos_model_translate(e->m, iova, write, r);
}

u64 ext_phys(struct ext *e, u32 iova)
{
	struct exynos_model_result r;

	if (exynos_model_translate(e->m, iova, false, &r) != EXYNOS_MODEL_OK)
		return ~0ull;
	return r.phys;
}

struct exynos_model_counters ext_counters(struct ext *e)
{
	struct exynos_model_counters c;

	exynos_model_counters(e->m, &c);
	return c;
}

u64 ext_data_page(struct kunit *test, u8 seed)
{
	struct page *p = ext_alloc(test, 0);
	u8 *b = page_address(p);
	unsigned int i;

	for (i = 0; i < PAGE_SIZE; i++)
		b[i] = seed + i * 7;
	return page_to_phys(p);
}

/* ---------------------------------------------------------- the suite -- */

static int ext_suite_init(struct kunit_suite *suite)
{
	struct exynos_model *m;
	unsigned int c;
	int i;

	for (i = 0; i < EXT_MAX && (m = exynos_model_get(i)); i++) {
		struct device *dev = exynos_model_device(m);

		ext_suite.base[i] = ioremap(exynos_model_phys_base(m),
					    exynos_model_window(m));
		for (c = 0; dev && c < ARRAY_SIZE(ext_clk_names); c++) {
			struct clk *clk = of_clk_get_by_name(dev->of_node, ext_clk_names[c]);

			if (IS_ERR(clk) || clk_prepare(clk)) {
				if (!IS_ERR(clk))
					clk_put(clk);
				continue;
			}
			ext_suite.clk[i][c] = clk;
		}
	}
	return 0;
}

/* Every instance reset and powered, every clock off, every page freed. */
static void ext_all_reset(void)
{
	struct exynos_model *m;
	unsigned int c, i;

	for (i = 0; i < EXT_MAX && (m = exynos_model_get(i)); i++) {
		exynos_model_hold_block(m, false);
		exynos_model_set_power(m, false);
		exynos_model_set_power(m, true);
		exynos_model_reset_counters(m);
		for (c = 0; c < ARRAY_SIZE(ext_clk_names); c++)
			ext_clock_idx(i, c, false);
	}
	for (i = 0; i < ext_suite.nr_pages; i++)
		__free_pages(ext_suite.pages[i].page, ext_suite.pages[i].order);
	ext_suite.nr_pages = 0;
}

static void ext_suite_exit(struct kunit_suite *suite)
{
	unsigned int c, i;

	ext_all_reset();
	for (i = 0; i < EXT_MAX; i++) {
		if (ext_suite.base[i])
			iounmap(ext_suite.base[i]);
		ext_suite.base[i] = NULL;
		for (c = 0; c < ARRAY_SIZE(ext_clk_names); c++) {
			if (ext_suite.clk[i][c]) {
				clk_unprepare(ext_suite.clk[i][c]);
				clk_put(ext_suite.clk[i][c]);
			}
			ext_suite.clk[i][c] = NULL;
		}
	}
}

static int ext_init(struct kunit *test)
{
	/*
	 * make check always boots with the test device tree: a missing
	 * SYSMMU means the bench is broken, which must fail, not skip.
	 */
	if (!exynos_model_get(0)) {
		KUNIT_FAIL(test, "no Exynos SYSMMU in the device tree (boot with dtb=)");
		return -ENODEV;
	}
	ext_all_reset();
	return 0;
}

static void ext_exit(struct kunit *test)
{
	ext_all_reset();
}

static struct kunit_case exynos_model_cases[] = {
	KUNIT_CASE(ext_lookup),
	KUNIT_CASE(ext_version_and_layout),
	KUNIT_CASE(ext_reset_values),
	KUNIT_CASE(ext_ctrl_block_and_bypass),
	KUNIT_CASE(ext_block_held),
	KUNIT_CASE(ext_page_sizes),
	KUNIT_CASE(ext_36bit_pa),
	KUNIT_CASE(ext_flush_entry_drops_one),
	KUNIT_CASE(ext_flush_range_drops_range),
	KUNIT_CASE(ext_flush_all_drops_all),
	KUNIT_CASE(ext_pt_base_needs_flush),
	KUNIT_CASE(ext_flpd_stale_fault),
	KUNIT_CASE(ext_no_flpd_before_v33),
	KUNIT_CASE(ext_perm_v1),
	KUNIT_CASE(ext_perm_v5),
	KUNIT_CASE(ext_page_fault_decode),
	KUNIT_CASE(ext_stall_until_clear_and_enable),
	KUNIT_CASE(ext_vm_fault_mode),
	KUNIT_CASE(ext_fault_interrupt),
	KUNIT_CASE(ext_clock_off_accesses),
	KUNIT_CASE(ext_power_loss_resets),
	KUNIT_CASE(ext_runtime_pm_powers_model),
	KUNIT_CASE(ext_freed_table_counted),
	KUNIT_CASE(ext_freed_slab_table_counted),
	KUNIT_CASE(ext_bad_accesses),
	KUNIT_CASE(ext_model_bus),
	{}
};

static struct kunit_suite exynos_model_suite = {
	.name = "socmmu_exynos_model",
	.suite_init = ext_suite_init,
	.suite_exit = ext_suite_exit,
	.init = ext_init,
	.exit = ext_exit,
	.test_cases = exynos_model_cases,
};

kunit_test_suites(&exynos_model_suite);

MODULE_DESCRIPTION("KUnit suite for the socmmu Exynos SYSMMU model");
MODULE_LICENSE("GPL");
