/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Exynos SYSMMU driver's suites: C++ cases (translation_test.cpp,
 * fault_pm_test.cpp) over a C test shim (suites.c) that owns the client
 * devices, the domains and the buffers of the running case, and releases
 * them when the case ends.
 */
#ifndef SOCMMU_EXYNOS_IOMMU_TEST_H
#define SOCMMU_EXYNOS_IOMMU_TEST_H

#include <shim/base.h>

#include "../../iommu/core/driver_abi.h"

struct kunit;
struct device;
struct iommu_domain;
struct exynos_model;
struct ib_bench;

/* The test DT's clients (/exynos-client-<name>), one per SYSMMU variant and the MFC. */
enum eit_id {
	EIT_V1, EIT_V2, EIT_V31, EIT_V32, EIT_V33, EIT_V5, EIT_V7, EIT_V7VM,
	EIT_MFC,	/* behind sysmmu-mfc0 and sysmmu-mfc1 */
	EIT_NR_CLIENTS,
};

#define EIT_NR_VARIANTS	EIT_MFC

/* What the case's fault handler saw. */
struct eit_faults {
	int count;
	struct device *dev;
	unsigned long iova;
	int flags;
	/* The SYSMMU the handler watched held its master while the handler ran. */
	bool stalled_in_handler;
};

/* IOMMU_READ/IOMMU_WRITE, restated for C++ (checked in suites.c). */
#define EIT_READ	1
#define EIT_WRITE	2

KX_BEGIN_DECLS

/* The suites' test bench (kunit/iommu_bench), for the C-only cases. */
struct ib_bench *eit_the_bench(void) KX_NOEXCEPT;

/* "v1" ... "v7vm", "mfc". */
const char *eit_name(enum eit_id which) KX_NOEXCEPT;
/* The client device bound to the suite's driver, or NULL. */
struct device *eit_client(enum eit_id which) KX_NOEXCEPT;
/* The @i-th SYSMMU in front of the client (the MFC has two), or NULL. */
struct exynos_model *eit_model(enum eit_id which, unsigned int i) KX_NOEXCEPT;
/* The framework had installed the DMA layer when the client was bound. */
bool eit_had_dma_layer(enum eit_id which) KX_NOEXCEPT;
/* 6.12: identity and blocked domains exist; 6.1: detach_dev. */
bool eit_paging_domains(void) KX_NOEXCEPT;

/* A domain for @client (at most two per case), freed at the case's end. */
struct iommu_domain *eit_domain_alloc(struct device *client) KX_NOEXCEPT;
int eit_attach(struct iommu_domain *domain, struct device *client) KX_NOEXCEPT;
void eit_detach(struct iommu_domain *domain, struct device *client) KX_NOEXCEPT;
/* iommu_map() with EIT_READ/EIT_WRITE. */
int eit_map(struct iommu_domain *domain, u64 iova, u64 paddr, u64 size, int prot) KX_NOEXCEPT;
size_t eit_unmap(struct iommu_domain *domain, u64 iova, u64 size) KX_NOEXCEPT;
u64 eit_iova_to_phys(struct iommu_domain *domain, u64 iova) KX_NOEXCEPT;
void eit_flush_all(struct iommu_domain *domain) KX_NOEXCEPT;
/* Handler returning @ret; it records into the case's eit_faults and checks @watch's stall. */
struct eit_faults *eit_set_fault_handler(struct iommu_domain *domain, int ret,
					 struct exynos_model *watch) KX_NOEXCEPT;
/* Wait up to a second for @faults->count to reach @count. */
bool eit_wait_faults(struct eit_faults *faults, int count) KX_NOEXCEPT;
/* Wait up to a second for the model's power to become @on / its stall to end. */
bool eit_wait_power(struct exynos_model *m, bool on) KX_NOEXCEPT;
bool eit_wait_unstalled(struct exynos_model *m) KX_NOEXCEPT;

/* 6.12: the blocking domain through DMA ownership; -EOPNOTSUPP on 6.1. */
int eit_claim_blocked(struct device *client) KX_NOEXCEPT;
void eit_release_blocked(struct device *client) KX_NOEXCEPT;

/* Runtime PM of a client (released at the case's end if still held). */
int eit_client_get(struct device *client) KX_NOEXCEPT;
void eit_client_put(struct device *client) KX_NOEXCEPT;
/* System sleep stand-in: force-suspend client then SYSMMUs; resume reversed. */
int eit_sleep_suspend(enum eit_id which) KX_NOEXCEPT;
int eit_sleep_resume(enum eit_id which) KX_NOEXCEPT;

/* A zeroed page, freed at the case's end; its physical address in *phys. */
void *eit_page(u64 *phys) KX_NOEXCEPT;
void *eit_phys_to_virt(u64 phys) KX_NOEXCEPT;

/* A model instance's register, read as a vendor driver would. */
u32 eit_reg_read(struct exynos_model *m, u32 offset) KX_NOEXCEPT;
/* The framework's counters of the instance behind @m. */
struct socmmu_iommu_stats eit_stats(struct exynos_model *m) KX_NOEXCEPT;
/*
 * The clock @name ("sysmmu", "aclk", "pclk", "master") of @m's node: 1 on,
 * 0 off, -1 if the node has none.
 */
int eit_clock_on(struct exynos_model *m, const char *name) KX_NOEXCEPT;

/*
 * Probe the bad-input node at @path again (its scratch registers cleared
 * first) and read what the kernel log says about it since: returns the
 * driver's own lines (the driver core's "probe ... failed" line aside),
 * the first of them in @first; *@bound whether a driver took the device.
 */
