/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Behavioural model of the Samsung Exynos SYSMMU, v1 to v7, for tests:
 * the register window of every "samsung,exynos-sysmmu" node of the test
 * device tree (kunit/dts/socmmu-test.dts) behind logic_iomem, a TLB, an
 * FLPD cache (v3.3 and later), a table walker reading tables from memory
 * by physical address, permission checks, fault interrupts through the
 * model's own interrupt controller, gate clocks (model_clk.h) and power
 * through a dev_pm_domain (model_pm.h).  Documentation/exynos-model.rst
 * is the manual.
 *
 * A driver reaches the model only through ioremap()/readl()/writel(), its
 * IRQ, its clocks and runtime PM.  Tests also use the bus-master API below
 * (or model_bus.h) to play the device behind the SYSMMU.
 *
 * The variant comes from the node's model-only property
 * "socmmu,model-version = <major minor>" (mainline's binding has none: a
 * driver reads VERSION); "socmmu,model-vm" on a v7 node gives it the VM
 * register block (CAPA1.VCR).
 *
 * Semantics the model chooses where the documentation is silent:
 *  - Instances start powered, as a boot loader leaves a power domain:
 *    mainline reads VERSION at probe before it enables runtime PM.  Power
 *    off (runtime suspend, system sleep, exynos_model_set_power()) resets
 *    every register, the TLB and the FLPD cache.
 *  - A register access while powered off, or while the register clock
 *    ("sysmmu", else "pclk") is off, is dropped (reads 0) and counted.
 *  - CTRL bit 0 enables translation, bit 1 blocks: STATUS bit 0 reads 1
 *    while blocked or stalled on a fault, and a blocked SYSMMU holds every
 *    transfer (STALLED, no fault).  Disabled, the bus address is the
 *    physical address (bypass), clocks or not.  Enabled with the bus clock
 *    ("sysmmu", else "aclk") off, a transfer gets an error.
 *  - A fault stalls the SYSMMU (on v7 VM only with CTRL_VM's stall bit;
 *    otherwise the master gets an error) until INT_STATUS is clear and
 *    then CTRL is written: INT_CLEAR first, then CTRL = ENABLE, as
 *    mainline's handler does.
 *  - PT_BASE writes do not flush: a driver must FLUSH_ALL after one.
 *  - The TLB caches translations (never faults).  FLUSH_ENTRY drops every
 *    entry covering the address; FLUSH_RANGE every entry overlapping
 *    START..END+4K; FLUSH_ALL everything, the FLPD cache too.
 *  - The FLPD cache (v3.3+, with CFG.FLPDCACHE) caches L1 descriptors that
 *    point to an L2 table, the zero-L2 link included.  On v3.3 FLUSH_ENTRY
 *    also drops the descriptor of its 1 MiB; on v5+ only FLUSH_ALL does
 *    (mainline flushes all there).  v3.2's FLPD cache is not modelled:
 *    mainline never invalidates it.
 *  - Permission bits are checked only with CFG.EAP set.
 */
#ifndef SOCMMU_EXYNOS_MODEL_H
#define SOCMMU_EXYNOS_MODEL_H

#include <shim/base.h>

/* Common registers (drivers/iommu/exynos-iommu.c). */
#define EXYNOS_MODEL_CTRL		0x000
#define EXYNOS_MODEL_CFG		0x004
#define EXYNOS_MODEL_STATUS		0x008
#define EXYNOS_MODEL_VERSION		0x034

/* v1.x - v3.x */
#define EXYNOS_MODEL_V1_FLUSH_ALL	0x00c
#define EXYNOS_MODEL_V1_FLUSH_ENTRY	0x010
#define EXYNOS_MODEL_V1_PT_BASE		0x014	/* L1 physical address */
#define EXYNOS_MODEL_V1_INT_STATUS	0x018
#define EXYNOS_MODEL_V1_INT_CLEAR	0x01c
#define EXYNOS_MODEL_V1_PAGE_FAULT_VA	0x024
#define EXYNOS_MODEL_V1_AW_FAULT_VA	0x028
#define EXYNOS_MODEL_V1_AR_FAULT_VA	0x02c
#define EXYNOS_MODEL_V1_BUS_FAULT_VA	0x030	/* "default slave" address */

