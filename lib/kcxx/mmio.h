/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Typed MMIO registers.  A register is a type with named fields and, when
 * every device of the driver has it at the same place, its offset; an Mmio
 * window reads and writes whole registers through the kernel's
 * readl()/writel() (or the _relaxed forms, when the caller knows no
 * ordering against normal memory is needed):
 *
 *	struct Cntl : kcxx::Register32<Cntl, 0x44> {
 *		KCXX_REG_BIT(mmu_enable, 1)
 *		KCXX_REG_FIELD(mode, 7, 4)
 *	};
 *
 *	mmio.write(Cntl().set_mmu_enable(true).set_mode(2));
 *	mmio.modify<Cntl>([](Cntl &c) { c.set_mmu_enable(false); });
 *
 * A register whose offset depends on the hardware version has none in its
 * type; a layout chosen at probe gives it, typed, as an At<Reg>:
 *
 *	struct PtBase : kcxx::Register32<PtBase> { KCXX_REG_PFN(base, 31, 0, 12) };
 *	struct Layout { kcxx::At<PtBase> pt_base; kcxx::At<FlushAll> flush_all; };
 *	constexpr Layout kV5 = { .pt_base = 0x0c, .flush_all = 0x10 };
 *
 *	mmio.write(layout->pt_base, PtBase().set_base(table_pa));
 *
 * Register arrays (TLB entries, per-context registers) are RegArray, and a
 * block of registers repeated at a stride (context banks) is a window of
 * the mapping: mmio.window(bank * 0x1000).
 */
#ifndef KCXX_MMIO_H
#define KCXX_MMIO_H

#include <kcxx/bits.h>
#include <kcxx/types.h>
#include <kcxx/utility.h>
#include <shim/mmio.h>

