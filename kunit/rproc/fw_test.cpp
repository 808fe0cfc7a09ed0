// SPDX-License-Identifier: GPL-2.0
/*
 * The firmware policy (remoteproc/srp_firmware.cpp) on images built here,
 * each case changing one thing of a layout the policy takes: which address
 * maps it refuses and why, and that no image, however cut or corrupted,
 * makes it read outside the image (KASAN watches).
 */
#include <kcxx/errno.h>

#include "../../remoteproc/srp.h"
#include "../kcxx_test.h"
#include "fw_tests.h"

namespace {

constexpr u64 kWinBase = 0xa0000000, kWinLimit = 0xb0000000;
constexpr u32 kGranule = 0x1000;
constexpr u32 kAny = SRP_ADDR_ANY;
constexpr u32 kImageMax = 8192;
constexpr u32 kTableMax = 1024;

struct Carve {
	const char *name;
	u32 da, len;
};

struct Seg {
	u32 paddr, filesz, memsz;
};

/* What build() writes: the good layout unless a case changes it. */
struct Spec {
	Carve carve[6] = { { "text", 0x00000000, 0x100000 }, { "data", 0x80000000, 0x100000 },
			   { "shm", kAny, 0x100000 } };
	u32 nr_carve = 3;
	Seg seg[4] = { { 0x00000000, 0x100, 0x100 }, { 0x80000000, 0x400, 0x2000 } };
	u32 nr_seg = 2;
	bool table = true;
	u32 table_addr = 0x80000100;
	bool vdev = true;
	u32 vring_da = kAny;
	bool devmem = false;
	u32 trace_da = 0x80001000;
	u32 entry = 0;
};

/* Built in KUnit-managed memory: the boards' kernels allow 1 KiB frames. */
class Image {
public:
	explicit Image(kunit *test)
		: b_(static_cast<u8 *>(kx_kunit_kzalloc(test, kImageMax))),
		  table_(static_cast<u8 *>(kx_kunit_kzalloc(test, kTableMax)))
	{
		if (!b_ || !table_)
			kx_kunit_abort(test, __FILE__, __LINE__, "no memory for an image");
	}

	u32 size() const { return size_; }
	const u8 *data() const { return b_; }

	void build(const Spec &s)
	{
		u8 *table = table_;
		u32 tsize;

		for (u32 i = 0; i < kTableMax; i++)
			table[i] = 0;
		tsize = s.table ? make_table(s, table) : 0;
		const u32 phoff = 52, data_off = 0x200;
		u32 off = data_off, table_off = 0;

		size_ = 0;
		put8(0, 0x7f);
		put8(1, 'E');
		put8(2, 'L');
		put8(3, 'F');
		put8(4, 1);	/* ELFCLASS32 */
		put8(5, 1);	/* ELFDATA2LSB */
		put8(6, 1);
		put16(16, 2);	/* ET_EXEC */
		put16(18, 40);	/* EM_ARM */
		put32(20, 1);
		put32(24, s.entry);
		put32(28, phoff);
		put16(40, 52);
		put16(42, SRP_ELF_PHDR_SIZE);
		put16(44, s.nr_seg);
		for (u32 i = 0; i < s.nr_seg; i++) {
			const u32 ph = phoff + i * SRP_ELF_PHDR_SIZE;

			put32(ph, SRP_PT_LOAD);
			put32(ph + 4, off);
			put32(ph + 8, s.seg[i].paddr);
			put32(ph + 12, s.seg[i].paddr);
			put32(ph + 16, s.seg[i].filesz);
			put32(ph + 20, s.seg[i].memsz);
			put32(ph + 24, 6);
			/* The table's bytes sit where its segment loads them. */
			if (s.table && s.table_addr >= s.seg[i].paddr &&
			    s.table_addr - s.seg[i].paddr + tsize <= s.seg[i].filesz)
				table_off = off + (s.table_addr - s.seg[i].paddr);
			off += s.seg[i].filesz;
		}
		if (s.table && !table_off) {
			table_off = off;
			off += tsize;
		}
		for (u32 i = 0; i < tsize; i++)
			put8(table_off + i, table[i]);

		/* Section names, then the headers: null, .resource_table, .shstrtab. */
		static const char kNames[] = "\0.resource_table\0.shstrtab";
		const u32 names = off, nsections = s.table ? 3 : 2;

		for (u32 i = 0; i < sizeof(kNames); i++)
			put8(names + i, u8(kNames[i]));
		off = (names + sizeof(kNames) + 3) & ~3u;
		put32(32, off);
		put16(46, SRP_ELF_SHDR_SIZE);
		put16(48, nsections);
		put16(50, nsections - 1);
		u32 sh = off + SRP_ELF_SHDR_SIZE;

		if (s.table) {
			put32(sh, 1);
			put32(sh + 4, 1);	/* PROGBITS */
			put32(sh + 12, s.table_addr);
			put32(sh + 16, table_off);
			put32(sh + 20, tsize);
			sh += SRP_ELF_SHDR_SIZE;
		}
		put32(sh, 17);
		put32(sh + 4, 3);		/* STRTAB */
		put32(sh + 16, names);
		put32(sh + 20, sizeof(kNames));
		size_ = sh + SRP_ELF_SHDR_SIZE;
	}