int eit_reprobe_bad_node(const char *path, char *first, size_t len, bool *bound) KX_NOEXCEPT;
/* Is the SYSMMU node at @path an instance of the framework? */
bool eit_is_instance(const char *path) KX_NOEXCEPT;
/* The first clock of the node at @path: 1 enabled, 0 not, -1 none. */
int eit_node_clock_on(const char *path) KX_NOEXCEPT;

/* The SYSMMU's device name ("d2050000.sysmmu-v5"). */
const char *eit_dev_name(struct exynos_model *m) KX_NOEXCEPT;
/* The kernel log: a marker line now, and the lines after it holding @dev and @needle. */
void eit_log_mark(char *marker, size_t len) KX_NOEXCEPT;
int eit_log_count(const char *marker, const char *dev, const char *needle) KX_NOEXCEPT;

/*
 * A debugfs file of the driver's instance for @m, read as a user would:
 * /sys/kernel/debug/socmmu_exynos_iommu/<sysmmu device>/<file>.  @buf gets
 * at most @len - 1 bytes and a NUL.  Returns the bytes read or an errno.
 */
long eit_debugfs_read(struct exynos_model *m, const char *file, char *buf,
		      size_t len) KX_NOEXCEPT;
KX_PRINTF(3, 4) void eit_format(char *buf, size_t len, const char *fmt, ...) KX_NOEXCEPT;
bool eit_contains(const char *text, const char *needle) KX_NOEXCEPT;
/* The value of the line "@key 0x<hex>" in @text; false if there is none. */
bool eit_text_field(const char *text, const char *key, u32 *value) KX_NOEXCEPT;
void eit_log(struct kunit *test, const char *what, const char *text) KX_NOEXCEPT;

/* Translation cases (translation_test.cpp). */
void eit_all_probed(struct kunit *test) KX_NOEXCEPT;
void eit_page_sizes(struct kunit *test) KX_NOEXCEPT;
void eit_unmap_then_fault(struct kunit *test) KX_NOEXCEPT;
void eit_flpd_zero_l2_link(struct kunit *test) KX_NOEXCEPT;
void eit_no_flpd_flush_before_v33(struct kunit *test) KX_NOEXCEPT;
void eit_36bit_pa_per_instance(struct kunit *test) KX_NOEXCEPT;
void eit_sync_batching(struct kunit *test) KX_NOEXCEPT;
void eit_mfc_two_sysmmus(struct kunit *test) KX_NOEXCEPT;
void eit_bad_nodes(struct kunit *test) KX_NOEXCEPT;
void eit_bad_calls(struct kunit *test) KX_NOEXCEPT;
void eit_attach_detach(struct kunit *test) KX_NOEXCEPT;
void eit_blocked_domain(struct kunit *test) KX_NOEXCEPT;
void eit_debugfs(struct kunit *test) KX_NOEXCEPT;

/* Fault and power cases (fault_pm_test.cpp). */
void eit_permission_faults(struct kunit *test) KX_NOEXCEPT;
void eit_page_fault_flags(struct kunit *test) KX_NOEXCEPT;
void eit_stall_and_resume(struct kunit *test) KX_NOEXCEPT;
void eit_unhandled_fault(struct kunit *test) KX_NOEXCEPT;
void eit_block_timeout(struct kunit *test) KX_NOEXCEPT;
void eit_clocks_and_power(struct kunit *test) KX_NOEXCEPT;
void eit_runtime_pm_context(struct kunit *test) KX_NOEXCEPT;
void eit_map_while_suspended(struct kunit *test) KX_NOEXCEPT;
void eit_system_sleep(struct kunit *test) KX_NOEXCEPT;

/* A misbehaving device (storm.c, C only). */
void eit_storm_v1(struct kunit *test) KX_NOEXCEPT;
void eit_storm_v7(struct kunit *test) KX_NOEXCEPT;
void eit_fault_at_runtime_suspend(struct kunit *test) KX_NOEXCEPT;
void eit_fault_at_sleep(struct kunit *test) KX_NOEXCEPT;
void eit_readonly_write(struct kunit *test) KX_NOEXCEPT;
/* Allocation failure at every site (failnth.c, C only). */
void eit_failnth_domain_alloc(struct kunit *test) KX_NOEXCEPT;
void eit_failnth_attach(struct kunit *test) KX_NOEXCEPT;
void eit_failnth_map_pages(struct kunit *test) KX_NOEXCEPT;
void eit_failnth_map_pages_atomic(struct kunit *test) KX_NOEXCEPT;
void eit_failnth_dma_setup(struct kunit *test) KX_NOEXCEPT;
void eit_failnth_dma_coherent(struct kunit *test) KX_NOEXCEPT;
void eit_failnth_dma_atomic(struct kunit *test) KX_NOEXCEPT;
void eit_failnth_dma_map_sg(struct kunit *test) KX_NOEXCEPT;
void eit_failnth_dma_map_single(struct kunit *test) KX_NOEXCEPT;
void eit_failnth_probe(struct kunit *test) KX_NOEXCEPT;
/* A SYSMMU unbound under a client a driver refused (unbind.c, C only). */
void eit_unbind_refused_client(struct kunit *test) KX_NOEXCEPT;
/* The MFC client released when either of its two SYSMMUs is unbound (unbind.c). */
void eit_unbind_second_sysmmu(struct kunit *test) KX_NOEXCEPT;
/* Takes the DMA layer the failnth cases gave the v7 client off again. */
void eit_failnth_exit(void) KX_NOEXCEPT;

KX_END_DECLS

#endif
