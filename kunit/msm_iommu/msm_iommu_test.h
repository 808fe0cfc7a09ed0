/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The MSM IOMMU driver's suites: C++ cases (msm_iommu_test.cpp) over a C
 * test shim (suites.c) that owns the client devices, the domains and the
 * buffers of the running case, and releases them when the case ends.
 */
#ifndef SOCMMU_MSM_IOMMU_TEST_H
#define SOCMMU_MSM_IOMMU_TEST_H

#include <shim/base.h>

struct kunit;
struct device;
struct iommu_domain;
struct msm_model;
struct ib_bench;
struct socmmu_iommu_stats;

/* The test DT's clients (kunit/dts/socmmu-test.dts). */
enum mit_client {
	MIT_A,		/* msm_mdp MID 1 */
	MIT_B,		/* msm_mdp MID 2 */
	MIT_C,		/* msm_mdp MIDs 3 and 4 */
	MIT_GFX,	/* msm_gfx MID 1 */
	MIT_VFE,	/* msm_vfe MID 2; keeps the DMA layer */
	MIT_MULTI,	/* msm_mdp MID 6 and msm_gfx MID 2 */
	MIT_BADMID,	/* msm_cam MID 300: refused */
	MIT_NR_CLIENTS
};

/* What a case's fault handler does with a fault. */
enum mit_fault_mode {
	MIT_FAULT_HANDLED,	/* returns 0 without changing anything */
	MIT_FAULT_REFUSE,	/* returns -EFAULT: not handled */
	MIT_FAULT_MAP,		/* maps the case's fix page at the address, returns 0 */
};

/* What the case's fault handler saw. */
struct mit_faults {
	int count;
	struct device *dev;
	unsigned long iova;
	int flags;
	int map_errors;
};

KX_BEGIN_DECLS

/* The suites' test bench (kunit/iommu_bench), for the C-only cases. */
struct ib_bench *mit_the_bench(void) KX_NOEXCEPT;

/* The client device bound to the test driver, or NULL. */
struct device *mit_client(enum mit_client which) KX_NOEXCEPT;
/* Is @dev behind an IOMMU (in an IOMMU group)? */
bool mit_has_iommu(struct device *dev) KX_NOEXCEPT;
/* Bound to a driver (a refused IOMMU instance is not). */
bool mit_bound(struct device *dev) KX_NOEXCEPT;
/* 6.12: identity and blocked domains exist; 6.1: detach_dev. */
bool mit_paging_domains(void) KX_NOEXCEPT;

/* Domains of the case (up to 4), freed at its end. */
struct iommu_domain *mit_domain_alloc(struct device *client) KX_NOEXCEPT;
int mit_attach(struct iommu_domain *domain, struct device *client) KX_NOEXCEPT;
void mit_detach(struct iommu_domain *domain, struct device *client) KX_NOEXCEPT;
/* IOMMU_* flags in @prot. */
int mit_map(struct iommu_domain *domain, u64 iova, u64 paddr, u64 size, int prot) KX_NOEXCEPT;
size_t mit_unmap(struct iommu_domain *domain, u64 iova, u64 size) KX_NOEXCEPT;
/* iommu_unmap_fast() of each range into one gather, then one iommu_iotlb_sync(). */
size_t mit_unmap_batch(struct iommu_domain *domain, const u64 *iova, const u64 *size,
		       unsigned int n) KX_NOEXCEPT;
u64 mit_iova_to_phys(struct iommu_domain *domain, u64 iova) KX_NOEXCEPT;
/* The case's handler on @domain; @fix_phys is what MIT_FAULT_MAP maps (4 KB). */
struct mit_faults *mit_set_fault_handler(struct iommu_domain *domain, enum mit_fault_mode mode,
					 u64 fix_phys) KX_NOEXCEPT;
/* Wait up to a second for @faults->count to reach @count. */
bool mit_wait_faults(struct mit_faults *faults, int count) KX_NOEXCEPT;
/* Wait up to a second for @mid's bank on @m to stop stalling. */
bool mit_wait_unstalled(struct msm_model *m, u32 mid) KX_NOEXCEPT;
/* Wait up to a second for the model's power to become @on. */
bool mit_wait_power(struct msm_model *m, bool on) KX_NOEXCEPT;
/* Wait up to a second for the instance's framework stats to count so many. */
bool mit_wait_terminated(struct msm_model *m, u64 terminated) KX_NOEXCEPT;
bool mit_wait_unhandled(struct msm_model *m, u64 unhandled) KX_NOEXCEPT;

/* Hold back @m's interrupts (disable_irq), as a busy CPU would; and let them go. */
void mit_irqs_off(struct msm_model *m) KX_NOEXCEPT;
void mit_irqs_on(struct msm_model *m) KX_NOEXCEPT;

/* 6.12: the blocking domain through DMA ownership; -EOPNOTSUPP on 6.1. */
int mit_claim_blocked(struct device *client) KX_NOEXCEPT;
void mit_release_blocked(struct device *client) KX_NOEXCEPT;

/* Runtime PM of a client, or of an IOMMU instance (released at the case's end). */
int mit_pm_get(struct device *dev) KX_NOEXCEPT;
void mit_pm_put(struct device *dev) KX_NOEXCEPT;
/* System sleep stand-in: force-suspend client then its IOMMUs; resume reversed. */
int mit_sleep_suspend(struct device *client) KX_NOEXCEPT;
int mit_sleep_resume(struct device *client) KX_NOEXCEPT;
/* The IOMMU framework's counters of @m's instance; -ENODEV when not bound. */
int mit_stats(struct msm_model *m, struct socmmu_iommu_stats *stats) KX_NOEXCEPT;
/* Whether the gate named @clock ("smmu_pclk", "iommu_clk") of @m is enabled. */
bool mit_clock_on(struct msm_model *m, const char *clock) KX_NOEXCEPT;

