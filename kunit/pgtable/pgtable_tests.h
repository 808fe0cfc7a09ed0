/* SPDX-License-Identifier: GPL-2.0 */
/* The page-table engine's C++ cases and their C helpers; tables in suites.c. */
#ifndef SOCMMU_PGTABLE_TESTS_H
#define SOCMMU_PGTABLE_TESTS_H

#include <shim/base.h>

struct device;
struct kunit;
struct pgt_v7s;

/* What io-pgtable-arm-v7s gives a driver to program the hardware with. */
struct pgt_v7s_regs {
	u32 ttbr, tcr, prrr, nmrr;
	unsigned long pgsize_bitmap;
};

KX_BEGIN_DECLS

/* The running case's stand-in for the IOMMU: a platform device, 32-bit DMA mask. */
struct device *pgt_test_device(void) KX_NOEXCEPT;
/* Linear-map translations, to walk tables as the hardware does. */
void *pgt_test_phys_to_virt(u64 phys) KX_NOEXCEPT;
u64 pgt_test_virt_to_phys(void *virt) KX_NOEXCEPT;
/* Let others run: a long case must not hog the CPU (soft lockups). */
void pgt_test_yield(void) KX_NOEXCEPT;

void pgt_map_small_page(struct kunit *test);
void pgt_map_large_page(struct kunit *test);
void pgt_map_section(struct kunit *test);
void pgt_map_supersection(struct kunit *test);
void pgt_map_unmap_pgcount(struct kunit *test);
void pgt_map_in_atomic_context(struct kunit *test);

void pgt_map_rejects_bad_arguments(struct kunit *test);
void pgt_map_overlap_keeps_state(struct kunit *test);
void pgt_unmap_unmapped_returns_zero(struct kunit *test);
void pgt_unmap_partial_large_entries(struct kunit *test);
void pgt_syncs_only_touched_entries(struct kunit *test);
void pgt_empty_l2_freed_only_at_release(struct kunit *test);
void pgt_unmap_full_l2_in_one_step(struct kunit *test);
void pgt_sync_once_per_l2_run(struct kunit *test);
void pgt_coherent_tables_not_synced(struct kunit *test);
void pgt_alloc_failure_leaves_nothing(struct kunit *test);
void pgt_pick_page_size(struct kunit *test);
void pgt_zero_l2_format(struct kunit *test);
void pgt_for_each_mapping_visits_each_once(struct kunit *test);
void pgt_unmap_runs_to_aperture_end(struct kunit *test);
void pgt_unmap_runs_to_aperture_end_test_format(struct kunit *test);
void pgt_map_fast_path_in_live_l2(struct kunit *test);
void pgt_unmap_blocks_lock_free(struct kunit *test);

void pgt_map_gather_fault_l1(struct kunit *test);
void pgt_map_gather_zero_l2_link(struct kunit *test);

/*
 * The kernel's io-pgtable-arm-v7s (v7s_kernel.c): NULL when the kernel
 * lacks it (pgt_v7s_available()) or the case holds too many.  prot is
 * IOMMU_READ.. as io_pgtable_ops.map_pages takes it.
 */
bool pgt_v7s_available(void) KX_NOEXCEPT;
struct pgt_v7s *pgt_v7s_create(struct device *dev, struct pgt_v7s_regs *regs) KX_NOEXCEPT;
void pgt_v7s_destroy(struct pgt_v7s *t) KX_NOEXCEPT;
void pgt_v7s_release_all(void) KX_NOEXCEPT;
int pgt_v7s_map(struct pgt_v7s *t, u64 iova, u64 paddr, u64 pgsize, size_t pgcount, u32 prot,
		size_t *mapped) KX_NOEXCEPT;
size_t pgt_v7s_unmap(struct pgt_v7s *t, u64 iova, u64 pgsize, size_t pgcount) KX_NOEXCEPT;
u64 pgt_v7s_iova_to_phys(struct pgt_v7s *t, u64 iova) KX_NOEXCEPT;
/* tlb_flush_walk calls: each is an L2 table the kernel freed. */
unsigned long pgt_v7s_walk_flushes(const struct pgt_v7s *t) KX_NOEXCEPT;

void pgt_format_pa_shift(struct kunit *test);
void pgt_format_pa_bits_checked(struct kunit *test);
void pgt_prot_in_every_replica(struct kunit *test);

void pgt_v7s_format_entries(struct kunit *test);
void pgt_v7s_same_registers(struct kunit *test);
void pgt_v7s_every_prot_and_size(struct kunit *test);
void pgt_v7s_random_ops(struct kunit *test);
void pgt_v7s_kernel_differences(struct kunit *test);

KX_END_DECLS

#endif