/* v5 and v7 (v7 without VM) */
#define EXYNOS_MODEL_V5_PT_BASE		0x00c	/* L1 physical address >> 12 */
#define EXYNOS_MODEL_V5_FLUSH_ALL	0x010
#define EXYNOS_MODEL_V5_FLUSH_ENTRY	0x014
#define EXYNOS_MODEL_V5_FLUSH_RANGE	0x018
#define EXYNOS_MODEL_V5_FLUSH_START	0x020
#define EXYNOS_MODEL_V5_FLUSH_END	0x024	/* the last 4 KiB page */
#define EXYNOS_MODEL_V5_INT_STATUS	0x060	/* v7 and v7 VM too */
#define EXYNOS_MODEL_V5_INT_CLEAR	0x064	/* v7 and v7 VM too */
#define EXYNOS_MODEL_V5_FAULT_AR_VA	0x070
#define EXYNOS_MODEL_V5_FAULT_AW_VA	0x080
#define EXYNOS_MODEL_V7_FAULT_VA	0x070
#define EXYNOS_MODEL_V7_FAULT_INFO	0x078
#define EXYNOS_MODEL_V7_CAPA0		0x870
#define EXYNOS_MODEL_V7_CAPA1		0x874

/* v7 with the VM block: the function registers move. */
#define EXYNOS_MODEL_VM_CTRL		0x8000
#define EXYNOS_MODEL_VM_PT_BASE		0x800c
#define EXYNOS_MODEL_VM_FLUSH_ALL	0x8010
#define EXYNOS_MODEL_VM_FLUSH_ENTRY	0x8014
#define EXYNOS_MODEL_VM_FLUSH_RANGE	0x8018
#define EXYNOS_MODEL_VM_FLUSH_START	0x8020
#define EXYNOS_MODEL_VM_FLUSH_END	0x8024
#define EXYNOS_MODEL_VM_FAULT_VA	0x1000
#define EXYNOS_MODEL_VM_FAULT_INFO	0x1004

/* Smallest windows: v1 to v7, and v7 with the VM block. */
#define EXYNOS_MODEL_WINDOW		0x1000u
#define EXYNOS_MODEL_VM_WINDOW		0x10000u

/* Register fields. */
#define EXYNOS_MODEL_CTRL_ENABLE	0x5u
#define EXYNOS_MODEL_CTRL_BLOCK		0x7u
#define EXYNOS_MODEL_CTRL_DISABLE	0x0u
#define EXYNOS_MODEL_CTRL_EN_BIT	0x1u
#define EXYNOS_MODEL_CTRL_BLOCK_BIT	0x2u
#define EXYNOS_MODEL_STATUS_BLOCKED	0x1u
#define EXYNOS_MODEL_CFG_LRU		0x1u
#define EXYNOS_MODEL_CFG_EAP		0x4u
#define EXYNOS_MODEL_CFG_QOS_15		(0xfu << 7)
#define EXYNOS_MODEL_CFG_FLPDCACHE	(1u << 20)
#define EXYNOS_MODEL_CFG_SYSSEL		(1u << 22)
#define EXYNOS_MODEL_CFG_ACGEN		(1u << 24)
#define EXYNOS_MODEL_FLUSH_GO		0x1u
#define EXYNOS_MODEL_CAPA0_CAPA1_EXIST	(1u << 11)
#define EXYNOS_MODEL_CAPA1_VCR_ENABLED	(1u << 14)
#define EXYNOS_MODEL_CTRL_VM_ENABLE	0x1u
#define EXYNOS_MODEL_CTRL_VM_STALL	0x8u
#define EXYNOS_MODEL_FAULT_INFO_WRITE	(1u << 20)
/* VERSION of v1.0 parts: mainline's driver special-cases this raw value. */
#define EXYNOS_MODEL_VERSION_V1_0	0x80000001u

