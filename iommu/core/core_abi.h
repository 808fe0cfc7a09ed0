/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The boundary between the framework's C shims (iommu_ops_shim.c,
 * platform_shim.c) and its C++ core (registry, instances, clients,
 * domains).  The shims translate kernel calls into these and decide
 * nothing; see Documentation/iommu-framework.rst.
 */
#ifndef SOCMMU_IOMMU_CORE_ABI_H
#define SOCMMU_IOMMU_CORE_ABI_H

#include <shim/base.h>

#include <shim/map_run.h>

#include "driver_abi.h"

struct device;
struct iommu_domain;
struct socmmu_inst;

/* C++ objects, opaque to C. */
struct core_instance;
struct core_client;
struct core_domain;

/* What the framework needs of a driver, plain data (the C descriptor embeds it). */
struct socmmu_driver_info {
	const char *name;
	unsigned int iommu_cells;	/* #iommu-cells of the binding */
	/* The driver's socmmu::Hardware for one instance, or NULL with *err set. */
	void *(*create)(const struct socmmu_hw_params *params, int *err);
	/*
	 * The binding alone, as create() checks it first, for a node that is
	 * not probed (params->base is NULL: nothing may touch the hardware):
	 * 0, or the errno create() would return, with the same one dev_err.
	 */
	int (*check)(const struct socmmu_hw_params *params);
};

/* "iommus" entries one client may list (policy.h's kMaxEndpoints). */
#define SOCMMU_MAX_ENDPOINTS	64

/* One entry of a client's "iommus": the instance's node and the arguments. */
struct socmmu_endpoint {
	const void *key;		/* the IOMMU node's fwnode */
	u32 nargs;
	u32 args[SOCMMU_DT_MAX_CELLS];
};

/*
 * Whose IOMMU one "iommus" entry names, when no instance exists to ask
 * (core_client_check()): its driver (NULL: not one of ours) and a name
 * for messages.
 */
struct socmmu_endpoint_owner {
	const struct socmmu_driver_info *drv;
	const char *name;
};

/* What a debugfs file of an instance shows. */
enum core_dump {
	CORE_DUMP_REGS,
	CORE_DUMP_TLB,
	CORE_DUMP_PAGETABLE,
	CORE_DUMP_STATS,
};

KX_BEGIN_DECLS

int core_init(void) KX_NOEXCEPT;
void core_exit(void) KX_NOEXCEPT;

/*
 * Instances.  create() runs with the hardware powered and clocked (the
 * shim holds a runtime-PM reference); @key is the node's fwnode.
 */
struct core_instance *core_instance_create(const struct socmmu_driver_info *drv,
					   const struct socmmu_hw_params *params,
					   const void *key, int *err) KX_NOEXCEPT;
void core_instance_destroy(struct core_instance *ci) KX_NOEXCEPT;
void core_instance_suspend(struct core_instance *ci) KX_NOEXCEPT;
void core_instance_resume(struct core_instance *ci) KX_NOEXCEPT;
/* The IRQ: true if a fault was taken. */
bool core_instance_irq(struct core_instance *ci) KX_NOEXCEPT;
void core_instance_dump(struct core_instance *ci, enum core_dump what, void *seq) KX_NOEXCEPT;
void core_instance_stats(struct core_instance *ci, struct socmmu_iommu_stats *out) KX_NOEXCEPT;
/* The instance registered under @key, or NULL. */
struct core_instance *core_instance_find(const void *key) KX_NOEXCEPT;
/*
 * @dev is a client with a context on @ci (an "iommus" entry names it),
 * whichever instance the IOMMU core files it under.
 */
bool core_instance_serves(struct core_instance *ci, const struct device *dev) KX_NOEXCEPT;

/* Clients: probe_device and release_device. */
struct core_client *core_client_create(struct device *dev, const struct socmmu_endpoint *eps,
				       unsigned int n, int *err) KX_NOEXCEPT;
void core_client_destroy(struct core_client *cc) KX_NOEXCEPT;
/*
 * The checks core_client_create() makes of "iommus" before it claims
 * anything, for a node that is not probed: 0 or the same errno and the
 * same one dev_err.
 */
int core_client_check(struct device *dev, const struct socmmu_endpoint *eps,
		      const struct socmmu_endpoint_owner *owners, unsigned int n) KX_NOEXCEPT;
/* The instance the IOMMU core files the client under. */
struct socmmu_inst *core_client_inst(struct core_client *cc) KX_NOEXCEPT;
/* Every instance of the client gives it a context of its own (not shared). */
bool core_client_isolated(struct core_client *cc) KX_NOEXCEPT;
/* Every context of the client to bypass (identity) or to faulting (blocked). */
void core_client_leave(struct core_client *cc, bool blocked) KX_NOEXCEPT;

/*
 * Domains.  With @client the table is created for the client's IOMMU at
 * once (6.12's domain_alloc_paging); without, at the first attach (6.1's
 * domain_alloc has no device).
 */
struct core_domain *core_domain_create(struct iommu_domain *domain, struct core_client *client,
				       int *err) KX_NOEXCEPT;
void core_domain_destroy(struct core_domain *cd) KX_NOEXCEPT;
int core_domain_attach(struct core_domain *cd, struct core_client *cc) KX_NOEXCEPT;
int core_domain_map(struct core_domain *cd, u64 iova, u64 paddr, u64 pgsize, size_t pgcount,
		    int prot, bool atomic, size_t *mapped) KX_NOEXCEPT;
/*
 * Map @n runs, each to its IOVA, in one call: all of them, or none and a
 * negative errno after one log line (Documentation/iommu-framework.rst).
 * -EINVAL for a run not aligned to the domain's smallest page or empty;
 * otherwise as core_domain_map().
 */
int core_domain_map_runs(struct core_domain *cd, const struct kx_map_run *runs, size_t n,
			 int prot, bool atomic) KX_NOEXCEPT;
size_t core_domain_unmap(struct core_domain *cd, u64 iova, u64 pgsize,
			 size_t pgcount) KX_NOEXCEPT;
/* Invalidate [start, end) plus everything unmapped since, then free tables. */
void core_domain_sync(struct core_domain *cd, u64 start, u64 end) KX_NOEXCEPT;
void core_domain_flush_all(struct core_domain *cd) KX_NOEXCEPT;
u64 core_domain_iova_to_phys(struct core_domain *cd, u64 iova) KX_NOEXCEPT;

KX_END_DECLS

#endif
