/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel services the framework's C++ core and the drivers' C++ call,
 * implemented by iommu/core/services_shim.c.  Kernel objects stay opaque.
 */
#ifndef SOCMMU_IOMMU_SERVICES_H
#define SOCMMU_IOMMU_SERVICES_H

#include <shim/base.h>

struct device;
struct iommu_domain;
struct socmmu_inst;
/* A device link the framework added (struct device_link). */
struct kx_link;

KX_BEGIN_DECLS

/* seq_file output for debugfs. */
void kx_seq_vprintf(void *seq, const char *fmt, __builtin_va_list args) KX_NOEXCEPT;

/* An instance's kernel side. */
struct device *kx_inst_dev(struct socmmu_inst *inst) KX_NOEXCEPT;
/* Wait for running handlers of every interrupt of the instance. */
void kx_inst_sync_irqs(struct socmmu_inst *inst) KX_NOEXCEPT;
/* The walker's DMA mask: @bits wide (streaming and coherent). */
int kx_inst_set_dma_bits(struct socmmu_inst *inst, unsigned int bits) KX_NOEXCEPT;
/* A module reference on the instance's driver; false if it is going away. */
bool kx_inst_driver_get(struct socmmu_inst *inst) KX_NOEXCEPT;
void kx_inst_driver_put(struct socmmu_inst *inst) KX_NOEXCEPT;
/*
 * One fault line, rate-limited per instance so a fault storm cannot flood
 * the log: false when the rate limit dropped it.
 */
KX_PRINTF(2, 3) bool kx_inst_log_fault(struct socmmu_inst *inst, const char *fmt,
				       ...) KX_NOEXCEPT;

/* regmap_update_bits() on a syscon the framework looked up (SOCMMU_DT_SYSCON). */
int kx_syscon_update_bits(void *syscon, u32 offset, u32 mask, u32 value) KX_NOEXCEPT;

/*
 * A stateless, runtime-PM device link @consumer -> @supplier: the
 * supplier resumes before the consumer and suspends after it.  NULL on
 * failure.  kx_link_del() deletes it unless device_del() of the consumer
 * has purged it already.
 */
struct kx_link *kx_link_add(struct device *consumer, struct device *supplier) KX_NOEXCEPT;
void kx_link_del(struct device *consumer, struct kx_link *link) KX_NOEXCEPT;

/* report_iommu_fault(): 0 when the domain's handler took the fault. */
int kx_report_iommu_fault(struct iommu_domain *domain, struct device *client, u64 iova,
			  int flags) KX_NOEXCEPT;
/* The core's iommu_domain fields the framework owns. */
void kx_domain_set_geometry(struct iommu_domain *domain, u64 page_sizes,
			    u64 iova_limit) KX_NOEXCEPT;

KX_END_DECLS

#endif
