/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Exynos SYSMMU model's suite: shared helpers.  The cases program the
 * model as a driver would (ioremap, readl/writel, its clocks, tables built
 * by hand in page-allocator memory) and decide the register layout from
 * VERSION and CAPA0/CAPA1, as mainline's driver does; the bus-master API
 * plays the device behind the SYSMMU.
 */
#ifndef SOCMMU_EXYNOS_MODEL_TEST_H
#define SOCMMU_EXYNOS_MODEL_TEST_H

#include <kunit/test.h>
#include <linux/io.h>

#include "exynos_model.h"

/* The instances of every variant, by short name (kunit/dts). */
extern const char *const ext_variants[];
extern const unsigned int ext_nr_variants;

#define EXT_L2_TABLES	4	/* 1 KiB L2 tables, in one page */

/* One instance, opened by a case: its registers, clocks and tables. */
struct ext {
	struct exynos_model *m;
	void __iomem *base;
	unsigned int major, minor;	/* from VERSION */
	bool vm;			/* from CAPA0/CAPA1 */
	/* The variant's register offsets. */
	u32 pt_base, flush_all, flush_entry, flush_range, flush_start;
	u32 flush_end, int_status, int_clear;
	/* An L1 (order 2) and four L2 tables; l2[EXT_ZERO] stays zero. */
	struct page *l1_page, *l2_page;
	u32 *l1;
	u64 l1_pa;
	u32 *l2[EXT_L2_TABLES];
	u64 l2_pa[EXT_L2_TABLES];
};

#define EXT_ZERO	(EXT_L2_TABLES - 1)
#define EXT_PROT_RW	(EXYNOS_MODEL_PROT_R | EXYNOS_MODEL_PROT_W)

/* Open an instance: clocks on, a fresh power cycle, empty tables. */
struct ext *ext_open(struct kunit *test, const char *name);
/* Gate the instance's clocks ("sysmmu", "aclk", "pclk"; not "master"). */
void ext_clock(struct ext *e, const char *name, bool on);

u32 ext_rd(struct ext *e, u32 off);
void ext_wr(struct ext *e, u32 off, u32 val);

/* Descriptors of this variant; prot is EXYNOS_MODEL_PROT_R/W bits. */
u32 ext_l1_table(const struct ext *e, u64 l2_pa);
u32 ext_l1_section(const struct ext *e, u64 pa, u32 prot);
u32 ext_l2_small(const struct ext *e, u64 pa, u32 prot);
u32 ext_l2_large(const struct ext *e, u64 pa, u32 prot);
void ext_set_l1(struct ext *e, u32 va, u32 desc);
void ext_set_l2(struct ext *e, unsigned int table, u32 va, u32 desc);
/* Mappings: L1 -> l2[table] for pages. */
void ext_map_small(struct ext *e, unsigned int table, u32 va, u64 pa, u32 prot);
void ext_map_large(struct ext *e, unsigned int table, u32 va, u64 pa, u32 prot);
void ext_map_section(struct ext *e, u32 va, u64 pa, u32 prot);

/* Mainline's enable: block, CFG (with EAP), PT_BASE, FLUSH_ALL, VM, enable. */
void ext_enable(struct ext *e);
u32 ext_cfg(const struct ext *e);
void ext_flush_all(struct ext *e);
void ext_flush_entry(struct ext *e, u32 va);
void ext_flush_range(struct ext *e, u32 va, u32 last_page);
/* The fault handler's end: INT_CLEAR what is set, then CTRL = ENABLE. */
void ext_clear_fault(struct ext *e);

/* Translation through the model's bus-master API; returns the status. */
int ext_xlate(struct ext *e, u32 iova, bool write, struct exynos_model_result *r);
/* The physical address iova reads from, or ~0 on any failure. */
u64 ext_phys(struct ext *e, u32 iova);
struct exynos_model_counters ext_counters(struct ext *e);

/* A page for data; returns its physical address (freed at case exit). */
u64 ext_data_page(struct kunit *test, u8 seed);

/* The cases. */
void ext_lookup(struct kunit *test);
void ext_version_and_layout(struct kunit *test);
void ext_reset_values(struct kunit *test);
void ext_ctrl_block_and_bypass(struct kunit *test);
void ext_block_held(struct kunit *test);
void ext_clock_off_accesses(struct kunit *test);
void ext_power_loss_resets(struct kunit *test);
void ext_runtime_pm_powers_model(struct kunit *test);
void ext_bad_accesses(struct kunit *test);
void ext_model_bus(struct kunit *test);
void ext_page_sizes(struct kunit *test);
void ext_36bit_pa(struct kunit *test);
void ext_flush_entry_drops_one(struct kunit *test);
void ext_flush_range_drops_range(struct kunit *test);
void ext_flush_all_drops_all(struct kunit *test);
void ext_pt_base_needs_flush(struct kunit *test);
void ext_flpd_stale_fault(struct kunit *test);
void ext_no_flpd_before_v33(struct kunit *test);
void ext_freed_table_counted(struct kunit *test);
void ext_freed_slab_table_counted(struct kunit *test);
void ext_perm_v1(struct kunit *test);
void ext_perm_v5(struct kunit *test);
void ext_page_fault_decode(struct kunit *test);
void ext_stall_until_clear_and_enable(struct kunit *test);
void ext_vm_fault_mode(struct kunit *test);
void ext_fault_interrupt(struct kunit *test);

#endif
