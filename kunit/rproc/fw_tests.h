/* SPDX-License-Identifier: GPL-2.0 */
/* The firmware policy's C++ cases (fw_test.cpp); the table is in fw_suites.c. */
#ifndef SOCMMU_KUNIT_RPROC_FW_TESTS_H
#define SOCMMU_KUNIT_RPROC_FW_TESTS_H

#include <shim/base.h>

struct kunit;

KX_BEGIN_DECLS

void fw_accepts_layout(struct kunit *test) KX_NOEXCEPT;
void fw_needs_a_table(struct kunit *test) KX_NOEXCEPT;
void fw_carveouts_stay_out_of_the_window(struct kunit *test) KX_NOEXCEPT;
void fw_segments_inside_carveouts(struct kunit *test) KX_NOEXCEPT;
void fw_carveouts_apart_and_named(struct kunit *test) KX_NOEXCEPT;
void fw_carveouts_aligned(struct kunit *test) KX_NOEXCEPT;
void fw_vdev_needs_shared_memory(struct kunit *test) KX_NOEXCEPT;
void fw_table_entry_trace_placed(struct kunit *test) KX_NOEXCEPT;
void fw_truncated_or_corrupt(struct kunit *test) KX_NOEXCEPT;

KX_END_DECLS

#endif
