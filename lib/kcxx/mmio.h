/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Typed MMIO registers.  A register is a type with its offset and named
 * fields; an Mmio window reads and writes whole registers through the
 * kernel's readl()/writel() (or the _relaxed forms, when the caller knows
 * no ordering against normal memory is needed):
 *
 *	struct Cntl : kcxx::Register32<Cntl, 0x44> {
 *		KCXX_REG_FIELD(mmu_enable, 1, 1)
 *		KCXX_REG_FIELD(table_walk_enable, 2, 2)
 *	};
 *
 *	mmio.write(Cntl().set_mmu_enable(1).set_table_walk_enable(1));
 *	mmio.modify<Cntl>([](Cntl &c) { c.set_mmu_enable(0); });
 */
#ifndef KCXX_MMIO_H
#define KCXX_MMIO_H

#include <kcxx/bits.h>
#include <kcxx/types.h>
#include <shim/mmio.h>

namespace kcxx {

template <typename Derived, u32 Offset> class Register32 {
public:
	static constexpr u32 offset = Offset;
	static_assert(Offset % 4 == 0, "32-bit registers are 4-byte aligned");

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

	friend constexpr bool operator==(const Register32 &a, const Register32 &b)
	{
		return a.raw_ == b.raw_;
	}

private:
	u32 raw_ = 0;
};

/* name() reads bits hi..lo of the register, set_name(v) writes them. */
#define KCXX_REG_FIELD(name, hi, lo)                                         \
	constexpr u32 name() const { return this->template get<hi, lo>(); }   \
	constexpr auto &set_##name(u32 value) { return this->template set<hi, lo>(value); }

/* A register window: what ioremap() returned, and nothing else. */
class Mmio {
public:
	constexpr Mmio() = default;
	constexpr explicit Mmio(kx_iomem *base) : base_(base) {}

	kx_iomem *base() const { return base_; }
	explicit operator bool() const { return base_ != nullptr; }

	template <typename Reg> Reg read() const { return Reg::from_raw(kx_readl(base_, Reg::offset)); }
	template <typename Reg> void write(const Reg &reg) const { kx_writel(base_, Reg::offset, reg.raw()); }

	template <typename Reg> Reg read_relaxed() const
	{
		return Reg::from_raw(kx_readl_relaxed(base_, Reg::offset));
	}

	template <typename Reg> void write_relaxed(const Reg &reg) const
	{
		kx_writel_relaxed(base_, Reg::offset, reg.raw());
	}

	/* Read, let @change edit, write back: one read and one write. */
	template <typename Reg, typename F> Reg modify(F &&change) const
	{
		Reg reg = read<Reg>();

		change(reg);
		write(reg);
		return reg;
	}

	/* For register arrays (TLB entries, context banks) at a run-time offset. */
	u32 read_at(u32 offset) const { return kx_readl(base_, offset); }
	void write_at(u32 offset, u32 value) const { kx_writel(base_, offset, value); }

private:
	kx_iomem *base_ = nullptr;
};

} // namespace kcxx

#endif
