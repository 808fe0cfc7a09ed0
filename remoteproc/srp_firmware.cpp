// SPDX-License-Identifier: GPL-2.0
/*
 * Which firmware images the simulated remote processor takes, and what
 * their address map needs: decided before anything is allocated, so that
 * a refused image costs nothing and says why in one line.
 *
 * The address map (Documentation/remoteproc.rst): carveouts at fixed
 * device addresses hold every loadable segment, the resource table and the
 * trace buffers, and stay out of the DMA window, which is the DMA API's:
 * the shared memory ("shm", at an address the window's allocator picks),
 * the vrings and the rpmsg buffers live there.  So no fixed section can
 * ever collide with a DMA-API buffer, whatever the order of allocation.
 */
#include <kcxx/errno.h>
#include <kcxx/result.h>
#include <kcxx/types.h>
#include <kcxx/utility.h>

#include "srp.h"

namespace srp {
namespace {

constexpr u64 k4G = u64{1} << 32;

/* Bounds-checked little-endian reads of the image (ELF and table are LE). */
class Bytes {
public:
	Bytes(const u8 *data, u64 size) : data_(data), size_(size) {}

	bool has(u64 off, u64 len) const { return off <= size_ && len <= size_ - off; }
	u64 size() const { return size_; }
	u8 u8_at(u64 off) const { return data_[off]; }
	u16 u16_at(u64 off) const { return u16(data_[off] | data_[off + 1] << 8); }
	u32 u32_at(u64 off) const { return u32(u16_at(off)) | u32(u16_at(off + 2)) << 16; }
	Bytes sub(u64 off, u64 len) const { return Bytes(data_ + off, len); }

	/* A NUL-terminated name of at most @max bytes at @off, or "". */
	void name_at(u64 off, u32 max, char *out) const
	{
		u32 i = 0;

		for (; i + 1 < SRP_NAME_LEN && i < max && has(off + i, 1) && data_[off + i]; i++)
			out[i] = char(data_[off + i]);
		out[i] = 0;
	}

	bool name_is(u64 off, u64 max, const char *want) const
	{
		u64 i = 0;

		for (; want[i]; i++)
			if (i >= max || !has(off + i, 1) || data_[off + i] != u8(want[i]))
				return false;
		return i < max && has(off + i, 1) && data_[off + i] == 0;
	}

private:
	const u8 *data_;
	u64 size_;
};

struct Range {
	u64 start;
	u64 len;

	u64 end() const { return start + len; }
	bool overlaps(u64 s, u64 l) const { return s < end() && start < s + l; }
	bool holds(u64 s, u64 l) const { return s >= start && l <= len && s - start <= len - l; }
};

bool names_equal(const char *a, const char *b)
{
	for (; *a && *a == *b; a++, b++)
		;
	return *a == *b;
}

void copy_name(char *dst, const char *src)
{
	u32 i = 0;

	for (; i + 1 < SRP_NAME_LEN && src[i]; i++)
		dst[i] = src[i];
	dst[i] = 0;
}

class Checker {
public:
	Checker(const u8 *data, size_t size, u64 win_base, u64 win_limit, u32 granule,
		srp_plan *plan, srp_fw_verdict *why)
		: elf_(data, size), window_{win_base, win_limit - win_base}, granule_(granule),
		  plan_(plan), why_(why)
	{
	}

	kcxx::Result<void> run()
	{
		KCXX_TRY(read_elf());
		KCXX_TRY(read_table());
		KCXX_TRY(check_segments());
		return check_placement();
	}

private:
	kcxx::Error refuse(srp_fw_error error, u64 a = 0, u64 b = 0, u64 c = 0)
	{
		why_->error = error;
		why_->a = a;
		why_->b = b;
		why_->c = c;
		return kcxx::Error(-kcxx::EINVAL);
	}