/* INT_STATUS bits, v1 to v3. */
#define EXYNOS_MODEL_V1_INT_PAGE	(1u << 0)
#define EXYNOS_MODEL_V1_INT_AR_MULTIHIT	(1u << 1)
#define EXYNOS_MODEL_V1_INT_AW_MULTIHIT	(1u << 2)
#define EXYNOS_MODEL_V1_INT_BUS_ERROR	(1u << 3)
#define EXYNOS_MODEL_V1_INT_AR_SECURITY	(1u << 4)
#define EXYNOS_MODEL_V1_INT_AR_ACCESS	(1u << 5)
#define EXYNOS_MODEL_V1_INT_AW_SECURITY	(1u << 6)
#define EXYNOS_MODEL_V1_INT_AW_ACCESS	(1u << 7)
/* v5: AR faults in bits 0-4, AW faults in bits 16-20. */
#define EXYNOS_MODEL_V5_INT_PTW		(1u << 0)
#define EXYNOS_MODEL_V5_INT_PAGE	(1u << 1)
#define EXYNOS_MODEL_V5_INT_MULTIHIT	(1u << 2)
#define EXYNOS_MODEL_V5_INT_ACCESS	(1u << 3)
#define EXYNOS_MODEL_V5_INT_SECURITY	(1u << 4)
#define EXYNOS_MODEL_V5_INT_AW_SHIFT	16
/* v7 (VM 0): the direction is FAULT_INFO's bit 20. */
#define EXYNOS_MODEL_V7_INT_PTW		(1u << 0)
#define EXYNOS_MODEL_V7_INT_PAGE	(1u << 1)
#define EXYNOS_MODEL_V7_INT_ACCESS	(1u << 2)

/* Descriptors: [1:0] type; addresses are PA >> 4 on v5 and later. */
#define EXYNOS_MODEL_L1_TABLE		0x1u
#define EXYNOS_MODEL_L1_SECTION		0x2u
#define EXYNOS_MODEL_L2_LARGE		0x1u
#define EXYNOS_MODEL_L2_SMALL		0x2u
/* v1-v3 permissions: AP0 grants access, AP2 makes it read-only. */
#define EXYNOS_MODEL_V1_L1_AP0		(1u << 10)
#define EXYNOS_MODEL_V1_L1_AP2		(1u << 15)
#define EXYNOS_MODEL_V1_L2_AP0		(1u << 4)
#define EXYNOS_MODEL_V1_L2_AP2		(1u << 9)
/* v5+ permissions: a field, 1 = read, 2 = write, 3 = both. */
#define EXYNOS_MODEL_V5_L1_PROT_SHIFT	4
#define EXYNOS_MODEL_V5_L2_PROT_SHIFT	2
#define EXYNOS_MODEL_PROT_R		0x1u
#define EXYNOS_MODEL_PROT_W		0x2u

/* Outcome of a bus-master transfer (the values of model_bus.h's). */
enum exynos_model_status {
	EXYNOS_MODEL_OK = 0,		/* the transfer completed */
	EXYNOS_MODEL_ERROR = 1,		/* an error was returned to the master */
	EXYNOS_MODEL_STALLED = 2,	/* held: blocked, or stalled on a fault */
};

struct exynos_model_result {
	int status;		/* enum exynos_model_status */
	u32 fault_addr;		/* the faulting bus address, when not OK */
	u32 int_status;		/* the INT_STATUS bit the fault set, or 0 */
	u64 phys;		/* physical address of the first byte, when OK */
};

/* Page sizes, as indices of walks_by_size. */
enum { EXYNOS_MODEL_4K, EXYNOS_MODEL_64K, EXYNOS_MODEL_1M, EXYNOS_MODEL_NR_SIZES };

