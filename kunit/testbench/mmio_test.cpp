// SPDX-License-Identifier: GPL-2.0
/*
 * Typed registers against the test bench's scratch window, whose counters
 * show exactly which MMIO accesses reached the "hardware".
 */
#include <kcxx/mmio.h>

#include "../kcxx_test.h"
#include "scratch_mmio.h"
#include "testbench_tests.h"

using namespace kcxx;

namespace {

struct Control : Register32<Control, 0x44> {
	KCXX_REG_FIELD(enable, 1, 1)
	KCXX_REG_FIELD(walk, 2, 2)
	KCXX_REG_FIELD(mode, 7, 4)
};

struct Lock : Register32<Lock, 0x50> {
	KCXX_REG_FIELD(base, 14, 10)
	KCXX_REG_FIELD(victim, 8, 4)
};

static_assert(Lock().set_base(3).set_victim(5).raw() == ((3u << 10) | (5u << 4)));
static_assert(Control::offset == 0x44);

constexpr u32 kArrayBase = 0x400;

Mmio map_scratch(struct kunit *test)
{
	tb_scratch_reset();
	kx_iomem *base = kx_ioremap(TB_SCRATCH_PHYS, TB_SCRATCH_SIZE);

	KX_ASSERT_TRUE(test, base != nullptr);
	return Mmio(base);
}

void unmap_scratch(struct kunit *test, Mmio mmio)
{
	KX_EXPECT_EQ(test, tb_scratch_bad_accesses(), 0u);
	kx_iounmap(mmio.base());
}

} // namespace

void mmio_write_lands_at_offset(struct kunit *test)
{
	Mmio mmio = map_scratch(test);

	mmio.write(Control().set_enable(1).set_mode(0xa));
	KX_EXPECT_EQ(test, tb_scratch_peek(0x44), 0xa2u);
	KX_EXPECT_EQ(test, tb_scratch_writes(0x44), 1u);
	KX_EXPECT_EQ(test, tb_scratch_reads(0x44), 0u);
	KX_EXPECT_EQ(test, tb_scratch_writes(0x40), 0u);
	KX_EXPECT_EQ(test, tb_scratch_writes(0x48), 0u);
	unmap_scratch(test, mmio);
}

void mmio_read_decodes_fields(struct kunit *test)
{
	Mmio mmio = map_scratch(test);

	tb_scratch_poke(0x50, (3u << 10) | (5u << 4) | 0x80000000u);
	Lock lock = mmio.read<Lock>();
	KX_EXPECT_EQ(test, lock.base(), 3u);
	KX_EXPECT_EQ(test, lock.victim(), 5u);
	KX_EXPECT_EQ(test, lock.raw(), 0x80000c50u);
	KX_EXPECT_EQ(test, tb_scratch_reads(0x50), 1u);
	KX_EXPECT_EQ(test, tb_scratch_writes(0x50), 0u);
	unmap_scratch(test, mmio);
}

void mmio_relaxed_accessors(struct kunit *test)
{
	Mmio mmio = map_scratch(test);

	mmio.write_relaxed(Lock().set_victim(31));
	KX_EXPECT_EQ(test, tb_scratch_peek(0x50), 31u << 4);
	KX_EXPECT_EQ(test, mmio.read_relaxed<Lock>().victim(), 31u);
	KX_EXPECT_EQ(test, tb_scratch_writes(0x50), 1u);
	KX_EXPECT_EQ(test, tb_scratch_reads(0x50), 1u);
	unmap_scratch(test, mmio);
}

void mmio_modify_is_one_read_one_write(struct kunit *test)
{
	Mmio mmio = map_scratch(test);

	tb_scratch_poke(0x44, 0xfffff0f0u);
	Control written = mmio.modify<Control>([](Control &c) { c.set_enable(1).set_mode(0x3); });

	/* Bits outside the edited fields survive the read-modify-write. */
	KX_EXPECT_EQ(test, tb_scratch_peek(0x44), 0xfffff032u);
	KX_EXPECT_EQ(test, written.raw(), 0xfffff032u);
	KX_EXPECT_EQ(test, tb_scratch_reads(0x44), 1u);
	KX_EXPECT_EQ(test, tb_scratch_writes(0x44), 1u);
	unmap_scratch(test, mmio);
}

void mmio_register_arrays(struct kunit *test)
{
	Mmio mmio = map_scratch(test);

	for (u32 i = 0; i < 8; i++)
		mmio.write_at(kArrayBase + 4 * i, 0x1000 * i + i);
	for (u32 i = 0; i < 8; i++) {
		KX_EXPECT_EQ(test, tb_scratch_peek(kArrayBase + 4 * i), 0x1000 * i + i);
		KX_EXPECT_EQ(test, tb_scratch_writes(kArrayBase + 4 * i), 1u);
		KX_EXPECT_EQ(test, mmio.read_at(kArrayBase + 4 * i), 0x1000 * i + i);
	}
	KX_EXPECT_EQ(test, tb_scratch_writes(kArrayBase + 32), 0u);
	unmap_scratch(test, mmio);
}
