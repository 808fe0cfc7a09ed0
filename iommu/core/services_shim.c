// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel services the framework's C++ core and the drivers' C++ call
 * (services.h).  Exported for the driver modules.
 */
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/regmap.h>
#include <linux/seq_file.h>

#include "inst.h"
#include "services.h"

static_assert(SOCMMU_FAULT_READ == IOMMU_FAULT_READ);
static_assert(SOCMMU_FAULT_WRITE == IOMMU_FAULT_WRITE);

/**
 * kx_seq_vprintf() - seq_vprintf() for C++
 * @seq: the struct seq_file of a debugfs show function
 * @fmt: printf-style format
 * @args: its arguments
 */
void kx_seq_vprintf(void *seq, const char *fmt, va_list args)
{
	seq_vprintf(seq, fmt, args);
}
EXPORT_SYMBOL_GPL(kx_seq_vprintf);

/**
 * kx_inst_dev() - an instance's own device
 * @inst: the instance
 *
 * Return: the IOMMU's struct device.
 */
struct device *kx_inst_dev(struct socmmu_inst *inst)
{
	return inst->dev;
}
EXPORT_SYMBOL_GPL(kx_inst_dev);

/**
 * kx_inst_sync_irqs() - wait for the instance's running interrupt handlers
 * @inst: the instance
 */
void kx_inst_sync_irqs(struct socmmu_inst *inst)
{
	unsigned int i;

	for (i = 0; i < inst->nirqs; i++)
		synchronize_irq(inst->irqs[i]);
}
EXPORT_SYMBOL_GPL(kx_inst_sync_irqs);

/**
 * kx_inst_set_dma_bits() - the DMA mask of the instance's table walker
 * @inst: the instance
 * @bits: address bits the walker reaches
 *
 * The walker reads tables by physical address: never a bounce buffer.
 *
 * Return: 0 or the DMA API's errno.
 */
int kx_inst_set_dma_bits(struct socmmu_inst *inst, unsigned int bits)
{
	return dma_coerce_mask_and_coherent(inst->dev, DMA_BIT_MASK(bits));
}
EXPORT_SYMBOL_GPL(kx_inst_set_dma_bits);

/**
 * kx_inst_driver_get() - pin the instance's driver module
 * @inst: the instance
 *
 * Clients and domains hold one, so the driver cannot go while they use it.
 *
 * Return: false if the module is being removed.
 */
bool kx_inst_driver_get(struct socmmu_inst *inst)
{
	return try_module_get(inst->drv->owner);
}
EXPORT_SYMBOL_GPL(kx_inst_driver_get);

/**
 * kx_inst_driver_put() - undo kx_inst_driver_get()
 * @inst: the instance
 */
void kx_inst_driver_put(struct socmmu_inst *inst)
{
	module_put(inst->drv->owner);
}
EXPORT_SYMBOL_GPL(kx_inst_driver_put);

/**
 * kx_inst_log_fault() - one line about a fault, rate-limited per instance
 * @inst: the instance that took the fault
 * @fmt: printf-style format
 *
 * Return: true if the line was printed, false if the rate limit dropped it.
 */
bool kx_inst_log_fault(struct socmmu_inst *inst, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	if (!__ratelimit(&inst->fault_log))
		return false;
	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	dev_err(inst->dev, "%pV", &vaf);
	va_end(args);
	return true;
}
EXPORT_SYMBOL_GPL(kx_inst_log_fault);

/**
 * kx_syscon_update_bits() - regmap_update_bits() on a looked-up syscon
 * @syscon: the regmap of a SOCMMU_DT_SYSCON property
 * @offset: register offset
 * @mask: bits to change
 * @value: their new value
 *
 * Return: 0 or the regmap's errno.
 */
int kx_syscon_update_bits(void *syscon, u32 offset, u32 mask, u32 value)
{
	return regmap_update_bits(syscon, offset, mask, value);
}
EXPORT_SYMBOL_GPL(kx_syscon_update_bits);

/**
 * kx_link_add() - a stateless runtime-PM link client -> IOMMU
 * @consumer: the client
 * @supplier: the IOMMU instance
 *
 * Return: the link, or NULL.
 */
struct kx_link *kx_link_add(struct device *consumer, struct device *supplier)
{
	return (struct kx_link *)device_link_add(consumer, supplier,
						 DL_FLAG_STATELESS | DL_FLAG_PM_RUNTIME);
}
EXPORT_SYMBOL_GPL(kx_link_add);

/*
 * When the client itself is deleted, device_del() purges its links before
 * the IOMMU core releases it (BUS_NOTIFY_REMOVED_DEVICE), and a link may
 * be shared with fw_devlink's for the same "iommus" pair: delete only a
 * link still on the client's list.  Links change under the device-links
 * lock, which is not exported; the client's release is serialised by the
 * IOMMU core, and nothing else adds or deletes this client's links then.
 */
static bool kx_link_alive(struct device *dev, struct device_link *link)
{
	struct device_link *l;

	list_for_each_entry(l, &dev->links.suppliers, c_node) {
		if (l == link)
			return true;
	}
	return false;
}

/**
 * kx_link_del() - delete a link from kx_link_add() unless already gone
 * @consumer: the client
 * @link: the link
 */
void kx_link_del(struct device *consumer, struct kx_link *link)
{
	struct device_link *l = (struct device_link *)link;

	if (kx_link_alive(consumer, l))
		device_link_del(l);
}
EXPORT_SYMBOL_GPL(kx_link_del);

/**
 * kx_report_iommu_fault() - report_iommu_fault() for C++
 * @domain: the domain the context translated with
 * @client: the device behind the context
 * @iova: the faulting address
 * @flags: SOCMMU_FAULT_*
 *
 * Return: 0 when the domain's handler took the fault.
 */
int kx_report_iommu_fault(struct iommu_domain *domain, struct device *client, u64 iova,
			  int flags)
{
	return report_iommu_fault(domain, client, iova, flags);
}
EXPORT_SYMBOL_GPL(kx_report_iommu_fault);

/**
 * kx_domain_set_geometry() - a domain's page sizes and aperture
 * @domain: the domain
 * @page_sizes: its pgsize_bitmap
 * @iova_limit: the aperture is [0, @iova_limit)
 */
void kx_domain_set_geometry(struct iommu_domain *domain, u64 page_sizes, u64 iova_limit)
{
	domain->pgsize_bitmap = page_sizes;
	domain->geometry.aperture_start = 0;
	domain->geometry.aperture_end = iova_limit - 1;
	domain->geometry.force_aperture = true;
}
EXPORT_SYMBOL_GPL(kx_domain_set_geometry);
