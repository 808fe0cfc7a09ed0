/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bus between a client model (a DMA master: the camera, a remote
 * processor) and the IOMMU model in front of it.  Every IOMMU model (OMAP,
 * Exynos, MSM) registers each of its instances here under its device-tree
 * node; a client model finds the IOMMU behind its own "iommus" entry and
 * makes transfers through it, without knowing which IOMMU it is.  So a
 * client model works unchanged behind any IOMMU of the test device tree.
 *
 * The registry lives in socmmu_testbench, which every model module loads
 * after and which stays loaded.  Test bench code: plain kernel C.
 */
#ifndef SOCMMU_MODEL_BUS_H
#define SOCMMU_MODEL_BUS_H

#include <linux/types.h>

struct device_node;

/* Outcome of a transfer. */
enum model_bus_status {
	MODEL_BUS_OK = 0,	/* the transfer completed */
	MODEL_BUS_ERROR = 1,	/* an error was returned to the initiator */
	MODEL_BUS_STALLED = 2,	/* the master waits until the IOMMU lets it go */
};

struct model_bus_result {
	int status;		/* enum model_bus_status */
	u64 fault_addr;		/* the faulting bus address, when not OK */
	u64 phys;		/* physical address of the first byte, when OK */
};

/* Page sizes, as indices of model_bus_stats.walks_by_size. */
enum model_bus_page { MODEL_BUS_4K, MODEL_BUS_64K, MODEL_BUS_1M, MODEL_BUS_16M,
		      MODEL_BUS_NR_SIZES };

/* What every IOMMU model counts, since its counters were last reset. */
struct model_bus_stats {
	unsigned int table_walks;
	unsigned int tlb_hits;
	unsigned int tlb_misses;
	unsigned int faults;		/* faults the IOMMU recorded */
	unsigned int irqs;		/* fault interrupts delivered to Linux */
	unsigned int entry_flushes;	/* single-entry TLB invalidations */
	unsigned int range_flushes;	/* range TLB invalidations */
	unsigned int full_flushes;	/* whole-TLB invalidations */
	unsigned int off_accesses;	/* register accesses while powered off */
	unsigned int power_ons;
	unsigned int power_offs;
	unsigned int bypassed;		/* transfers with translation off */
	unsigned int walks_by_size[MODEL_BUS_NR_SIZES];
};

/*
 * An IOMMU model's side.  @stream is the client's stream identity on that
 * instance: its "iommus" argument (the MSM MID), 0 where #iommu-cells is 0.
 * Transfers may be called from any context but hard IRQ.
 */
struct model_bus_ops {
	int (*read)(void *iommu, u32 stream, u64 iova, void *buf, size_t len,
		    struct model_bus_result *res);
	int (*write)(void *iommu, u32 stream, u64 iova, const void *buf, size_t len,
		     struct model_bus_result *res);
	/* True while a faulting transfer of @stream waits for the IOMMU. */
	bool (*stalled)(void *iommu, u32 stream);
	void (*stats)(void *iommu, struct model_bus_stats *out);
	void (*reset_stats)(void *iommu);
	const char *(*name)(void *iommu);
	/*
	 * Deliver the instance's asserted fault interrupts now, as an SoC's
	 * interrupt controller does microseconds after the fault, with
	 * generic_handle_domain_irq_safe(); with @force a line that is low
	 * too (another device on a shared line).  The models' irq_work
	 * waits for UML's next tick (HZ=100), too slow for a device that
	 * faults thousands of times a second.  Not from hard IRQ context.
	 * Returns the interrupts delivered (counted in model_bus_stats.irqs).
	 */
	unsigned int (*irq_now)(void *iommu, bool force);
};

/* A client model's handle on the IOMMU in front of it. */
struct model_bus_master {
	const struct model_bus_ops *ops;
	void *iommu;
	u32 stream;
};

/* For IOMMU models, once per instance; the node's reference is kept. */
int model_bus_register(struct device_node *np, const struct model_bus_ops *ops, void *iommu);

/*
 * For client models: the IOMMU behind entry @index of @client's "iommus".
 * -ENODEV if no model registered that node, -EINVAL for a bad entry.
 */
int model_bus_master_of(struct device_node *client, unsigned int index,
			struct model_bus_master *out);

static inline int model_bus_read(const struct model_bus_master *m, u64 iova, void *buf,
				 size_t len, struct model_bus_result *res)
{
	return m->ops->read(m->iommu, m->stream, iova, buf, len, res);
}

static inline int model_bus_write(const struct model_bus_master *m, u64 iova, const void *buf,
				  size_t len, struct model_bus_result *res)
{
	return m->ops->write(m->iommu, m->stream, iova, buf, len, res);
}

static inline bool model_bus_stalled(const struct model_bus_master *m)
{
	return m->ops->stalled(m->iommu, m->stream);
}

static inline void model_bus_stats(const struct model_bus_master *m, struct model_bus_stats *out)
{
	m->ops->stats(m->iommu, out);
}

static inline unsigned int model_bus_irq_now(const struct model_bus_master *m, bool force)
{
	return m->ops->irq_now(m->iommu, force);
}

static inline const char *model_bus_name(const struct model_bus_master *m)
{
	return m->ops->name(m->iommu);
}

#endif