	kcxx::Result<void> read_elf()
	{
		static constexpr u8 kMagic[4] = { 0x7f, 'E', 'L', 'F' };

		if (!elf_.has(0, SRP_ELF_EHDR_SIZE))
			return refuse(SRP_FW_NOT_ELF32);
		for (u32 i = 0; i < 4; i++)
			if (elf_.u8_at(i) != kMagic[i])
				return refuse(SRP_FW_NOT_ELF32);
		/* ELFCLASS32, ELFDATA2LSB. */
		if (elf_.u8_at(4) != 1 || elf_.u8_at(5) != 1)
			return refuse(SRP_FW_NOT_ELF32);
		plan_->machine = elf_.u16_at(18);
		entry_ = elf_.u32_at(24);
		phoff_ = elf_.u32_at(28);
		shoff_ = elf_.u32_at(32);
		phnum_ = elf_.u16_at(44);
		shnum_ = elf_.u16_at(48);
		const u32 shstrndx = elf_.u16_at(50);

		if (!elf_.has(phoff_, u64(phnum_) * SRP_ELF_PHDR_SIZE) ||
		    !elf_.has(shoff_, u64(shnum_) * SRP_ELF_SHDR_SIZE) ||
		    (shnum_ && shstrndx >= shnum_))
			return refuse(SRP_FW_NOT_ELF32);
		if (!shnum_)
			return refuse(SRP_FW_NO_TABLE);

		const u64 strtab = shdr(shstrndx);
		const u64 names = elf_.u32_at(strtab + 16), names_size = elf_.u32_at(strtab + 20);

		if (!elf_.has(names, names_size))
			return refuse(SRP_FW_NOT_ELF32);
		for (u32 i = 0; i < shnum_; i++) {
			const u64 sh = shdr(i), name = elf_.u32_at(sh);

			if (name >= names_size ||
			    !elf_.name_is(names + name, names_size - name, ".resource_table"))
				continue;
			table_ = Range{ elf_.u32_at(sh + 12), elf_.u32_at(sh + 20) };
			table_off_ = elf_.u32_at(sh + 16);
			if (!elf_.has(table_off_, table_.len))
				return refuse(SRP_FW_BAD_TABLE, 0);
			return {};
		}
		return refuse(SRP_FW_NO_TABLE);
	}

	u64 shdr(u32 i) const { return shoff_ + u64(i) * SRP_ELF_SHDR_SIZE; }
	u64 phdr(u32 i) const { return phoff_ + u64(i) * SRP_ELF_PHDR_SIZE; }

	kcxx::Result<void> read_table()
	{
		const Bytes t = elf_.sub(table_off_, table_.len);

		if (!t.has(0, SRP_TABLE_HDR_SIZE) || t.u32_at(0) != 1 || t.u32_at(8) || t.u32_at(12))
			return refuse(SRP_FW_BAD_TABLE, 0);
		const u32 num = t.u32_at(4);

		if (!t.has(SRP_TABLE_HDR_SIZE, u64(num) * 4))
			return refuse(SRP_FW_BAD_TABLE, 4);
		for (u32 i = 0; i < num; i++) {
			const u64 off = t.u32_at(SRP_TABLE_HDR_SIZE + 4 * i);

			if (off < SRP_TABLE_HDR_SIZE || !t.has(off, SRP_RSC_HDR_SIZE))
				return refuse(SRP_FW_BAD_TABLE, SRP_TABLE_HDR_SIZE + 4 * i);
			const u64 body = off + SRP_RSC_HDR_SIZE;

			switch (t.u32_at(off)) {
			case SRP_RSC_CARVEOUT:
				KCXX_TRY(carveout(t, body));
				break;
			case SRP_RSC_DEVMEM:
				t.name_at(body + SRP_CARVEOUT_NAME, SRP_NAME_LEN, why_->name);
				return refuse(SRP_FW_DEVMEM);
			case SRP_RSC_TRACE:
				KCXX_TRY(trace(t, body));
				break;
			case SRP_RSC_VDEV:
				KCXX_TRY(vdev(t, body));
				break;
			default:	/* the core warns about and skips the rest */
				break;
			}
		}
		if (has_vdev_ && !plan_->shm_len)
			return refuse(SRP_FW_NO_SHM);
		return {};
	}

	kcxx::Result<void> carveout(const Bytes &t, u64 body)
	{
		if (!t.has(body, SRP_CARVEOUT_SIZE))
			return refuse(SRP_FW_BAD_TABLE, body);
		const u32 da = t.u32_at(body), len = t.u32_at(body + 8);
		char name[SRP_NAME_LEN];

		t.name_at(body + SRP_CARVEOUT_NAME, SRP_NAME_LEN, name);
		copy_name(why_->name, name);
		if (da == SRP_ADDR_ANY) {
			/* The shared memory, or one the core allocates inside it. */
			if (!names_equal(name, SRP_SHM_NAME))
				return {};
			if (plan_->shm_len || !len || len % granule_ || len > SRP_SHM_MAX)
				return refuse(SRP_FW_BAD_SHM, da, len);
			plan_->shm_len = len;
			return {};
		}
		if (!name[0] || names_equal(name, SRP_SHM_NAME))
			return refuse(SRP_FW_CARVEOUT_NAME);
		if (!len || da % granule_ || len % granule_ || u64(da) + len > k4G)
			return refuse(SRP_FW_CARVEOUT_ALIGN, da, len);
		if (window_.overlaps(da, len))
			return refuse(SRP_FW_CARVEOUT_WINDOW, da, len);
		for (u32 i = 0; i < plan_->nr_fixed; i++) {
			const srp_fixed &other = plan_->fixed[i];

			if (names_equal(other.name, name))
				return refuse(SRP_FW_CARVEOUT_NAME);
			if (Range{ other.da, other.len }.overlaps(da, len)) {
				copy_name(why_->other, other.name);
				return refuse(SRP_FW_CARVEOUT_OVERLAP, da, len);
			}
		}
		if (plan_->nr_fixed == SRP_MAX_FIXED)
			return refuse(SRP_FW_TOO_MANY);
		srp_fixed &fixed = plan_->fixed[plan_->nr_fixed++];

		copy_name(fixed.name, name);
		fixed.da = da;
		fixed.len = len;
		return {};
	}