	void put8(u32 at, u8 v)
	{
		b_[at] = v;
		size_ = kcxx::max(size_, at + 1);
	}

	void put16(u32 at, u32 v)
	{
		put8(at, u8(v));
		put8(at + 1, u8(v >> 8));
	}

	void put32(u32 at, u32 v)
	{
		put16(at, v & 0xffff);
		put16(at + 2, v >> 16);
	}

private:
	static void w32(u8 *t, u32 at, u32 v)
	{
		for (u32 i = 0; i < 4; i++)
			t[at + i] = u8(v >> (8 * i));
	}

	static void name(u8 *t, u32 at, const char *n)
	{
		for (u32 i = 0; n[i] && i < 31; i++)
			t[at + i] = u8(n[i]);
	}

	static u32 make_table(const Spec &s, u8 *t)
	{
		u32 n = s.nr_carve + 1 + (s.vdev ? 1 : 0) + (s.devmem ? 1 : 0);
		u32 at = SRP_TABLE_HDR_SIZE + 4 * n, k = 0;

		w32(t, 0, 1);
		w32(t, 4, n);
		for (u32 i = 0; i < s.nr_carve; i++) {
			w32(t, SRP_TABLE_HDR_SIZE + 4 * k++, at);
			w32(t, at, SRP_RSC_CARVEOUT);
			w32(t, at + 4, s.carve[i].da);
			w32(t, at + 8, kAny);
			w32(t, at + 12, s.carve[i].len);
			name(t, at + 4 + SRP_CARVEOUT_NAME, s.carve[i].name);
			at += SRP_RSC_HDR_SIZE + SRP_CARVEOUT_SIZE;
		}
		w32(t, SRP_TABLE_HDR_SIZE + 4 * k++, at);
		w32(t, at, SRP_RSC_TRACE);
		w32(t, at + 4, s.trace_da);
		w32(t, at + 8, 0x1000);
		name(t, at + 16, "trace0");
		at += SRP_RSC_HDR_SIZE + SRP_TRACE_SIZE;
		if (s.devmem) {
			w32(t, SRP_TABLE_HDR_SIZE + 4 * k++, at);
			w32(t, at, SRP_RSC_DEVMEM);
			name(t, at + 4 + SRP_CARVEOUT_NAME, "regs");
			at += SRP_RSC_HDR_SIZE + SRP_CARVEOUT_SIZE;
		}
		if (s.vdev) {
			w32(t, SRP_TABLE_HDR_SIZE + 4 * k++, at);
			w32(t, at, SRP_RSC_VDEV);
			w32(t, at + 4, 7);
			t[at + 4 + SRP_VDEV_NUM_VRINGS] = 2;
			for (u32 i = 0; i < 2; i++) {
				const u32 v = at + 4 + SRP_VDEV_SIZE + i * SRP_VRING_SIZE;

				w32(t, v, i ? kAny : s.vring_da);
				w32(t, v + 4, 4096);
				w32(t, v + 8, 256);
			}
			at += SRP_RSC_HDR_SIZE + SRP_VDEV_SIZE + 2 * SRP_VRING_SIZE;
		}
		return at;
	}

