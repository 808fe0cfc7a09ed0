/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Behavioural model of the TI OMAP IOMMU (OMAP2/3, OMAP4/5, DRA7), for
 * tests: the register windows of every MMU node of the test device tree
 * (kunit/dts/socmmu-test.dts) behind logic_iomem, a TLB, a table walker
 * reading tables from memory by physical address, fault interrupts through
 * the model's interrupt controller, and power through a dev_pm_domain.
 *
 * A driver reaches the model only through ioremap()/readl()/writel(), its
 * IRQ and runtime PM.  Tests also use the bus-master API below to play the
 * part of the device behind the MMU (the ISP, IPU or DSP).
 *
 * Semantics the model chooses where the documentation is silent:
 *  - An instance is powered off until runtime PM (or omap_model_set_power())
 *    powers it; while off, register reads return 0, writes are dropped and
 *    both are counted in off_accesses.
 *  - GFLUSH keeps an entry only when its CAM preserved bit is set AND its
 *    index is below LOCK.BASE (so zeroing LOCK first, as mainline's
 *    flush_iotlb_all does, drops everything).  FLUSH_ENTRY drops every
 *    valid entry whose range holds CAM's VA, preserved or not.
 *  - Walker refills go to VICT (raised to BASE if below it) and advance VICT
 *    round robin over BASE..N-1.  LD_TLB loads at VICT and leaves VICT alone.
 *  - With CNTL.MMU_EN clear (or, on a DRA7 DSP MMU, its MMU_CONFIG bit
 *    clear) the MMU is bypassed: the bus address is the physical address.
 */
#ifndef SOCMMU_OMAP_MODEL_H
#define SOCMMU_OMAP_MODEL_H

#include <shim/base.h>

/* Register offsets (drivers/iommu/omap-iommu.h). */
#define OMAP_MODEL_REVISION	0x00
#define OMAP_MODEL_SYSCONFIG	0x10
#define OMAP_MODEL_SYSSTATUS	0x14
#define OMAP_MODEL_IRQSTATUS	0x18
#define OMAP_MODEL_IRQENABLE	0x1c
#define OMAP_MODEL_WALKING_ST	0x40
#define OMAP_MODEL_CNTL		0x44
#define OMAP_MODEL_FAULT_AD	0x48
#define OMAP_MODEL_TTB		0x4c
#define OMAP_MODEL_LOCK		0x50
#define OMAP_MODEL_LD_TLB	0x54
#define OMAP_MODEL_CAM		0x58
#define OMAP_MODEL_RAM		0x5c
#define OMAP_MODEL_GFLUSH	0x60
#define OMAP_MODEL_FLUSH_ENTRY	0x64
#define OMAP_MODEL_READ_CAM	0x68
#define OMAP_MODEL_READ_RAM	0x6c
#define OMAP_MODEL_EMU_FAULT_AD	0x70
#define OMAP_MODEL_GP_REG	0x88
#define OMAP_MODEL_WINDOW	0x100u

/* DRA7 DSP_SYSTEM syscon: MMU_CONFIG bit 4*id enables DSP MMU id. */
#define OMAP_MODEL_MMU_CONFIG	0x18

/* Register field values. */
#define OMAP_MODEL_SYSCONFIG_SOFTRESET	0x2u
#define OMAP_MODEL_SYSSTATUS_RESETDONE	0x1u
#define OMAP_MODEL_IRQ_TLBMISS		0x01u
#define OMAP_MODEL_IRQ_TRANSLATION	0x02u
#define OMAP_MODEL_IRQ_EMUMISS		0x04u
#define OMAP_MODEL_IRQ_TABLEWALK	0x08u
#define OMAP_MODEL_IRQ_MULTIHIT		0x10u
#define OMAP_MODEL_IRQ_MASK		0x1fu
#define OMAP_MODEL_CNTL_MMU_EN		0x2u
#define OMAP_MODEL_CNTL_TWL_EN		0x4u
#define OMAP_MODEL_CNTL_EML_TLB		0x8u
#define OMAP_MODEL_LOCK_BASE_SHIFT	10
#define OMAP_MODEL_LOCK_VICT_SHIFT	4
#define OMAP_MODEL_LOCK_FIELD_MASK	0x1fu
#define OMAP_MODEL_CAM_PRESERVED	0x8u
#define OMAP_MODEL_CAM_VALID		0x4u
#define OMAP_MODEL_CAM_SIZE_1M		0x0u
#define OMAP_MODEL_CAM_SIZE_64K		0x1u
#define OMAP_MODEL_CAM_SIZE_4K		0x2u
#define OMAP_MODEL_CAM_SIZE_16M		0x3u
#define OMAP_MODEL_GP_BUS_ERR_BACK_EN	0x1u