/* Release a client device (release_device), and create it again from its node. */
int mit_destroy(enum mit_client which) KX_NOEXCEPT;
int mit_create(enum mit_client which) KX_NOEXCEPT;

/* A zeroed page, freed at the case's end; its physical address in *phys. */
void *mit_page(u64 *phys) KX_NOEXCEPT;
void *mit_phys_to_virt(u64 phys) KX_NOEXCEPT;

/* The DMA API on a client that keeps the DMA layer: a buffer freed at the case's end. */
void *mit_dma_alloc(struct device *client, size_t size, u64 *dma) KX_NOEXCEPT;
/* dma_map_single(DMA_BIDIRECTIONAL) of @cpu; dma_unmap_single() reverses it. */
int mit_dma_map(struct device *client, void *cpu, size_t size, u64 *dma) KX_NOEXCEPT;
void mit_dma_unmap(struct device *client, u64 dma, size_t size) KX_NOEXCEPT;
/* A kmalloc() buffer freed at the case's end. */
void *mit_buffer(size_t size) KX_NOEXCEPT;

/* Raw access to a model instance's registers, as a vendor driver might. */
u32 mit_reg_read(struct msm_model *m, u32 offset) KX_NOEXCEPT;

/*
 * Read a debugfs file of the driver for model instance @m as a user
 * would: /sys/kernel/debug/socmmu_msm_iommu/<iommu device>/<file>.  @buf
 * gets at most @len - 1 bytes and a NUL.  Returns the bytes read or a
 * negative errno.
 */
long mit_debugfs_read(struct msm_model *m, const char *file, char *buf, size_t len) KX_NOEXCEPT;
KX_PRINTF(3, 4) void mit_format(char *buf, size_t len, const char *fmt, ...) KX_NOEXCEPT;
bool mit_contains(const char *text, const char *needle) KX_NOEXCEPT;
/* Log @text (what a case read) into the case's output. */
void mit_log(struct kunit *test, const char *what, const char *text) KX_NOEXCEPT;

/* Cases: socmmu_msm_iommu. */
void mit_page_sizes_and_attributes(struct kunit *test) KX_NOEXCEPT;
void mit_unmap_then_fault(struct kunit *test) KX_NOEXCEPT;
void mit_batched_invalidation(struct kunit *test) KX_NOEXCEPT;
void mit_two_clients_isolated(struct kunit *test) KX_NOEXCEPT;
void mit_client_with_two_mids(struct kunit *test) KX_NOEXCEPT;
void mit_client_on_two_instances(struct kunit *test) KX_NOEXCEPT;
void mit_unowned_mid_faults(struct kunit *test) KX_NOEXCEPT;
void mit_released_client_unrouted(struct kunit *test) KX_NOEXCEPT;
void mit_bad_inputs(struct kunit *test) KX_NOEXCEPT;
void mit_attach_detach(struct kunit *test) KX_NOEXCEPT;
void mit_blocked_domain(struct kunit *test) KX_NOEXCEPT;
void mit_dma_api(struct kunit *test) KX_NOEXCEPT;
void mit_debugfs(struct kunit *test) KX_NOEXCEPT;
/* socmmu_msm_iommu_faults. */
void mit_stall_handler_maps_retry(struct kunit *test) KX_NOEXCEPT;
void mit_stall_refused_terminated(struct kunit *test) KX_NOEXCEPT;
void mit_stall_unfixed_terminated(struct kunit *test) KX_NOEXCEPT;
void mit_fault_flags(struct kunit *test) KX_NOEXCEPT;
void mit_stall_released_by_detach_and_suspend(struct kunit *test) KX_NOEXCEPT;
/* socmmu_msm_iommu_pm. */
void mit_runtime_pm_context(struct kunit *test) KX_NOEXCEPT;
void mit_map_while_suspended(struct kunit *test) KX_NOEXCEPT;
void mit_system_sleep(struct kunit *test) KX_NOEXCEPT;

/* Allocation failure at every site (failnth.c, C only). */
void mit_failnth_map_pages(struct kunit *test) KX_NOEXCEPT;
void mit_failnth_map_pages_atomic(struct kunit *test) KX_NOEXCEPT;
void mit_failnth_domain_alloc(struct kunit *test) KX_NOEXCEPT;
void mit_failnth_attach(struct kunit *test) KX_NOEXCEPT;
void mit_failnth_dma_coherent(struct kunit *test) KX_NOEXCEPT;
void mit_failnth_dma_atomic(struct kunit *test) KX_NOEXCEPT;
void mit_failnth_dma_map_sg(struct kunit *test) KX_NOEXCEPT;
void mit_failnth_dma_map_single(struct kunit *test) KX_NOEXCEPT;
void mit_failnth_probe(struct kunit *test) KX_NOEXCEPT;

/* A misbehaving device (storm.c, C only). */
void mit_storm(struct kunit *test) KX_NOEXCEPT;
void mit_fault_at_runtime_suspend(struct kunit *test) KX_NOEXCEPT;
void mit_fault_at_sleep(struct kunit *test) KX_NOEXCEPT;
void mit_readonly_write(struct kunit *test) KX_NOEXCEPT;

KX_END_DECLS

#endif