	u8 *b_;
	u8 *table_;
	u32 size_ = 0;
};

struct Check {
	int ret;
	srp_plan plan;
	srp_fw_verdict why;
};

/* In KUnit-managed memory too: a case makes several, and frames are small. */
const Check *check(kunit *test, const Spec &s)
{
	Image img(test);
	Check *c = static_cast<Check *>(kx_kunit_kzalloc(test, sizeof(Check)));

	if (!c)
		kx_kunit_abort(test, __FILE__, __LINE__, "no memory for a check");
	img.build(s);
	c->ret = srp_fw_check(img.data(), img.size(), kWinBase, kWinLimit, kGranule, &c->plan,
			      &c->why);
	return c;
}

/* The image is refused, for @error. */
void expect_refused(kunit *test, const Spec &s, int error)
{
	const Check *c = check(test, s);

	KX_EXPECT_EQ(test, c->ret, -kcxx::EINVAL);
	KX_EXPECT_EQ(test, c->why.error, error);
}

bool name_is(const char *a, const char *b)
{
	for (; *a && *a == *b; a++, b++)
		;
	return *a == *b;
}

} // namespace

extern "C" void fw_accepts_layout(struct kunit *test) noexcept
{
	const Check *c = check(test, Spec());

	KX_ASSERT_EQ(test, c->ret, 0);
	KX_EXPECT_EQ(test, c->why.error, SRP_FW_OK);
	KX_ASSERT_EQ(test, c->plan.nr_fixed, 2u);
	KX_EXPECT_TRUE(test, name_is(c->plan.fixed[0].name, "text"));
	KX_EXPECT_EQ(test, c->plan.fixed[0].da, 0u);
	KX_EXPECT_EQ(test, c->plan.fixed[0].len, 0x100000u);
	KX_EXPECT_TRUE(test, name_is(c->plan.fixed[1].name, "data"));
	KX_EXPECT_EQ(test, c->plan.fixed[1].da, 0x80000000u);
	KX_EXPECT_EQ(test, c->plan.shm_len, 0x100000u);
	KX_EXPECT_EQ(test, c->plan.machine, 40);

	/* Carveouts may touch the window's edges; other da=ANY ones are the core's. */
	Spec s;
	s.carve[1] = { "data", 0x9ff00000, 0x100000 };
	s.seg[1].paddr = 0x9ff00000;
	s.table_addr = 0x9ff00100;
	s.trace_da = 0x9ff01000;
	s.carve[3] = { "high", 0xb0000000, 0x1000 };
	s.carve[4] = { "heap", kAny, 0x4000 };
	s.nr_carve = 5;
	c = check(test, s);
	KX_EXPECT_EQ(test, c->ret, 0);
	KX_EXPECT_EQ(test, c->plan.nr_fixed, 3u);
}

extern "C" void fw_needs_a_table(struct kunit *test) noexcept
{
	Spec s;

	s.table = false;
	expect_refused(test, s, SRP_FW_NO_TABLE);
}

