/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The OMAP IOMMU driver: the boundary between its C shim
 * (omap_iommu_shim.c: platform driver, iommu_ops, PM ops, IRQ, debugfs)
 * and its C++ logic (omap_iommu.cpp: one MMU instance's registers, TLB and
 * power context; a domain's page table, shared by every instance attached
 * to it).  See Documentation/omap-iommu.rst.
 */
#ifndef SOCMMU_OMAP_IOMMU_H
#define SOCMMU_OMAP_IOMMU_H

#include <shim/base.h>

struct device;
struct kx_iomem;
struct iommu_domain;

/* One MMU instance (C++), and the shim's per-instance data (C). */
struct omap_mmu;
struct omap_iommu_inst;
/* A paging domain's page table and attached instances (C++). */
struct omap_domain;

struct omap_mmu_config {
	u32 tlb_entries;	/* 8 or 32 */
	bool bus_err_back;	/* GP_REG.BUS_ERR_BACK_EN */
	bool has_syscon;	/* DRA7 DSP: MMU_CONFIG bit in the syscon */
};

/* A fault the IRQ handler took off the hardware. */
struct omap_mmu_fault {
	u32 status;			/* IRQSTATUS bits, cleared already */
	u32 addr;			/* FAULT_AD */
	struct iommu_domain *domain;	/* attached paging domain, or NULL */
	struct device *client;		/* the client behind the MMU, or NULL */
};

/* Counters of what the driver did to an instance, for debugfs and tests. */
struct omap_mmu_stats {
	u32 flush_entries;	/* FLUSH_ENTRY writes */
	u32 gflushes;		/* GFLUSH writes */
	u32 skipped_off;	/* flushes skipped: instance powered off */
	u32 saved_locked;	/* locked TLB entries saved at the last suspend */
	u32 faults;		/* faults taken by the IRQ handler */
};

KX_BEGIN_DECLS

/* ---- C++: instances ---- */
struct omap_mmu *omap_mmu_create(struct device *dev, struct kx_iomem *base,
				 const struct omap_mmu_config *cfg,
				 struct omap_iommu_inst *inst, int *err) KX_NOEXCEPT;
void omap_mmu_destroy(struct omap_mmu *mmu) KX_NOEXCEPT;
u32 omap_mmu_revision(struct omap_mmu *mmu) KX_NOEXCEPT;
/* Runtime PM: save and disable / restore and enable. */
void omap_mmu_runtime_suspend(struct omap_mmu *mmu) KX_NOEXCEPT;
void omap_mmu_runtime_resume(struct omap_mmu *mmu) KX_NOEXCEPT;
/* The IRQ: true if the instance was powered and had a fault pending. */
bool omap_mmu_take_fault(struct omap_mmu *mmu, struct omap_mmu_fault *fault) KX_NOEXCEPT;
/* Leave whatever domain: MMU off (identity, 6.1 detach) or blocking table. */
void omap_mmu_set_bypass(struct omap_mmu *mmu) KX_NOEXCEPT;
void omap_mmu_set_blocked(struct omap_mmu *mmu, struct device *client) KX_NOEXCEPT;
/* The paging domain the instance translates with, or NULL. */
struct omap_domain *omap_mmu_domain(struct omap_mmu *mmu) KX_NOEXCEPT;
void omap_mmu_get_stats(struct omap_mmu *mmu, struct omap_mmu_stats *out) KX_NOEXCEPT;
/* debugfs: registers and TLB; while suspended, says so and reads nothing. */
void omap_mmu_dump_regs(struct omap_mmu *mmu, void *seq) KX_NOEXCEPT;
void omap_mmu_dump_tlb(struct omap_mmu *mmu, void *seq) KX_NOEXCEPT;

/* ---- C++: domains ---- */
/* @table_dev: an IOMMU device whose DMA API maps the tables. */
struct omap_domain *omap_domain_create(struct device *table_dev,
				       struct iommu_domain *domain, int *err) KX_NOEXCEPT;
void omap_domain_free(struct omap_domain *d) KX_NOEXCEPT;
/* Attach the client's instances (busy ones: -EBUSY when !steal). */
int omap_domain_attach(struct omap_domain *d, struct omap_mmu *const *mmus, unsigned int n,
		       struct device *client, bool steal) KX_NOEXCEPT;
int omap_domain_map(struct omap_domain *d, u64 iova, u64 paddr, u64 pgsize, size_t pgcount,
		    int prot, bool atomic, size_t *mapped) KX_NOEXCEPT;
size_t omap_domain_unmap(struct omap_domain *d, u64 iova, u64 pgsize,
			 size_t pgcount) KX_NOEXCEPT;
/* Invalidate [start, end) plus everything unmapped since, then free L2s. */
void omap_domain_sync(struct omap_domain *d, u64 start, u64 end) KX_NOEXCEPT;
void omap_domain_flush_all(struct omap_domain *d) KX_NOEXCEPT;
u64 omap_domain_iova_to_phys(struct omap_domain *d, u64 iova) KX_NOEXCEPT;
void omap_domain_dump(struct omap_domain *d, void *seq) KX_NOEXCEPT;
/* The first instance attached (to name in messages), or NULL. */
struct omap_iommu_inst *omap_domain_first_inst(struct omap_domain *d) KX_NOEXCEPT;


/* ---- C ---- */
/* Called from C++. */
void omap_iommu_syscon_enable(struct omap_iommu_inst *inst, bool on) KX_NOEXCEPT;
void omap_iommu_sync_irq(struct omap_iommu_inst *inst) KX_NOEXCEPT;
KX_PRINTF(2, 3) void omap_iommu_seq_printf(void *seq, const char *fmt, ...) KX_NOEXCEPT;

KX_END_DECLS

#endif
