/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The reference kernel's fidelity suites (Documentation/reference.rst):
 * mainline's IOMMU drivers, built into uml-ref-6.12, driving our hardware
 * models through the generic IOMMU API.  A client device gets its IOMMU
 * group when a driver binds it (dma_configure() -> of_iommu_configure()),
 * so the suites bind the test device tree's client nodes to a driver of
 * their own.  Test bench code: plain kernel C.
 */
#ifndef SOCMMU_REF_CLIENT_H
#define SOCMMU_REF_CLIENT_H

#include <linux/iommu.h>
#include <linux/platform_device.h>

#include "../model_bus/model_bus.h"

#define REF_MAX_CLIENTS	16

/* Client nodes bound by one suite's driver, in device-tree order. */
struct ref_clients {
	struct platform_driver drv;
	struct device *dev[REF_MAX_CLIENTS];
	unsigned int nr;
};

int ref_clients_register(struct ref_clients *c, const char *name,
			 const struct of_device_id *match);
void ref_clients_unregister(struct ref_clients *c);
/* The bound client whose node is @name ("ipu", "msm-client-a"), or NULL. */
struct device *ref_client(struct ref_clients *c, const char *name);

/* A fault as report_iommu_fault() delivered it to the domain's handler. */
struct ref_fault {
	struct completion done;
	unsigned int count;
	struct device *dev;
	unsigned long iova;
	int flags;
	int ret;		/* what the handler returns */
};

void ref_fault_init(struct ref_fault *f, struct iommu_domain *domain, int ret);
/* Wait up to a second for the next fault; false if none came. */
bool ref_fault_wait(struct ref_fault *f);

/*
 * Memory for a mapping of @size bytes: one page of ours inside a
 * @size-aligned physical block of RAM.  The IOMMU maps the whole block;
 * the device reads the page through it, at its offset in the block.
 */
struct ref_block {
	struct page *page;
	phys_addr_t block;	/* @size-aligned physical base */
	size_t offset;		/* of the page in the block */
};

int ref_block_get(struct ref_block *b, size_t size);
void ref_block_put(struct ref_block *b);
void ref_block_fill(struct ref_block *b, u32 seed);
/* Device-read @len bytes at @iova and compare with the page's pattern. */
bool ref_block_matches(const struct model_bus_master *bus, u64 iova,
		       struct ref_block *b, struct model_bus_result *res);

/* iommu/core/iommu_ops_shim.c (for KUnit): where our domains keep theirs. */
size_t socmmu_domain_legacy_offset(void);

#endif