extern "C" void fw_carveouts_stay_out_of_the_window(struct kunit *test) noexcept
{
	const Carve inside[] = {
		{ "data", 0xa0000000, 0x100000 },	/* at its base */
		{ "data", 0xaff00000, 0x100000 },	/* at its end */
		{ "data", 0x9ff00000, 0x200000 },	/* across its base */
		{ "data", 0x80000000, 0x40000000 },	/* around it all */
	};

	for (const Carve &co : inside) {
		Spec s;

		s.carve[1] = co;
		s.seg[1].paddr = co.da;
		s.table_addr = co.da + 0x100;
		s.trace_da = co.da + 0x1000;
		const Check *c = check(test, s);

		KX_EXPECT_EQ(test, c->ret, -kcxx::EINVAL);
		KX_EXPECT_EQ(test, c->why.error, SRP_FW_CARVEOUT_WINDOW);
		KX_EXPECT_EQ(test, c->why.a, u64{ co.da });
		KX_EXPECT_EQ(test, c->why.b, u64{ co.len });
		KX_EXPECT_TRUE(test, name_is(c->why.name, "data"));
	}
}

extern "C" void fw_segments_inside_carveouts(struct kunit *test) noexcept
{
	Spec s;

	/* Elsewhere. */
	s.seg[2] = { 0x70000000, 0x10, 0x10 };
	s.nr_seg = 3;
	const Check *c = check(test, s);

	KX_EXPECT_EQ(test, c->why.error, SRP_FW_SEGMENT_OUTSIDE);
	KX_EXPECT_EQ(test, c->why.a, 2u);
	KX_EXPECT_EQ(test, c->why.b, 0x70000000u);
	KX_EXPECT_EQ(test, c->why.c, 0x10u);

	/* Past its carveout's end by its zero fill alone. */
	s = Spec();
	s.seg[1].memsz = 0x100001;
	expect_refused(test, s, SRP_FW_SEGMENT_OUTSIDE);

	/* Across two carveouts that touch: not one of them holds it. */
	s = Spec();
	s.carve[3] = { "data2", 0x80100000, 0x1000 };
	s.nr_carve = 4;
	s.seg[1].memsz = 0x100800;
	expect_refused(test, s, SRP_FW_SEGMENT_OUTSIDE);

	/* An empty segment holds nothing to place. */
	s = Spec();
	s.seg[2] = { 0x70000000, 0, 0 };
	s.nr_seg = 3;
	KX_EXPECT_EQ(test, check(test, s)->ret, 0);
}

extern "C" void fw_carveouts_apart_and_named(struct kunit *test) noexcept
{
	Spec s;

	s.carve[3] = { "more", 0x800ff000, 0x2000 };
	s.nr_carve = 4;
	const Check *c = check(test, s);

	KX_EXPECT_EQ(test, c->why.error, SRP_FW_CARVEOUT_OVERLAP);
	KX_EXPECT_TRUE(test, name_is(c->why.name, "more"));
	KX_EXPECT_TRUE(test, name_is(c->why.other, "data"));

	s.carve[3] = { "data", 0x90000000, 0x1000 };
	expect_refused(test, s, SRP_FW_CARVEOUT_NAME);
	s.carve[3] = { "", 0x90000000, 0x1000 };
	expect_refused(test, s, SRP_FW_CARVEOUT_NAME);
	/* "shm" names the shared memory, which the host places. */
	s.carve[2] = { "shm", 0x90000000, 0x100000 };
	s.nr_carve = 3;
	expect_refused(test, s, SRP_FW_CARVEOUT_NAME);

	s = Spec();
	for (u32 i = 3; i < 6; i++)
		s.carve[i] = { "x", 0x90000000 + i * 0x1000, 0x1000 };
	s.carve[3].name = "x3";
	s.carve[4].name = "x4";
	s.carve[5].name = "x5";
	s.nr_carve = 6;
	KX_EXPECT_EQ(test, check(test, s)->ret, 0);
}