namespace kcxx {

/* The Offset of a register type whose offset is chosen at run time (At). */
inline constexpr u32 kRuntimeOffset = ~0u;

template <typename Derived, u32 Offset = kRuntimeOffset> class Register32 {
public:
	static constexpr u32 offset = Offset;
	/* read<Reg>() when fixed; read(At<Reg>) otherwise. */
	static constexpr bool fixed_offset = Offset != kRuntimeOffset;
	static_assert(!fixed_offset || Offset % 4 == 0, "32-bit registers are 4-byte aligned");

	constexpr Register32() = default;

	/* The register type holding a value read from the hardware. */
	static constexpr Derived from_raw(u32 raw)
	{
		Derived reg{};

		static_cast<Register32 &>(reg).raw_ = raw;
		return reg;
	}

	constexpr u32 raw() const { return raw_; }

	template <unsigned int Hi, unsigned int Lo> constexpr u32 get() const
	{
		return BitField<Hi, Lo>::get(raw_);
	}

	template <unsigned int Hi, unsigned int Lo> constexpr Derived &set(u32 value)
	{
		raw_ = BitField<Hi, Lo>::insert(raw_, value);
		return static_cast<Derived &>(*this);
	}

	/* Through a field type (BitField, AddrField): what the macros use. */
	template <typename Field> constexpr auto get_field() const { return Field::get(raw_); }

	template <typename Field, typename V> constexpr Derived &set_field(V value)
	{
		raw_ = Field::insert(raw_, value);
		return static_cast<Derived &>(*this);
	}

	friend constexpr bool operator==(const Register32 &a, const Register32 &b)
	{
		return a.raw_ == b.raw_;
	}

private:
	u32 raw_ = 0;
};

/*
 * Fields.  Each also names its field type, name_field, for layout
 * static_asserts: static_assert(Cntl::mode_field::mask == 0xf0).
 *
 * KCXX_REG_FIELD(name, hi, lo): name() reads bits hi..lo, set_name(v)
 * writes them.
 */
#define KCXX_REG_FIELD(name, hi, lo)                                            \
	using name##_field = ::kcxx::BitField<hi, lo>;                          \
	constexpr u32 name() const { return this->template get<hi, lo>(); }    \
	constexpr auto &set_##name(u32 value) { return this->template set<hi, lo>(value); }

/* KCXX_REG_BIT(name, bit): one bit, as a bool. */
#define KCXX_REG_BIT(name, bit)                                                 \
	using name##_field = ::kcxx::BitField<bit, bit>;                        \
	constexpr bool name() const { return this->template get<bit, bit>() != 0; } \
	constexpr auto &set_##name(bool value)                                  \
	{                                                                       \
		return this->template set<bit, bit>(value ? 1u : 0u);           \
	}

/*
 * KCXX_REG_ADDR(name, hi, lo): bits hi..lo are the same bits of an address
 * (VA[31:12] of a TLB invalidation).  set_name(address) takes the whole
 * address and drops its bits below lo; name() returns the address.
 * KCXX_REG_ADDR_SHIFTED(name, hi, lo, shift): bits hi..lo hold
 * address >> shift (a page-table base register holding PA >> 12).
 */
#define KCXX_REG_ADDR_SHIFTED(name, hi, lo, shift)                              \
	using name##_field = ::kcxx::AddrField<hi, lo, shift>;                  \
	constexpr u64 name() const { return this->template get_field<name##_field>(); } \
	constexpr auto &set_##name(u64 address)                                 \
	{                                                                       \
		return this->template set_field<name##_field>(address);         \
	}

#define KCXX_REG_ADDR(name, hi, lo) KCXX_REG_ADDR_SHIFTED(name, hi, lo, lo)

/*
 * Where a register of type Reg is, when its type does not say: one field
 * of a version's layout, chosen at probe, or an element of a RegArray.
 * Only a register of type Reg can be read or written through it.  A
 * default-constructed At is "no such register" (a version without it):
 * valid() is false, reads return all ones, as from a missing device, and
 * writes go nowhere.  A misaligned offset is a caller bug: a compile error
 * in a constant layout, a WARN and no register at run time.
 */
template <typename Reg> class At {
	static_assert(!Reg::fixed_offset, "this register's type has its offset: use read<Reg>()");

public:
	constexpr At() = default;
	/* Not explicit: a layout reads { .pt_base = 0x0c }. */
	constexpr At(u32 offset) : offset_(checked(offset)) {}

	constexpr bool valid() const { return offset_ != kRuntimeOffset; }
	constexpr u32 offset() const { return offset_; }

	friend constexpr bool operator==(const At &a, const At &b) { return a.offset_ == b.offset_; }

private:
	static constexpr u32 checked(u32 offset)
	{
		if (offset % 4 == 0)
			return offset;
		kx_warn(__FILE__, __LINE__, "misaligned 32-bit register");
		return kRuntimeOffset;
	}

	u32 offset_ = kRuntimeOffset;
};

/*
 * Count registers of type Reg, Stride bytes apart from First: TLB entries,
 * per-context or per-master registers (MSM's M2VCBR_N at 0xff000 + 4 * n).
 * An index out of range is a caller bug: a compile error in a constant
 * expression, a WARN and no register (At()) at run time.
 */
template <typename Reg, u32 First, u32 Stride, u32 Count> struct RegArray {
	static_assert(First % 4 == 0 && Stride % 4 == 0 && Stride >= 4 && Count > 0,
		      "an array of aligned, distinct 32-bit registers");
	static_assert(u64(First) + u64(Stride) * Count <= kRuntimeOffset, "array beyond 4 GiB");

	static constexpr u32 first = First;
	static constexpr u32 stride = Stride;
	static constexpr u32 count = Count;
	/* One past the last register, for layout static_asserts. */
	static constexpr u32 end = First + Stride * Count;

	static constexpr bool contains(u32 index) { return index < Count; }

	static constexpr At<Reg> at(u32 index)
	{
		if (contains(index))
			return At<Reg>(First + index * Stride);
		kx_warn(__FILE__, __LINE__, "register array index out of range");
		return At<Reg>();
	}
};

/* For layout static_asserts: the registers present are at distinct offsets. */
template <typename... Regs> constexpr bool distinct_offsets(At<Regs>... ats)
{
	const u32 offsets[] = { kRuntimeOffset, ats.offset()... };
	const unsigned int n = sizeof(offsets) / sizeof(offsets[0]);

	for (unsigned int i = 1; i < n; i++)
		for (unsigned int j = i + 1; j < n; j++)
			if (offsets[i] != kRuntimeOffset && offsets[i] == offsets[j])
				return false;
	return true;
}

/*
 * A register window: what ioremap() returned, or a part of it starting at
 * an offset (window()).  Offsets of registers are from the window's start.
 */
class Mmio {
public:
	constexpr Mmio() = default;
	constexpr explicit Mmio(kx_iomem *base) : base_(base) {}

	/* The whole mapping this window lies in (what iounmap() takes). */
	kx_iomem *base() const { return base_; }
	/* Where this window starts in the mapping. */
	u32 offset() const { return offset_; }
	explicit operator bool() const { return base_ != nullptr; }

	/* The part of this window from @offset on: a bank of registers. */
	Mmio window(u32 offset) const { return Mmio(base_, offset_ + offset); }

	template <typename Reg> Reg read() const
	{
		static_assert(Reg::fixed_offset, "this register has no offset of its own: read(At<Reg>)");
		return Reg::from_raw(kx_readl(base_, offset_ + Reg::offset));
	}

	template <typename Reg> void write(const Reg &reg) const
	{
		static_assert(Reg::fixed_offset, "this register has no offset of its own: write(At<Reg>, reg)");
		kx_writel(base_, offset_ + Reg::offset, reg.raw());
	}

	template <typename Reg> Reg read_relaxed() const
	{
		static_assert(Reg::fixed_offset, "this register has no offset of its own");
		return Reg::from_raw(kx_readl_relaxed(base_, offset_ + Reg::offset));
	}

	template <typename Reg> void write_relaxed(const Reg &reg) const
	{
		static_assert(Reg::fixed_offset, "this register has no offset of its own");
		kx_writel_relaxed(base_, offset_ + Reg::offset, reg.raw());
	}

	/*
	 * A register at a run-time offset.  Reg comes from the At<Reg> (or is
	 * named: read<Reg>(offset)); write() takes it from the register, so
	 * writing one type at another's place does not compile.
	 */
	template <typename Reg> Reg read(At<Reg> at) const
	{
		return at.valid() ? Reg::from_raw(kx_readl(base_, offset_ + at.offset()))
				  : Reg::from_raw(~0u);
	}

	template <typename Reg> void write(type_identity_t<At<Reg>> at, const Reg &reg) const
	{
		if (at.valid())
			kx_writel(base_, offset_ + at.offset(), reg.raw());
	}

	template <typename Reg> Reg read_relaxed(At<Reg> at) const
	{
		return at.valid() ? Reg::from_raw(kx_readl_relaxed(base_, offset_ + at.offset()))
				  : Reg::from_raw(~0u);
	}

	template <typename Reg> void write_relaxed(type_identity_t<At<Reg>> at, const Reg &reg) const
	{
		if (at.valid())
			kx_writel_relaxed(base_, offset_ + at.offset(), reg.raw());
	}

	/* Read, let @change edit, write back: one read and one write. */
	template <typename Reg, typename F> Reg modify(F &&change) const
	{
		Reg reg = read<Reg>();

		change(reg);
		write(reg);
		return reg;
	}

	/* The same at a run-time offset; nothing at all through At(). */
	template <typename Reg, typename F> Reg modify(At<Reg> at, F &&change) const
	{
		if (!at.valid())
			return Reg::from_raw(~0u);

		Reg reg = read(at);

		change(reg);
		write(at, reg);
		return reg;
	}

	/* Untyped, for what has no register type yet. */
	u32 read_at(u32 offset) const { return kx_readl(base_, offset_ + offset); }
	void write_at(u32 offset, u32 value) const { kx_writel(base_, offset_ + offset, value); }

private:
	constexpr Mmio(kx_iomem *base, u32 offset) : base_(base), offset_(offset) {}

	kx_iomem *base_ = nullptr;
	u32 offset_ = 0;
};

} // namespace kcxx

#endif
