/* SPDX-License-Identifier: GPL-2.0 */
/* The DMA engine's C++ cases (engine_test.cpp); the table is in engine_suites.c. */
#ifndef SOCMMU_KUNIT_ENGINE_TESTS_H
#define SOCMMU_KUNIT_ENGINE_TESTS_H

#include <shim/base.h>

struct kunit;

KX_BEGIN_DECLS

void engine_sg_merges_within_limits(struct kunit *test) KX_NOEXCEPT;
void engine_sg_unaligned_entries(struct kunit *test) KX_NOEXCEPT;
void engine_sg_one_map_per_run(struct kunit *test) KX_NOEXCEPT;
void engine_sg_padding_holes(struct kunit *test) KX_NOEXCEPT;
void engine_map_failure_unwinds(struct kunit *test) KX_NOEXCEPT;
void engine_map_phys_offsets(struct kunit *test) KX_NOEXCEPT;
void engine_strict_and_deferred(struct kunit *test) KX_NOEXCEPT;
void engine_rejects_bad_chunks(struct kunit *test) KX_NOEXCEPT;

KX_END_DECLS

#endif