extern "C" void fw_carveouts_aligned(struct kunit *test) noexcept
{
	const Carve bad[] = {
		{ "more", 0x90000800, 0x1000 },
		{ "more", 0x90000000, 0x1800 },
		{ "more", 0x90000000, 0 },
		{ "more", 0xfff00000, 0x200000 },	/* past 4 GiB */
	};

	for (const Carve &co : bad) {
		Spec s;

		s.carve[3] = co;
		s.nr_carve = 4;
		expect_refused(test, s, SRP_FW_CARVEOUT_ALIGN);
	}
}

extern "C" void fw_vdev_needs_shared_memory(struct kunit *test) noexcept
{
	Spec s;

	s.nr_carve = 2;
	expect_refused(test, s, SRP_FW_NO_SHM);
	/* No vdev, no need. */
	s.vdev = false;
	const Check *c = check(test, s);
	KX_EXPECT_EQ(test, c->ret, 0);
	KX_EXPECT_EQ(test, c->plan.shm_len, 0u);

	s = Spec();
	s.carve[2].len = SRP_SHM_MAX + kGranule;
	expect_refused(test, s, SRP_FW_BAD_SHM);
	s.carve[2].len = 0x1800;
	expect_refused(test, s, SRP_FW_BAD_SHM);
	s = Spec();
	s.carve[3] = { "shm", kAny, 0x1000 };
	s.nr_carve = 4;
	expect_refused(test, s, SRP_FW_BAD_SHM);

	s = Spec();
	s.vring_da = 0x90000000;
	c = check(test, s);
	KX_EXPECT_EQ(test, c->why.error, SRP_FW_VRING_FIXED);
	KX_EXPECT_EQ(test, c->why.a, 0u);
	KX_EXPECT_EQ(test, c->why.b, 0x90000000u);

	s = Spec();
	s.devmem = true;
	c = check(test, s);
	KX_EXPECT_EQ(test, c->why.error, SRP_FW_DEVMEM);
	KX_EXPECT_TRUE(test, name_is(c->why.name, "regs"));
}

extern "C" void fw_table_entry_trace_placed(struct kunit *test) noexcept
{
	Spec s;

	/* In a carveout, but in no segment's file bytes: nothing loads it. */
	s.table_addr = 0x80010000;
	expect_refused(test, s, SRP_FW_TABLE_OUTSIDE);

	s = Spec();
	s.entry = 0x70000000;
	expect_refused(test, s, SRP_FW_ENTRY_OUTSIDE);

	s = Spec();
	s.trace_da = 0x800ff800;
	const Check *c = check(test, s);
	KX_EXPECT_EQ(test, c->why.error, SRP_FW_TRACE_OUTSIDE);
	KX_EXPECT_TRUE(test, name_is(c->why.name, "trace0"));
}

/* No prefix of an image is one, and no byte's corruption makes it read out of bounds. */
extern "C" void fw_truncated_or_corrupt(struct kunit *test) noexcept
{
	Image img(test);
	u8 *copy = static_cast<u8 *>(kx_kunit_kzalloc(test, kImageMax));
	srp_fw_verdict why;
	srp_plan plan;

	img.build(Spec());
	for (u32 len = 0; len < img.size(); len++) {
		/* A copy of exactly @len bytes: KASAN sees any read past it. */
		u8 *cut = static_cast<u8 *>(kx_kunit_kzalloc(test, len ? len : 1));

		for (u32 i = 0; i < len; i++)
			cut[i] = img.data()[i];
		KX_EXPECT_EQ(test, srp_fw_check(cut, len, kWinBase, kWinLimit, kGranule, &plan, &why),
			     -kcxx::EINVAL);
	}
	for (u32 at = 0; at < img.size(); at++) {
		for (u32 i = 0; i < img.size(); i++)
			copy[i] = img.data()[i];
		copy[at] ^= 0xff;
		(void)srp_fw_check(copy, img.size(), kWinBase, kWinLimit, kGranule, &plan, &why);
	}
}