struct exynos_model_counters {
	unsigned int reg_reads;
	unsigned int reg_writes;
	unsigned int bad_accesses;	/* not an aligned 32-bit access */
	unsigned int off_accesses;	/* register access while powered off */
	unsigned int clk_off_accesses;	/* ... powered, register clock off */
	unsigned int clk_off_transfers;	/* translating with the bus clock off */
	unsigned int pt_base_writes;
	unsigned int table_walks;
	unsigned int tlb_hits;
	unsigned int tlb_misses;
	unsigned int entry_flushes;	/* FLUSH_ENTRY commands */
	unsigned int range_flushes;	/* FLUSH_RANGE commands */
	unsigned int full_flushes;	/* FLUSH_ALL commands */
	unsigned int flpd_hits;		/* walks that took L1 from the FLPD cache */
	unsigned int flpd_flushes;	/* commands that invalidated FLPD entries */
	unsigned int stale_flpd_hits;	/* ... whose cached L1 differs from memory */
	unsigned int faults;		/* faults recorded in INT_STATUS */
	unsigned int page_faults;
	unsigned int perm_faults;	/* access (permission) faults */
	unsigned int ptw_faults;	/* table reads that failed */
	unsigned int freed_reads;	/* walker reads of freed table memory */
	unsigned int irqs;		/* interrupts delivered to Linux */
	unsigned int power_ons;
	unsigned int power_offs;
	unsigned int bypassed;		/* transfers with translation off */
	unsigned int walks_by_size[EXYNOS_MODEL_NR_SIZES];
};

struct exynos_model;
struct device;

KX_BEGIN_DECLS

/*
 * Find an instance by DT node name ("sysmmu-v33@d2040000"), full path
 * ("/sysmmu-v33@d2040000") or short name (the node name before '@':
 * "sysmmu-v33").  NULL when none matches.
 */
struct exynos_model *exynos_model_find(const char *name) KX_NOEXCEPT;
/* Instances in DT order; NULL past the last. */
struct exynos_model *exynos_model_get(unsigned int index) KX_NOEXCEPT;

/* Identity. */
const char *exynos_model_name(const struct exynos_model *m) KX_NOEXCEPT;
u64 exynos_model_phys_base(const struct exynos_model *m) KX_NOEXCEPT;
u32 exynos_model_window(const struct exynos_model *m) KX_NOEXCEPT;
unsigned int exynos_model_major(const struct exynos_model *m) KX_NOEXCEPT;
unsigned int exynos_model_minor(const struct exynos_model *m) KX_NOEXCEPT;
bool exynos_model_has_vm(const struct exynos_model *m) KX_NOEXCEPT;
/* What VERSION reads. */
u32 exynos_model_version_reg(const struct exynos_model *m) KX_NOEXCEPT;
/* The Linux IRQ of the instance's interrupt (> 0), or a negative errno. */
int exynos_model_irq(const struct exynos_model *m) KX_NOEXCEPT;
/* The SYSMMU's platform device, or NULL if none was created. */
struct device *exynos_model_device(const struct exynos_model *m) KX_NOEXCEPT;

/*
 * Bus-master transfers of len bytes at iova through the SYSMMU, as the
 * device behind it would make them.  Return the status; *res (may be NULL)
 * gets the details.
 */
int exynos_model_read(struct exynos_model *m, u32 iova, void *buf, size_t len,
		      struct exynos_model_result *res) KX_NOEXCEPT;
int exynos_model_write(struct exynos_model *m, u32 iova, const void *buf,
		       size_t len, struct exynos_model_result *res) KX_NOEXCEPT;
/* A translation alone, for a read or a write: same TLB, walk and faults. */
int exynos_model_translate(struct exynos_model *m, u32 iova, bool write,
			   struct exynos_model_result *res) KX_NOEXCEPT;
/* True while transfers are held: blocked, or stalled on a fault. */
bool exynos_model_stalled(const struct exynos_model *m) KX_NOEXCEPT;

/*
 * Test bench: while held, CTRL = BLOCK never shows in STATUS (a master that
 * never drains), so a driver's block times out.  Faults still stall.
 */
void exynos_model_hold_block(struct exynos_model *m, bool hold) KX_NOEXCEPT;

/* Power, as the PM domain sees it.  Off resets registers, TLB and FLPD. */
void exynos_model_set_power(struct exynos_model *m, bool on) KX_NOEXCEPT;
bool exynos_model_powered(const struct exynos_model *m) KX_NOEXCEPT;

/* Counters since the last reset. */
void exynos_model_counters(const struct exynos_model *m,
			   struct exynos_model_counters *out) KX_NOEXCEPT;
void exynos_model_reset_counters(struct exynos_model *m) KX_NOEXCEPT;

KX_END_DECLS

#endif