	kcxx::Result<void> trace(const Bytes &t, u64 body)
	{
		if (!t.has(body, SRP_TRACE_SIZE))
			return refuse(SRP_FW_BAD_TABLE, body);
		if (nr_traces_ == kMaxTraces)
			return refuse(SRP_FW_BAD_TABLE, body);
		traces_[nr_traces_++] = Range{ t.u32_at(body), t.u32_at(body + 4) };
		trace_names_[nr_traces_ - 1] = body + 12;
		return {};
	}

	kcxx::Result<void> vdev(const Bytes &t, u64 body)
	{
		if (!t.has(body, SRP_VDEV_SIZE))
			return refuse(SRP_FW_BAD_TABLE, body);
		const u32 nvrings = t.u8_at(body + SRP_VDEV_NUM_VRINGS);
		const u64 config_len = t.u32_at(body + SRP_VDEV_CONFIG_LEN);

		if (!t.has(body + SRP_VDEV_SIZE, u64(nvrings) * SRP_VRING_SIZE + config_len))
			return refuse(SRP_FW_BAD_TABLE, body);
		for (u32 i = 0; i < nvrings; i++) {
			const u32 da = t.u32_at(body + SRP_VDEV_SIZE + i * SRP_VRING_SIZE);

			/* Fixed vrings would need carveouts the DMA API cannot give. */
			if (da != SRP_ADDR_ANY)
				return refuse(SRP_FW_VRING_FIXED, i, da);
		}
		has_vdev_ = true;
		return {};
	}

	/* The fixed carveout holding [start, start + len), if one does. */
	const srp_fixed *carveout_of(u64 start, u64 len) const
	{
		for (u32 i = 0; i < plan_->nr_fixed; i++) {
			const srp_fixed &f = plan_->fixed[i];

			if (Range{ f.da, f.len }.holds(start, len))
				return &f;
		}
		return nullptr;
	}

	kcxx::Result<void> check_segments()
	{
		for (u32 i = 0; i < phnum_; i++) {
			const u64 ph = phdr(i);

			if (elf_.u32_at(ph) != SRP_PT_LOAD)
				continue;
			const u64 offset = elf_.u32_at(ph + 4), paddr = elf_.u32_at(ph + 12);
			const u64 filesz = elf_.u32_at(ph + 16), memsz = elf_.u32_at(ph + 20);

			if (filesz > memsz || !elf_.has(offset, filesz))
				return refuse(SRP_FW_BAD_SEGMENT, i);
			if (memsz && !carveout_of(paddr, memsz))
				return refuse(SRP_FW_SEGMENT_OUTSIDE, i, paddr, memsz);
			/* The host writes the table back where the image loaded it. */
			if (Range{ paddr, filesz }.holds(table_.start, table_.len))
				table_loaded_ = true;
		}
		return {};
	}

	kcxx::Result<void> check_placement()
	{
		if (!table_loaded_ || !carveout_of(table_.start, table_.len))
			return refuse(SRP_FW_TABLE_OUTSIDE, table_.start, table_.len);
		if (!carveout_of(entry_, 4))
			return refuse(SRP_FW_ENTRY_OUTSIDE, entry_);
		for (u32 i = 0; i < nr_traces_; i++) {
			if (!carveout_of(traces_[i].start, traces_[i].len)) {
				elf_.sub(table_off_, table_.len)
					.name_at(trace_names_[i], SRP_NAME_LEN, why_->name);
				return refuse(SRP_FW_TRACE_OUTSIDE, traces_[i].start, traces_[i].len);
			}
		}
		return {};
	}

	static constexpr u32 kMaxTraces = 4;

	Bytes elf_;
	Range window_;
	u32 granule_;
	srp_plan *plan_;
	srp_fw_verdict *why_;
	u32 entry_ = 0;
	u64 phoff_ = 0, shoff_ = 0;
	u32 phnum_ = 0, shnum_ = 0;
	Range table_{};
	u64 table_off_ = 0;
	bool table_loaded_ = false;
	bool has_vdev_ = false;
	u32 nr_traces_ = 0;
	Range traces_[kMaxTraces] = {};
	u64 trace_names_[kMaxTraces] = {};
};

} // namespace
} // namespace srp

extern "C" int srp_fw_check(const u8 *data, size_t size, u64 win_base, u64 win_limit,
			    u32 granule, struct srp_plan *plan, struct srp_fw_verdict *why) noexcept
{
	*plan = {};
	*why = {};
	return srp::Checker(data, size, win_base, win_limit, granule, plan, why).run().to_errno();
}
