/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The OMAP IOMMU driver's suites: C++ cases (omap_iommu_test.cpp) over a
 * C test shim (suites.c) that owns the client devices, the domain and the
 * buffers of the running case, and releases them when the case ends.
 */
#ifndef SOCMMU_OMAP_IOMMU_TEST_H
#define SOCMMU_OMAP_IOMMU_TEST_H

#include <shim/base.h>

struct kunit;
struct device;
struct iommu_domain;
struct omap_model;
struct ib_bench;

enum oit_client { OIT_ISP, OIT_IPU, OIT_DSP, OIT_NR_CLIENTS };

/* What the case's fault handler saw. */
struct oit_faults {
	int count;
	struct device *dev;
	unsigned long iova;
	int flags;
};

KX_BEGIN_DECLS

/* The client device bound to the test driver, or NULL. */
struct device *oit_client(enum oit_client which) KX_NOEXCEPT;
/* 6.12: identity and blocked domains exist; 6.1: detach_dev. */
bool oit_paging_domains(void) KX_NOEXCEPT;

/* The case's domain (one per case), freed at the case's end. */
struct iommu_domain *oit_domain_alloc(struct device *client) KX_NOEXCEPT;
int oit_attach(struct iommu_domain *domain, struct device *client) KX_NOEXCEPT;
void oit_detach(struct iommu_domain *domain, struct device *client) KX_NOEXCEPT;
int oit_map(struct iommu_domain *domain, u64 iova, u64 paddr, u64 size) KX_NOEXCEPT;
size_t oit_unmap(struct iommu_domain *domain, u64 iova, u64 size) KX_NOEXCEPT;
u64 oit_iova_to_phys(struct iommu_domain *domain, u64 iova) KX_NOEXCEPT;
void oit_flush_all(struct iommu_domain *domain) KX_NOEXCEPT;
/* Handler returning @ret; it records into the case's oit_faults. */
struct oit_faults *oit_set_fault_handler(struct iommu_domain *domain, int ret) KX_NOEXCEPT;
/* Wait up to a second for @faults->count to reach @count. */
bool oit_wait_faults(struct oit_faults *faults, int count) KX_NOEXCEPT;
/* Wait up to a second for the model's power to become @on. */
bool oit_wait_power(struct omap_model *m, bool on) KX_NOEXCEPT;
/* Wait up to a second for the model to stop stalling. */
bool oit_wait_unstalled(struct omap_model *m) KX_NOEXCEPT;

/* 6.12: the blocking domain through DMA ownership; -EOPNOTSUPP on 6.1. */
int oit_claim_blocked(struct device *client) KX_NOEXCEPT;
void oit_release_blocked(struct device *client) KX_NOEXCEPT;

/* Runtime PM of a client (released at the case's end if still held). */
int oit_client_get(struct device *client) KX_NOEXCEPT;
void oit_client_put(struct device *client) KX_NOEXCEPT;
/* System sleep stand-in: force-suspend client then IOMMUs; resume reversed. */
int oit_sleep_suspend(struct device *client) KX_NOEXCEPT;
int oit_sleep_resume(struct device *client) KX_NOEXCEPT;

/* A zeroed page, freed at the case's end; its physical address in *phys. */
void *oit_page(u64 *phys) KX_NOEXCEPT;
/* The CPU address of physical memory (for checks of what the MMU reached). */
void *oit_phys_to_virt(u64 phys) KX_NOEXCEPT;

/* Raw access to a model instance's registers, as a vendor driver might. */
u32 oit_reg_read(struct omap_model *m, u32 offset) KX_NOEXCEPT;
void oit_reg_write(struct omap_model *m, u32 offset, u32 value) KX_NOEXCEPT;

/*
 * Read a debugfs file of the driver for model instance @m as a user
 * would: /sys/kernel/debug/socmmu_omap_iommu/<mmu device>/<file>.  @buf
 * gets at most @len - 1 bytes and a NUL.  Returns the bytes read or a
 * negative errno; *@ns (may be NULL) the time the reads took.
 */
long oit_debugfs_read(struct omap_model *m, const char *file, char *buf, size_t len,
		      u64 *ns) KX_NOEXCEPT;
/* snprintf for the cases' expected strings. */
KX_PRINTF(3, 4) void oit_format(char *buf, size_t len, const char *fmt, ...) KX_NOEXCEPT;
bool oit_contains(const char *text, const char *needle) KX_NOEXCEPT;
/* The value of the line "@key 0x<hex>" in @text; false if there is none. */
bool oit_text_field(const char *text, const char *key, u32 *value) KX_NOEXCEPT;
/* Log @text (what a case read) into the case's output. */
void oit_log(struct kunit *test, const char *what, const char *text) KX_NOEXCEPT;

/* The suites' test bench (kunit/iommu_bench), for the C-only cases. */
struct ib_bench *oit_the_bench(void) KX_NOEXCEPT;

/* Cases. */
void oit_page_sizes(struct kunit *test) KX_NOEXCEPT;
void oit_unmap_then_fault(struct kunit *test) KX_NOEXCEPT;
void oit_no_freed_table_reads(struct kunit *test) KX_NOEXCEPT;
void oit_fault_handler(struct kunit *test) KX_NOEXCEPT;
void oit_unhandled_fault(struct kunit *test) KX_NOEXCEPT;
void oit_bus_err_back(struct kunit *test) KX_NOEXCEPT;
void oit_bad_inputs(struct kunit *test) KX_NOEXCEPT;
void oit_attach_detach(struct kunit *test) KX_NOEXCEPT;
void oit_blocked_domain(struct kunit *test) KX_NOEXCEPT;
void oit_debugfs(struct kunit *test) KX_NOEXCEPT;
void oit_dsp_instances_in_sync(struct kunit *test) KX_NOEXCEPT;
void oit_runtime_pm_context(struct kunit *test) KX_NOEXCEPT;
void oit_map_while_suspended(struct kunit *test) KX_NOEXCEPT;
void oit_system_sleep(struct kunit *test) KX_NOEXCEPT;
/* Allocation failure at every site (failnth.c, C only). */
void oit_failnth_domain_alloc(struct kunit *test) KX_NOEXCEPT;
void oit_failnth_attach(struct kunit *test) KX_NOEXCEPT;
void oit_failnth_map_pages(struct kunit *test) KX_NOEXCEPT;
void oit_failnth_map_pages_atomic(struct kunit *test) KX_NOEXCEPT;
/* A misbehaving device (storm.c, C only). */
void oit_storm_stall(struct kunit *test) KX_NOEXCEPT;
void oit_storm_bus_error(struct kunit *test) KX_NOEXCEPT;
void oit_fault_at_runtime_suspend(struct kunit *test) KX_NOEXCEPT;
void oit_fault_at_sleep(struct kunit *test) KX_NOEXCEPT;
void oit_failnth_probe(struct kunit *test) KX_NOEXCEPT;

KX_END_DECLS

#endif