/* REVISION per compatible (a model choice; drivers only log it). */
#define OMAP_MODEL_REV_OMAP2	0x11u
#define OMAP_MODEL_REV_OMAP4	0x20u
#define OMAP_MODEL_REV_DRA7	0x21u

/* Outcome of a bus-master transfer. */
enum omap_model_status {
	OMAP_MODEL_OK = 0,	/* the transfer completed */
	OMAP_MODEL_ERROR = 1,	/* an error was returned to the initiator */
	OMAP_MODEL_STALLED = 2,	/* stalled until IRQSTATUS is cleared */
};

struct omap_model_result {
	int status;		/* enum omap_model_status */
	u32 fault_addr;		/* the faulting bus address, when not OK */
	u32 irqstatus;		/* the IRQSTATUS bit the fault set, or 0 */
	u64 phys;		/* physical address of the first byte, when OK */
};

struct omap_model_counters {
	unsigned int reg_reads[OMAP_MODEL_WINDOW / 4];
	unsigned int reg_writes[OMAP_MODEL_WINDOW / 4];
	unsigned int bad_accesses;	/* not an aligned 32-bit access */
	unsigned int off_accesses;	/* register access while powered off */
	unsigned int table_walks;
	unsigned int tlb_hits;
	unsigned int tlb_misses;
	unsigned int gflushes;
	unsigned int flush_entries;
	unsigned int freed_reads;	/* walker reads of freed table memory */
	unsigned int faults;		/* faults recorded in IRQSTATUS */
	unsigned int irqs;		/* interrupts delivered to Linux */
	unsigned int power_offs;
	unsigned int power_ons;
	unsigned int bypassed;		/* transfers with the MMU off */
	/* Walks that found a page, by OMAP_MODEL_CAM_SIZE_* (the page size). */
	unsigned int walks_by_size[4];
};

struct omap_model;
struct device;

KX_BEGIN_DECLS

/*
 * Find an instance by DT node name ("mmu@d1000000"), full path
 * ("/mmu@d1000000") or label-like short name ("mmu_isp", "mmu_ipu",
 * "mmu_dsp0", "mmu_dsp1" match ti,hwmods / the node order of the test DT;
 * the MMUs of a second DSP_SYSTEM syscon are "mmu_dsp2_0", "mmu_dsp2_1").
 * NULL when no instance matches.
 */
struct omap_model *omap_model_find(const char *name) KX_NOEXCEPT;
/* Instances in DT order; NULL past the last. */
struct omap_model *omap_model_get(unsigned int index) KX_NOEXCEPT;

/* Identity. */
const char *omap_model_name(const struct omap_model *m) KX_NOEXCEPT;
u64 omap_model_phys_base(const struct omap_model *m) KX_NOEXCEPT;
unsigned int omap_model_tlb_entries(const struct omap_model *m) KX_NOEXCEPT;
/* The Linux IRQ of the instance's interrupt (> 0), or a negative errno. */
int omap_model_irq(const struct omap_model *m) KX_NOEXCEPT;
/* The MMU's platform device (&pdev->dev), or NULL if none was created. */
struct device *omap_model_device(const struct omap_model *m) KX_NOEXCEPT;
/* Physical address of the first DRA7 DSP_SYSTEM syscon window (0 if none). */
u64 omap_model_syscon_phys(void) KX_NOEXCEPT;

/*
 * Bus-master transfers of len bytes at iova through the MMU, as the device
 * behind it would make them.  Return the status; *res (may be NULL) gets
 * the details.
 */
int omap_model_read(struct omap_model *m, u32 iova, void *buf, size_t len,
		    struct omap_model_result *res) KX_NOEXCEPT;
int omap_model_write(struct omap_model *m, u32 iova, const void *buf,
		     size_t len, struct omap_model_result *res) KX_NOEXCEPT;
/* A translation alone (one byte's worth): the same TLB, walk and faults. */
int omap_model_translate(struct omap_model *m, u32 iova,
			 struct omap_model_result *res) KX_NOEXCEPT;
/* True while a faulting transfer waits for IRQSTATUS to be cleared. */
bool omap_model_stalled(const struct omap_model *m) KX_NOEXCEPT;

/* Power, as the PM domain sees it.  Off resets registers and empties the TLB. */
void omap_model_set_power(struct omap_model *m, bool on) KX_NOEXCEPT;
bool omap_model_powered(const struct omap_model *m) KX_NOEXCEPT;

/* Counters since the last reset. */
void omap_model_counters(const struct omap_model *m,
			 struct omap_model_counters *out) KX_NOEXCEPT;
void omap_model_reset_counters(struct omap_model *m) KX_NOEXCEPT;
/* Accesses to the syscon windows that were not aligned 32-bit ones. */
unsigned int omap_model_syscon_bad_accesses(void) KX_NOEXCEPT;

KX_END_DECLS

#endif
