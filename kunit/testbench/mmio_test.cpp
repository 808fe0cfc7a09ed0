// SPDX-License-Identifier: GPL-2.0
/*
 * Typed registers against the test bench's scratch window, whose counters
 * show exactly which MMIO accesses reached the "hardware".
 */
#include <kcxx/mmio.h>

#include "../kcxx_test.h"
#include "../support/tracked.h"
#include "scratch_mmio.h"
#include "testbench_tests.h"

using namespace kcxx;
using kcxx::test::opaque;

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

/* A register with a flag, a VA kept in place and an ASID: MSM's TLBIVA. */
struct Tlbiva : Register32<Tlbiva, 0x80> {
	KCXX_REG_ADDR(va, 31, 12)
	KCXX_REG_FIELD(asid, 7, 0)
	KCXX_REG_BIT(valid, 8)
};

/* A page-table base register holding PA >> 12 (Exynos SYSMMU v5). */
struct PtBase : Register32<PtBase> {
	KCXX_REG_ADDR_SHIFTED(base, 31, 0, 12)
};

/* FLUSH_ENTRY: (iova & ~0xfff) | 1. */
struct FlushEntry : Register32<FlushEntry> {
	KCXX_REG_ADDR(iova, 31, 12)
	KCXX_REG_BIT(go, 0)
};

struct IntStatus : Register32<IntStatus> {
	KCXX_REG_BIT(page_fault, 0)
	KCXX_REG_FIELD(others, 7, 1)
};

/*
 * Registers at a version's offsets, chosen at probe: Exynos puts these at
 * different places per version (the "VM" layout, at +0x8000 on real v7,
 * is scaled into the 4 KiB scratch window at +0x800).  Version 1 has no
 * FLUSH_ENTRY here, to exercise a register a layout lacks.
 */
struct Layout {
	At<PtBase> pt_base;
	At<FlushEntry> flush_entry;
	At<IntStatus> int_status;
};

constexpr Layout kV1 = { .pt_base = 0x14, .int_status = 0x18 };
constexpr Layout kV5 = { .pt_base = 0x0c, .flush_entry = 0x14, .int_status = 0x60 };
constexpr Layout kVm = { .pt_base = 0x80c, .flush_entry = 0x814, .int_status = 0x60 };

/* A TLB-entry style array: 16 entries, 8 bytes apart. */
struct Entry : Register32<Entry> {
	KCXX_REG_ADDR(va, 31, 12)
	KCXX_REG_BIT(valid, 0)
};
using Entries = RegArray<Entry, 0x300, 8, 16>;

/* The layout helpers of Documentation/cxx-style.rst, checked on themselves. */
static_assert(Control::mode_field::mask == 0xf0 && Control::mode_field::shift == 4);
static_assert(Tlbiva::va_field::mask == 0xfffff000 && Tlbiva::valid_field::mask == 0x100);
static_assert(disjoint(Tlbiva::va_field::mask, Tlbiva::asid_field::mask, Tlbiva::valid_field::mask));
static_assert(!disjoint(Lock::base_field::mask, 0x400u));
static_assert(distinct_offsets(kV5.pt_base, kV5.flush_entry, kV5.int_status));
static_assert(distinct_offsets(kV1.pt_base, kV1.flush_entry, kV1.int_status));
static_assert(!distinct_offsets(At<PtBase>(0x60), kV5.int_status));
static_assert(!kV1.flush_entry.valid() && kVm.pt_base.offset() == 0x80c);
static_assert(Entries::at(3).offset() == 0x318 && Entries::end == 0x380);
static_assert(Entries::contains(15) && !Entries::contains(16));
static_assert(Tlbiva().set_va(0x12345678).set_asid(5).raw() == 0x12345005);
static_assert(PtBase().set_base(0x812345000ull).raw() == 0x812345);
static_assert(PtBase::from_raw(0x812345).base() == 0x812345000ull);
static_assert(!PtBase::fixed_offset && Tlbiva::fixed_offset);

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

