/* SPDX-License-Identifier: GPL-2.0 */
/* The page-table engine's C++ cases and their C helpers; tables in suites.c. */
#ifndef SOCMMU_PGTABLE_TESTS_H
#define SOCMMU_PGTABLE_TESTS_H

#include <shim/base.h>

struct device;
struct kunit;

KX_BEGIN_DECLS

/* The running case's stand-in for the IOMMU: a platform device, 32-bit DMA mask. */
struct device *pgt_test_device(void) KX_NOEXCEPT;
/* Linear-map translations, to walk tables as the hardware does. */
void *pgt_test_phys_to_virt(u64 phys) KX_NOEXCEPT;
u64 pgt_test_virt_to_phys(void *virt) KX_NOEXCEPT;

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
void pgt_alloc_failure_leaves_nothing(struct kunit *test);
void pgt_pick_page_size(struct kunit *test);
void pgt_zero_l2_format(struct kunit *test);
void pgt_for_each_mapping_visits_each_once(struct kunit *test);
void pgt_unmap_runs_to_aperture_end(struct kunit *test);
void pgt_unmap_runs_to_aperture_end_test_format(struct kunit *test);

void pgt_map_gather_fault_l1(struct kunit *test);
void pgt_map_gather_zero_l2_link(struct kunit *test);

void pgt_format_pa_shift(struct kunit *test);
void pgt_format_pa_bits_checked(struct kunit *test);
void pgt_prot_in_every_replica(struct kunit *test);

KX_END_DECLS

#endif
