/* SPDX-License-Identifier: GPL-2.0 */
/* C++ cases that run against the test bench; tables in testbench_test.c. */
#ifndef SOCMMU_TESTBENCH_TESTS_H
#define SOCMMU_TESTBENCH_TESTS_H

#include <shim/base.h>

struct kunit;

KX_BEGIN_DECLS

void mmio_write_lands_at_offset(struct kunit *test);
void mmio_read_decodes_fields(struct kunit *test);
void mmio_relaxed_accessors(struct kunit *test);
void mmio_modify_is_one_read_one_write(struct kunit *test);
void mmio_register_arrays(struct kunit *test);
void mmio_bit_fields_are_bools(struct kunit *test);
void mmio_address_fields(struct kunit *test);
void mmio_registers_at_layout_offsets(struct kunit *test);
void mmio_register_array_elements(struct kunit *test);
void mmio_windows(struct kunit *test);

KX_END_DECLS

#endif