void mmio_bit_fields_are_bools(struct kunit *test)
{
	Mmio mmio = map_scratch(test);

	tb_scratch_poke(0x80, 0xfffff0ffu);
	Tlbiva reg = mmio.read<Tlbiva>();
	KX_EXPECT_FALSE(test, reg.valid());
	/* Any true value sets the one bit, and only it. */
	mmio.write(reg.set_valid(opaque(0x200u)));
	KX_EXPECT_EQ(test, tb_scratch_peek(0x80), 0xfffff1ffu);
	KX_EXPECT_TRUE(test, mmio.read<Tlbiva>().valid());
	mmio.modify<Tlbiva>([](Tlbiva &r) { r.set_valid(false); });
	KX_EXPECT_EQ(test, tb_scratch_peek(0x80), 0xfffff0ffu);
	KX_EXPECT_FALSE(test, mmio.read<Tlbiva>().valid());
	unmap_scratch(test, mmio);
}

void mmio_address_fields(struct kunit *test)
{
	Mmio mmio = map_scratch(test);

	/* In place: the address's low bits are dropped, the ASID kept. */
	mmio.write(Tlbiva().set_va(opaque(0x12345678ull)).set_asid(5));
	KX_EXPECT_EQ(test, tb_scratch_peek(0x80), 0x12345005u);
	Tlbiva tlbiva = mmio.read<Tlbiva>();
	KX_EXPECT_EQ(test, tlbiva.va(), 0x12345000ull);
	KX_EXPECT_EQ(test, tlbiva.asid(), 5u);
	KX_EXPECT_FALSE(test, tlbiva.valid());

	/* Shifted: a 36-bit physical address in a 32-bit register. */
	mmio.write(kV5.pt_base, PtBase().set_base(opaque(0x812345000ull)));
	KX_EXPECT_EQ(test, tb_scratch_peek(0x0c), 0x812345u);
	KX_EXPECT_EQ(test, mmio.read(kV5.pt_base).base(), 0x812345000ull);
	unmap_scratch(test, mmio);
}

void mmio_registers_at_layout_offsets(struct kunit *test)
{
	static const Layout *const layouts[] = { &kV1, &kV5, &kVm };
	Mmio mmio = map_scratch(test);

	for (const Layout *layout : layouts) {
		tb_scratch_reset();
		const u32 pt = layout->pt_base.offset(), status = layout->int_status.offset();

		mmio.write(layout->pt_base, PtBase().set_base(opaque(0x40000000ull)));
		KX_EXPECT_EQ(test, tb_scratch_peek(pt), 0x40000u);
		KX_EXPECT_EQ(test, tb_scratch_writes(pt), 1u);
		tb_scratch_poke(status, 0x3);
		IntStatus st = mmio.read(layout->int_status);
		KX_EXPECT_TRUE(test, st.page_fault());
		KX_EXPECT_EQ(test, st.others(), 1u);
		KX_EXPECT_EQ(test, tb_scratch_reads(status), 1u);
		/* modify() at a layout's offset: one read, one write. */
		mmio.modify(layout->int_status, [](IntStatus &s) { s.set_page_fault(false); });
		KX_EXPECT_EQ(test, tb_scratch_peek(status), 0x2u);
		KX_EXPECT_EQ(test, tb_scratch_reads(status), 2u);
		KX_EXPECT_EQ(test, tb_scratch_writes(status), 1u);
		KX_EXPECT_EQ(test, mmio.read_relaxed(layout->int_status).raw(), 0x2u);
		mmio.write_relaxed(layout->int_status, IntStatus().set_page_fault(true));
		KX_EXPECT_EQ(test, tb_scratch_peek(status), 0x1u);

		if (layout->flush_entry.valid()) {
			const u32 flush = layout->flush_entry.offset();

			mmio.write(layout->flush_entry, FlushEntry().set_iova(0xabcde123).set_go(true));
			KX_EXPECT_EQ(test, tb_scratch_peek(flush), 0xabcde001u);
			KX_EXPECT_EQ(test, tb_scratch_writes(flush), 1u);
		}
	}

	/* A register the layout lacks: no access, all ones read. */
	tb_scratch_reset();
	mmio.write(kV1.flush_entry, FlushEntry().set_go(true));
	KX_EXPECT_EQ(test, mmio.read(kV1.flush_entry).raw(), 0xffffffffu);
	KX_EXPECT_EQ(test, mmio.modify(kV1.flush_entry, [](FlushEntry &f) { f.set_go(true); }).raw(),
		     0xffffffffu);
	for (u32 offset = 0; offset < TB_SCRATCH_SIZE; offset += 4) {
		KX_EXPECT_EQ(test, tb_scratch_reads(offset), 0u);
		KX_EXPECT_EQ(test, tb_scratch_writes(offset), 0u);
	}

	/* A plain offset names the register type explicitly. */
	tb_scratch_poke(0x60, 0x1);
	KX_EXPECT_TRUE(test, mmio.read<IntStatus>(opaque(0x60u)).page_fault());
	mmio.write(opaque(0x64u), IntStatus().set_others(0x7f));
	KX_EXPECT_EQ(test, tb_scratch_peek(0x64), 0xfeu);
	unmap_scratch(test, mmio);
}

void mmio_register_array_elements(struct kunit *test)
{
	Mmio mmio = map_scratch(test);

	for (u32 i = 0; i < Entries::count; i++)
		mmio.write(Entries::at(opaque(i)), Entry().set_va(0x1000ull * (i + 1)).set_valid(true));
	for (u32 i = 0; i < Entries::count; i++) {
		const u32 offset = Entries::first + i * Entries::stride;

		KX_EXPECT_EQ(test, tb_scratch_peek(offset), 0x1000u * (i + 1) + 1);
		KX_EXPECT_EQ(test, tb_scratch_writes(offset), 1u);
		/* Between the elements, nothing. */
		KX_EXPECT_EQ(test, tb_scratch_writes(offset + 4), 0u);
		KX_EXPECT_EQ(test, mmio.read(Entries::at(opaque(i))).va(), 0x1000ull * (i + 1));
	}
	KX_EXPECT_EQ(test, tb_scratch_writes(Entries::first - 4), 0u);
	KX_EXPECT_EQ(test, tb_scratch_writes(Entries::end), 0u);
	KX_EXPECT_TRUE(test, Entries::contains(opaque(15u)));
	KX_EXPECT_FALSE(test, Entries::contains(opaque(16u)));
	unmap_scratch(test, mmio);
}

void mmio_windows(struct kunit *test)
{
	Mmio mmio = map_scratch(test);

	/* Banks of the same registers at a stride, as MSM's contexts. */
	for (u32 bank = 0; bank < 4; bank++)
		mmio.window(opaque(bank * 0x100)).write(Control().set_mode(bank + 1));
	for (u32 bank = 0; bank < 4; bank++) {
		KX_EXPECT_EQ(test, tb_scratch_peek(bank * 0x100 + 0x44), (bank + 1) << 4);
		KX_EXPECT_EQ(test, tb_scratch_writes(bank * 0x100 + 0x44), 1u);
	}

	Mmio bank = mmio.window(opaque(0x200u));
	KX_EXPECT_EQ(test, bank.offset(), 0x200u);
	KX_EXPECT_TRUE(test, bank.base() == mmio.base());
	KX_EXPECT_EQ(test, bank.read<Control>().mode(), 3u);
	/* Every accessor is relative to the window: run-time offsets too. */
	bank.write(kV5.pt_base, PtBase().set_base(0x1000));
	KX_EXPECT_EQ(test, tb_scratch_peek(0x20c), 1u);
	bank.write_at(0x10, 0x5a5a);
	KX_EXPECT_EQ(test, tb_scratch_peek(0x210), 0x5a5au);
	KX_EXPECT_EQ(test, bank.read_at(0x10), 0x5a5au);
	bank.modify<Lock>([](Lock &l) { l.set_victim(7); });
	KX_EXPECT_EQ(test, tb_scratch_peek(0x250), 7u << 4);
	KX_EXPECT_EQ(test, tb_scratch_writes(0x50), 0u);
	/* A window of a window adds up. */
	mmio.window(0x100).window(0x280).write_relaxed(Control().set_walk(1));
	KX_EXPECT_EQ(test, tb_scratch_peek(0x3c4), 0x4u);
	unmap_scratch(test, mmio);
}
