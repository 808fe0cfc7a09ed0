// SPDX-License-Identifier: GPL-2.0
/*
 * The DMA engine's own rules, on the DMA layer's own engine (socmmu_dma
 * exports its entry points to KUnit suites) created with a recording
 * backend in place of the kernel's: a fake IOMMU and scatterlists of our
 * own.  Segment merging under max_segment_size and the segment boundary,
 * physically adjacent runs in one map call, padding and its holes,
 * unwinding a failed map, strict and deferred unmaps, protection, masks,
 * cache-maintenance policy and limits: exact layouts and calls, which the
 * DMA API hides.  The suites in dma_test.c drive the same engine through
 * the DMA API on the OMAP model.  The engine tests run on boards too (no
 * model needed).
 */
#include <kcxx/bits.h>
#include <kcxx/errno.h>

#include "../../dma/dma_engine.h"
#include "../kcxx_test.h"
#include "engine_tests.h"

/* Our scatterlist: what the engine reads and writes through the backend. */
struct scatterlist {
	u64 phys;
	u32 length;
	u64 dma_address;
	u32 dma_len;
	scatterlist *next;
};

namespace {

constexpr u64 kGranule = 0x1000;
constexpr unsigned int kMaxCalls = 64;

struct Call {
	u64 iova;
	u64 phys;
	u64 size;
	bool sync;
	int prot;
};

struct FakeIommu {
	Call maps[kMaxCalls];
	unsigned int nr_maps;
	Call unmaps[kMaxCalls];
	unsigned int nr_unmaps;
	unsigned int fail_map_at;	/* 1-based map call that fails; 0: none */
	unsigned int flush_alls;
	unsigned int scheduled;
} fake;

void reset_fake()
{
	fake = FakeIommu{};
}

/* ------------------------------------------ the kernel, faked: the backend -- */

int fake_map(void *, u64 iova, u64 phys, u64 size, int prot, bool)
{
	unsigned int call = fake.nr_maps++;

	if (call < kMaxCalls)
		fake.maps[call] = Call{ iova, phys, size, false, prot };
	return fake.fail_map_at && call + 1 == fake.fail_map_at ? -kcxx::ENOMEM : 0;
}

u64 fake_unmap(void *, u64 iova, u64 size, bool sync)
{
	unsigned int call = fake.nr_unmaps++;

	if (call < kMaxCalls)
		fake.unmaps[call] = Call{ iova, 0, size, sync, 0 };
	return size;
}

void fake_flush_all(void *)
{
	fake.flush_alls++;
}

void fake_schedule_flush(void *, unsigned int)
{
	fake.scheduled++;
}

/* Our scatterlist's accessors; counting the entries each side reads. */
struct SgReads {
	unsigned int cpu;	/* entries whose CPU side was read */
	unsigned int dma;	/* entries whose DMA segment was read back */
} sg_reads;

void fake_sg_read(scatterlist **cursor, dma_sg_entry *out, unsigned int n, bool clear_dma)
{
	scatterlist *s = *cursor;

	for (unsigned int i = 0; i < n; i++, s = s->next) {
		out[i] = dma_sg_entry{ s->phys, s->length };
		if (clear_dma)
			s->dma_len = 0;
	}
	sg_reads.cpu += n;
	*cursor = s;
}

void fake_sg_write_dma(scatterlist **cursor, const dma_sg_seg *segs, unsigned int n)
{
	scatterlist *s = *cursor;

	for (unsigned int i = 0; i < n; i++, s = s->next) {
		s->dma_address = segs[i].addr;
		s->dma_len = segs[i].len;
	}
	*cursor = s;
}

void fake_sg_read_dma(scatterlist **cursor, dma_sg_seg *out, unsigned int n)
{
	scatterlist *s = *cursor;

	for (unsigned int i = 0; i < n; i++, s = s->next)
		out[i] = dma_sg_seg{ s->dma_address, s->dma_len };
	sg_reads.dma += n;
	*cursor = s;
}

void fake_sg_offset_dma(scatterlist *s, unsigned int n, u64 base)
{
	for (unsigned int i = 0; i < n; i++, s = s->next)
		s->dma_address += base;
}

constexpr dma_engine_backend kFakeBackend = {
	.map = fake_map,
	.unmap = fake_unmap,
	.flush_all = fake_flush_all,
	.schedule_flush = fake_schedule_flush,
	.sg_read = fake_sg_read,
	.sg_write_dma = fake_sg_write_dma,
	.sg_read_dma = fake_sg_read_dma,
	.sg_offset_dma = fake_sg_offset_dma,
	.sg_has_dma_length = true,
};

/* The same IOMMU with iommu_map_sg(): one call for a whole list. */
struct FakeMapSg {
	unsigned int calls;
	u64 iova;
	int nents;
	int prot;
	bool fail;
} fake_sg;

int fake_map_sg(void *, u64 iova, scatterlist *, int nents, int prot, bool)
{
	fake_sg.calls++;
	fake_sg.iova = iova;
	fake_sg.nents = nents;
	fake_sg.prot = prot;
	return fake_sg.fail ? -kcxx::ENOMEM : 0;
}

constexpr dma_engine_backend kFakeSgBackend = {
	.map = fake_map,
	.unmap = fake_unmap,
	.flush_all = fake_flush_all,
	.schedule_flush = fake_schedule_flush,
	.sg_read = fake_sg_read,
	.sg_write_dma = fake_sg_write_dma,
	.sg_read_dma = fake_sg_read_dma,
	.sg_offset_dma = fake_sg_offset_dma,
	.sg_has_dma_length = true,
	.map_sg = fake_map_sg,
};

/*
 * The same IOMMU with the framework's map of a list: each call all or
 * nothing, recorded run by run in fake.maps as if each were a map call.
 */
struct FakeMapRuns {
	unsigned int calls;
	unsigned int most;	/* runs in the longest call */
	unsigned int seen;	/* runs handed over, failed calls included */
	unsigned int fail_at;	/* 1-based run whose call fails; 0: none */
	unsigned int plain;	/* map calls: none are expected */
	/*
	 * Once, before taking a call's runs: map @nested_n entries of
	 * @nested_sg for @nested_access through @nested_engine, as an
	 * interrupt on this CPU would, and keep what it returned in
	 * @nested_count.
	 */
	dma_engine *nested_engine;
	const dma_access *nested_access;
	scatterlist *nested_sg;
	int nested_n;
	int nested_count;
} fake_runs;

int fake_map_runs(void *, const kx_map_run *runs, unsigned int n, int prot, bool)
{
	if (dma_engine *e = fake_runs.nested_engine) {
		FakeMapRuns &f = fake_runs;

		f.nested_engine = nullptr;
		f.nested_count = dma_engine_map_sg(e, f.nested_sg, f.nested_n, f.nested_access,
						   0x100000, ~0ULL);
	}
	const unsigned int first = fake_runs.seen;

	fake_runs.calls++;
	fake_runs.most = kcxx::max(fake_runs.most, n);
	fake_runs.seen += n;
	if (fake_runs.fail_at > first && fake_runs.fail_at <= first + n)
		return -kcxx::ENOMEM;
	for (unsigned int i = 0; i < n; i++) {
		if (fake.nr_maps < kMaxCalls)
			fake.maps[fake.nr_maps] = Call{ runs[i].iova, runs[i].phys, runs[i].size,
							false, prot };
		fake.nr_maps++;
	}
	return 0;
}

int fake_plain_map(void *, u64, u64, u64, int, bool)
{
	fake_runs.plain++;
	return -kcxx::EIO;
}

/* kFakeSgBackend with the framework's call: map_runs instead of map and map_sg. */
constexpr dma_engine_backend with_map_runs(dma_engine_backend b)
{
	b.map = fake_plain_map;
	b.map_runs = fake_map_runs;
	return b;
}

constexpr dma_engine_backend kFakeRunsBackend = with_map_runs(kFakeSgBackend);

dma_engine_config test_config(bool deferred = false)
{
	dma_engine_config cfg = {};

	cfg.backend = &kFakeBackend;
	cfg.base = 0x100000;
	cfg.limit = 0x10000000;
	cfg.granule = kGranule;
	cfg.cpu_page = kGranule;
	cfg.can_flush_all = true;
	cfg.deferred = deferred;
	return cfg;
}

struct Engine {
	dma_engine *e;

	explicit Engine(bool deferred = false) : Engine(test_config(deferred)) {}
	explicit Engine(const dma_engine_config &cfg)
	{
		int err = 0;

		e = dma_engine_create(&cfg, &err);
	}
	~Engine()
	{
		if (e)
			dma_engine_destroy(e);
	}
	dma_engine_stats stats() const
	{
		dma_engine_stats s;

		dma_engine_get_stats(e, &s);
		return s;
	}
};

/* Chain @n entries of (phys, length). */
void build_sg(scatterlist *sg, const u64 (*entries)[2], unsigned int n)
{
	for (unsigned int i = 0; i < n; i++) {
		sg[i] = scatterlist{ entries[i][0], static_cast<u32>(entries[i][1]), 0, 0,
				     i + 1 < n ? &sg[i + 1] : nullptr };
	}
}

constexpr u64 kNoBoundary = ~0ULL;
constexpr u64 kNoMask = ~0ULL;

constexpr dma_access access(u32 dir, u64 mask = kNoMask, bool atomic = false, u64 attrs = 0,
			    u64 boundary = 0, bool size_aligned = false)
{
	return dma_access{ dir, attrs, false, mask, atomic, boundary, size_aligned };
}

/* Whether [@start, @start + @len) crosses a multiple of @boundary. */
constexpr bool straddles(u64 start, u64 len, u64 boundary)
{
	return kcxx::align_down(start, boundary) != kcxx::align_down(start + len - 1, boundary);
}

/* What the existing cases map with: the device reads. */
constexpr dma_access kToDevice = access(KX_DMA_TO_DEVICE);

} // namespace

/* -------------------------------------------------------------- cases -- */

/* Eight scattered pages, 12 KiB segments at most, a 16 KiB boundary. */
void engine_sg_merges_within_limits(struct kunit *test) noexcept
{
	static const u64 entries[8][2] = {
		{ 0x900000, 0x1000 }, { 0x300000, 0x1000 }, { 0x700000, 0x1000 },
		{ 0x500000, 0x1000 }, { 0xb00000, 0x1000 }, { 0x200000, 0x1000 },
		{ 0xd00000, 0x1000 }, { 0x400000, 0x1000 },
	};
	scatterlist sg[8];
	Engine eng;

	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);
	build_sg(sg, entries, 8);
	int count = dma_engine_map_sg(eng.e, sg, 8, &kToDevice, 0x3000, 0x3fff);
	/* [0,12K) [12K,16K) [16K,28K) [28K,32K): boundaries split, 12K caps. */
	KX_ASSERT_TRUE(test, count == 4);
	static const u64 want[4][2] = {
		{ 0x0000, 0x3000 }, { 0x3000, 0x1000 }, { 0x4000, 0x3000 }, { 0x7000, 0x1000 },
	};
	for (int i = 0; i < 4; i++) {
		KX_EXPECT_EQ(test, sg[i].dma_address - sg[0].dma_address, want[i][0]);
		KX_EXPECT_EQ(test, sg[i].dma_len, want[i][1]);
	}
	for (int i = 4; i < 8; i++)
		KX_EXPECT_EQ(test, sg[i].dma_len, 0u);
	/* The range is aligned so that the boundary falls where it was planned. */
	KX_EXPECT_EQ(test, sg[0].dma_address & 0x3fff, 0u);
	dma_engine_unmap_sg(eng.e, sg, 8);
	KX_EXPECT_EQ(test, fake.nr_unmaps, 1u);
	KX_EXPECT_EQ(test, fake.unmaps[0].size, 0x8000u);
}

/*
 * A list that fits in one segment boundary but is not a power of two long
 * stays within one boundary, where the allocator's own rule would leave
 * it straddling a line: 192 KiB after 128 KiB is only 128 KiB-aligned
 * (a 256 KiB boundary), 24 MiB after 8 MiB only 16 MiB-aligned (a 32 MiB
 * boundary, above the allocator's 16 MiB cap).
 */
void engine_sg_boundary_no_straddle(struct kunit *test) noexcept
{
	static const u64 small[3][2] = {
		{ 0x900000, 0x10000 }, { 0x300000, 0x10000 }, { 0x700000, 0x10000 },
	};
	static const u64 large[6][2] = {
		{ 0x10000000, 0x400000 }, { 0x30000000, 0x400000 }, { 0x20000000, 0x400000 },
		{ 0x50000000, 0x400000 }, { 0x40000000, 0x400000 }, { 0x60000000, 0x400000 },
	};
	scatterlist sg[6];
	int err = 0;

	{
		Engine eng;

		reset_fake();
		KX_ASSERT_TRUE(test, eng.e);
		/* The window starts at 1 MiB: 128 KiB there, the next free is 128 KiB-aligned. */
		const u64 first = dma_engine_map_phys(eng.e, 0x4000000, 0x20000, &kToDevice, &err);
		KX_ASSERT_EQ(test, first, 0x100000u);
		build_sg(sg, small, 3);
		KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 3, &kToDevice, 0x100000,
						       0x3ffff) == 1);
		KX_EXPECT_EQ(test, sg[0].dma_len, 0x30000u);
		KX_EXPECT_FALSE(test, straddles(sg[0].dma_address, sg[0].dma_len, 0x40000));
		KX_EXPECT_EQ(test, sg[0].dma_address, 0x140000u);
		dma_engine_unmap_sg(eng.e, sg, 3);
		dma_engine_unmap_phys(eng.e, first, 0x20000);
	}
	{
		Engine eng;

		reset_fake();
		KX_ASSERT_TRUE(test, eng.e);
		const u64 first = dma_engine_map_phys(eng.e, 0x4000000, 0x800000, &kToDevice, &err);
		KX_ASSERT_EQ(test, first, 0x800000u);
		build_sg(sg, large, 6);
		KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 6, &kToDevice, 0x4000000,
						       0x1ffffff) == 1);
		KX_EXPECT_EQ(test, sg[0].dma_len, 0x1800000u);
		KX_EXPECT_FALSE(test, straddles(sg[0].dma_address, sg[0].dma_len, 0x2000000));
		KX_EXPECT_EQ(test, fake.nr_maps, 7u);
		dma_engine_unmap_sg(eng.e, sg, 6);
		dma_engine_unmap_phys(eng.e, first, 0x800000);
	}
}

/*
 * A single mapping respects the boundary its caller gives when it fits in
 * one, a boundary this window never crosses costs no alignment, and a
 * buffer is aligned to its size rounded up to a power of two (the DMA
 * API's promise for dma_alloc_coherent()).
 */
void engine_single_boundary_and_size_alignment(struct kunit *test) noexcept
{
	const dma_access bounded = access(KX_DMA_TO_DEVICE, kNoMask, true, 0, 0x40000);
	const dma_access wide = access(KX_DMA_TO_DEVICE, kNoMask, true, 0, 0x100000000ULL);
	const dma_access buffer = access(KX_DMA_BIDIRECTIONAL, kNoMask, false, 0, 0, true);
	static const struct {
		const dma_access *access;
		u64 want;
	} cases[] = {
		{ &bounded, 0x140100 },	/* 192 KiB on 256 KiB, past the first 128 KiB */
		{ &kToDevice, 0x120100 },	/* no boundary: the allocator's 128 KiB */
		{ &wide, 0x120100 },	/* the whole window lies below 4 GiB */
	};
	u64 pages[48];
	int err = 0;

	for (const auto &c : cases) {
		Engine eng;

		reset_fake();
		KX_ASSERT_TRUE(test, eng.e);
		const u64 first = dma_engine_map_phys(eng.e, 0x4000000, 0x20000, &kToDevice, &err);
		KX_ASSERT_EQ(test, first, 0x100000u);
		/* 0x2ff00 bytes from offset 0x100: 192 KiB of granules. */
		const u64 iova = dma_engine_map_phys(eng.e, 0x5000100, 0x2ff00, c.access, &err);
		KX_EXPECT_EQ(test, iova, c.want);
		dma_engine_unmap_phys(eng.e, iova, 0x2ff00);
		dma_engine_unmap_phys(eng.e, first, 0x20000);
	}

	Engine eng;
	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);
	const u64 first = dma_engine_map_phys(eng.e, 0x4000000, 0x20000, &kToDevice, &err);
	KX_ASSERT_EQ(test, first, 0x100000u);
	for (unsigned int i = 0; i < 48; i++)
		pages[i] = 0x6000000 + i * kGranule;
	const u64 iova = dma_engine_map_pages(eng.e, pages, 48, &buffer, &err);
	KX_EXPECT_EQ(test, iova, 0x140000u);
	KX_EXPECT_EQ(test, fake.nr_maps, 2u);
	dma_engine_unmap_phys(eng.e, iova, 48 * kGranule);
	dma_engine_unmap_phys(eng.e, first, 0x20000);
}

/* Offsets in the page survive; only page-aligned joins merge. */
void engine_sg_unaligned_entries(struct kunit *test) noexcept
{
	static const u64 entries[4][2] = {
		{ 0x10100, 0xf00 }, { 0x30000, 0x1000 }, { 0x50000, 0x800 }, { 0x70200, 0x100 },
	};
	scatterlist sg[4];
	Engine eng;

	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);
	build_sg(sg, entries, 4);
	int count = dma_engine_map_sg(eng.e, sg, 4, &kToDevice, 0x100000, kNoBoundary);
	KX_ASSERT_TRUE(test, count == 2);
	KX_EXPECT_EQ(test, sg[0].dma_address & 0xfff, 0x100u);
	KX_EXPECT_EQ(test, sg[0].dma_len, 0xf00u + 0x1000 + 0x800);
	/* The fourth starts inside its page: a segment of its own, offset kept. */
	KX_EXPECT_EQ(test, sg[1].dma_address - (sg[0].dma_address & ~0xfffULL), 0x3200u);
	KX_EXPECT_EQ(test, sg[1].dma_len, 0x100u);
	dma_engine_unmap_sg(eng.e, sg, 4);
	KX_EXPECT_EQ(test, fake.unmaps[0].size, 0x4000u);
}

/* Physically adjacent entries go to the IOMMU in one call: larger pages. */
void engine_sg_one_map_per_run(struct kunit *test) noexcept
{
	static const u64 entries[4][2] = {
		{ 0x100000, 0x1000 }, { 0x101000, 0x1000 }, { 0x102000, 0x1000 },
		{ 0x200000, 0x1000 },
	};
	scatterlist sg[4];
	Engine eng;

	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);
	build_sg(sg, entries, 4);
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 4, &kToDevice, 0x100000,
					       kNoBoundary) == 1);
	KX_ASSERT_TRUE(test, fake.nr_maps == 2);
	KX_EXPECT_EQ(test, fake.maps[0].phys, 0x100000u);
	KX_EXPECT_EQ(test, fake.maps[0].size, 0x3000u);
	KX_EXPECT_EQ(test, fake.maps[1].iova, fake.maps[0].iova + 0x3000);
	dma_engine_unmap_sg(eng.e, sg, 4);
}

/*
 * With a backend that has map_sg: a list of whole granules goes to the
 * IOMMU in one call at the IOVA the runs would have had; a list with an
 * entry inside a granule, or with padding, still goes run by run; a
 * failed map_sg gives its IOVAs back.
 */
void engine_sg_one_map_sg_call(struct kunit *test) noexcept
{
	static const u64 whole[4][2] = {
		{ 0x100000, 0x1000 }, { 0x101000, 0x1000 }, { 0x300000, 0x2000 },
		{ 0x200000, 0x1000 },
	};
	static const u64 offset[2][2] = { { 0x100000, 0x1000 }, { 0x300100, 0xf00 } };
	static const u64 padded[2][2] = { { 0x100000, 0x3000 }, { 0x300000, 0x3000 } };
	dma_engine_config cfg = test_config();
	scatterlist sg[4];

	cfg.backend = &kFakeSgBackend;
	Engine eng(cfg);
	KX_ASSERT_TRUE(test, eng.e);

	reset_fake();
	fake_sg = FakeMapSg{};
	build_sg(sg, whole, 4);
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 4, &kToDevice, 0x100000,
					       kNoBoundary) == 1);
	KX_EXPECT_EQ(test, fake_sg.calls, 1u);
	KX_EXPECT_EQ(test, fake.nr_maps, 0u);
	KX_EXPECT_EQ(test, fake_sg.nents, 4);
	KX_EXPECT_EQ(test, fake_sg.iova, sg[0].dma_address);
	KX_EXPECT_EQ(test, sg[0].dma_len, 0x5000u);
	dma_engine_unmap_sg(eng.e, sg, 4);
	KX_ASSERT_TRUE(test, fake.nr_unmaps == 1);
	KX_EXPECT_EQ(test, fake.unmaps[0].iova, fake_sg.iova);
	KX_EXPECT_EQ(test, fake.unmaps[0].size, 0x5000u);
	KX_EXPECT_TRUE(test, fake.unmaps[0].sync);

	reset_fake();
	build_sg(sg, offset, 2);
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 2, &kToDevice, 0x100000,
					       kNoBoundary) == 2);
	KX_EXPECT_EQ(test, fake_sg.calls, 1u);
	KX_EXPECT_EQ(test, fake.nr_maps, 2u);
	dma_engine_unmap_sg(eng.e, sg, 2);

	reset_fake();
	build_sg(sg, padded, 2);
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 2, &kToDevice, 0x100000,
					       0x3fff) == 2);
	KX_EXPECT_EQ(test, fake_sg.calls, 1u);
	KX_EXPECT_EQ(test, fake.nr_maps, 2u);
	dma_engine_unmap_sg(eng.e, sg, 2);

	/* iova_bytes counts what the per-CPU caches keep too: compare. */
	const u64 iova_bytes = eng.stats().iova_bytes;

	reset_fake();
	fake_sg.fail = true;
	build_sg(sg, whole, 4);
	KX_EXPECT_EQ(test, dma_engine_map_sg(eng.e, sg, 4, &kToDevice, 0x100000,
					     kNoBoundary), -kcxx::ENOMEM);
	KX_EXPECT_EQ(test, fake_sg.calls, 2u);
	KX_EXPECT_EQ(test, fake.nr_unmaps, 0u);
	KX_EXPECT_EQ(test, eng.stats().iova_bytes, iova_bytes);
	KX_EXPECT_EQ(test, eng.stats().mapped_bytes, 0u);
	KX_EXPECT_EQ(test, eng.stats().map_errors, 1u);

	/* Its IOVAs went back: the next list of that size gets them again. */
	const u64 failed_iova = fake_sg.iova;

	fake_sg.fail = false;
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 4, &kToDevice, 0x100000,
					       kNoBoundary) == 1);
	KX_EXPECT_EQ(test, fake_sg.iova, failed_iova);
	dma_engine_unmap_sg(eng.e, sg, 4);
}

namespace {

/* 40 pages in 20 physically adjacent pairs, far apart: 20 runs. */
void build_pairs(scatterlist *sg, unsigned int n)
{
	u64 entries[40][2];

	for (unsigned int i = 0; i < n; i++) {
		entries[i][0] = 0x1000000 + (i / 2) * 0x10000 + (i % 2) * 0x1000;
		entries[i][1] = 0x1000;
	}
	build_sg(sg, entries, n);
}

/* What one map_sg gave the IOMMU and the device, relative to its IOVA. */
struct SgResult {
	int count;
	unsigned int nr_maps;
	Call maps[kMaxCalls];
	dma_sg_seg segs[40];
};

/* Into @r: results are too large for a case's stack. */
void map_and_record(SgResult &r, dma_engine *e, scatterlist *sg, int n, u64 max_seg, u64 mask)
{
	r = SgResult{};
	reset_fake();
	r.count = dma_engine_map_sg(e, sg, n, &kToDevice, max_seg, mask);
	if (r.count <= 0)
		return;
	const u64 base = sg[0].dma_address & ~(kGranule - 1);

	r.nr_maps = fake.nr_maps;
	for (unsigned int i = 0; i < fake.nr_maps && i < kMaxCalls; i++) {
		r.maps[i] = fake.maps[i];
		r.maps[i].iova -= base;
	}
	for (int i = 0; i < r.count; i++)
		r.segs[i] = dma_sg_seg{ sg[i].dma_address - base, sg[i].dma_len };
	dma_engine_unmap_sg(e, sg, n);
}

bool same_result(const SgResult &a, const SgResult &b)
{
	if (a.count != b.count || a.nr_maps != b.nr_maps)
		return false;
	for (unsigned int i = 0; i < a.nr_maps && i < kMaxCalls; i++) {
		if (a.maps[i].iova != b.maps[i].iova || a.maps[i].phys != b.maps[i].phys ||
		    a.maps[i].size != b.maps[i].size || a.maps[i].prot != b.maps[i].prot)
			return false;
	}
	for (int i = 0; i < a.count; i++) {
		if (a.segs[i].addr != b.segs[i].addr || a.segs[i].len != b.segs[i].len)
			return false;
	}
	return true;
}

/* What the map_runs cases compare; one case runs at a time. */
scatterlist runs_sg[40];
SgResult runs_want, runs_got;

/* One run more than the engine's run log holds. */
constexpr unsigned int kLongRuns = DMA_RUN_LOG + 1;
scatterlist long_sg[kLongRuns];

/* @n pages, each its own run: 0x1000000 + 0x2000 * i. */
void build_scattered(scatterlist *sg, unsigned int n)
{
	for (unsigned int i = 0; i < n; i++)
		sg[i] = scatterlist{ 0x1000000 + u64{ i } * 0x2000, 0x1000, 0, 0,
				     i + 1 < n ? &sg[i + 1] : nullptr };
}

/*
 * The @n maps recorded from @from on (the first kMaxCalls recorded) are
 * the pages of build_scattered(), one page each, at consecutive IOVAs.
 */
bool mapped_scattered(unsigned int from, unsigned int n)
{
	const u64 base = fake.maps[from].iova;

	for (unsigned int i = 0; i < n && from + i < kMaxCalls; i++) {
		const Call &map = fake.maps[from + i];

		if (map.iova != base + u64{ i } * 0x1000 || map.size != 0x1000 ||
		    map.phys != 0x1000000 + u64{ i } * 0x2000)
			return false;
	}
	return true;
}

} // namespace

/*
 * With a backend that has map_runs: the runs the layout walk finds go to
 * the IOMMU from the engine's run log, in one call, with the list read
 * once; never through map or map_sg.  They give the same runs at the same
 * IOVAs and the same segments as one map per run, padding included.  A
 * buffer's pages go DMA_SG_BATCH runs to a call.
 */
void engine_sg_map_runs_one_walk(struct kunit *test) noexcept
{
	static const u64 padded[2][2] = { { 0x100000, 0x3000 }, { 0x300000, 0x3000 } };
	static const u64 pages[3] = { 0x400000, 0x401000, 0x800000 };
	dma_engine_config cfg = test_config();
	scatterlist *sg = runs_sg;
	Engine plain;

	cfg.backend = &kFakeRunsBackend;
	Engine eng(cfg);
	KX_ASSERT_TRUE(test, plain.e && eng.e);

	static const u64 max_segs[2] = { 0x100000, 0x3000 };

	fake_sg = FakeMapSg{};
	for (const u64 max_seg : max_segs) {
		build_pairs(sg, 40);
		map_and_record(runs_want, plain.e, sg, 40, max_seg, 0x3fff);
		fake_runs = FakeMapRuns{};
		build_pairs(sg, 40);
		sg_reads = SgReads{};
		map_and_record(runs_got, eng.e, sg, 40, max_seg, 0x3fff);

		KX_EXPECT_EQ(test, runs_want.nr_maps, 20u);
		KX_EXPECT_TRUE(test, runs_got.count > 0 && same_result(runs_want, runs_got));
		KX_EXPECT_EQ(test, sg_reads.cpu, 40u);
		KX_EXPECT_EQ(test, fake_runs.calls, 1u);
		KX_EXPECT_EQ(test, fake_runs.most, 20u);
		KX_EXPECT_EQ(test, fake_runs.plain, 0u);
		KX_EXPECT_EQ(test, fake_sg.calls, 0u);
	}

	build_sg(sg, padded, 2);
	map_and_record(runs_want, plain.e, sg, 2, 0x100000, 0x3fff);
	fake_runs = FakeMapRuns{};
	build_sg(sg, padded, 2);
	map_and_record(runs_got, eng.e, sg, 2, 0x100000, 0x3fff);
	KX_EXPECT_EQ(test, runs_got.maps[1].iova - runs_got.maps[0].iova, 0x4000u);
	KX_EXPECT_TRUE(test, runs_got.count == 2 && same_result(runs_want, runs_got));
	KX_EXPECT_EQ(test, fake_runs.calls, 1u);

	reset_fake();
	fake_runs = FakeMapRuns{};
	int err = 0;
	u64 iova = dma_engine_map_pages(eng.e, pages, 3, &kToDevice, &err);
	KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, fake_runs.calls, 1u);
	KX_ASSERT_TRUE(test, fake.nr_maps == 2);
	KX_EXPECT_EQ(test, fake.maps[0].size, 0x2000u);
	KX_EXPECT_EQ(test, fake.maps[1].iova, iova + 0x2000);
	dma_engine_unmap_phys(eng.e, iova, 0x3000);
	KX_EXPECT_EQ(test, eng.stats().mapped_bytes, 0u);
}

/*
 * The run log's limits.  A list of DMA_RUN_LOG runs is still read once
 * and mapped in one call; with one run more it is read twice and mapped
 * DMA_SG_BATCH runs to a call, to the same IOVAs.  A map_sg() that comes
 * while another holds the log (here from inside the IOMMU's map call, as
 * an interrupt on this CPU could) walks its list twice and leaves the
 * holder's runs alone, and the log is free again afterwards.
 */
void engine_sg_run_log_limits(struct kunit *test) noexcept
{
	static const unsigned int lengths[2] = { kLongRuns - 1, kLongRuns };
	static scatterlist nested_sg[3];
	dma_engine_config cfg = test_config();

	cfg.backend = &kFakeRunsBackend;
	Engine eng(cfg);
	KX_ASSERT_TRUE(test, eng.e);

	for (const unsigned int n : lengths) {
		const bool fits = n <= DMA_RUN_LOG;

		reset_fake();
		fake_runs = FakeMapRuns{};
		sg_reads = SgReads{};
		build_scattered(long_sg, n);
		KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, long_sg, static_cast<int>(n),
						       &kToDevice, 0x100000, kNoBoundary) > 0);
		KX_EXPECT_EQ(test, sg_reads.cpu, u64{ fits ? n : 2 * n });
		KX_EXPECT_EQ(test, fake_runs.calls,
			     fits ? 1u : (n + DMA_SG_BATCH - 1) / DMA_SG_BATCH);
		KX_EXPECT_EQ(test, fake_runs.most, fits ? n : DMA_SG_BATCH);
		KX_EXPECT_EQ(test, fake.nr_maps, n);
		KX_EXPECT_TRUE(test, mapped_scattered(0, n));
		dma_engine_unmap_sg(eng.e, long_sg, static_cast<int>(n));
		KX_EXPECT_EQ(test, eng.stats().mapped_bytes, 0u);
	}

	/* Nested: its 3 runs map before the holder's 20, which must be intact. */
	reset_fake();
	fake_runs = FakeMapRuns{};
	fake_runs.nested_engine = eng.e;
	fake_runs.nested_access = &kToDevice;
	fake_runs.nested_sg = nested_sg;
	fake_runs.nested_n = 3;
	build_scattered(nested_sg, 3);
	build_scattered(long_sg, 20);
	sg_reads = SgReads{};
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, long_sg, 20, &kToDevice, 0x100000,
					       kNoBoundary) > 0);
	KX_EXPECT_EQ(test, fake_runs.nested_count, 1);
	KX_EXPECT_EQ(test, sg_reads.cpu, 20u + 2 * 3);
	KX_ASSERT_TRUE(test, fake.nr_maps == 23);
	KX_EXPECT_TRUE(test, fake.maps[0].iova != fake.maps[3].iova);
	KX_EXPECT_TRUE(test, mapped_scattered(0, 3) && mapped_scattered(3, 20));
	dma_engine_unmap_sg(eng.e, nested_sg, 3);
	dma_engine_unmap_sg(eng.e, long_sg, 20);

	sg_reads = SgReads{};
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, long_sg, 20, &kToDevice, 0x100000,
					       kNoBoundary) > 0);
	KX_EXPECT_EQ(test, sg_reads.cpu, 20u);
	dma_engine_unmap_sg(eng.e, long_sg, 20);
	KX_EXPECT_EQ(test, eng.stats().mapped_bytes, 0u);
}

/*
 * A failed map_runs call left nothing of its own mapped.  From the run
 * log that is the whole list; a list mapped DMA_SG_BATCH runs to a call
 * has the runs of the calls before it taken back, each once, and nothing
 * else.  Either way the IOVAs go back.
 */
void engine_map_runs_failure_unwinds(struct kunit *test) noexcept
{
	struct FailedList {
		scatterlist *sg;
		unsigned int n;
		unsigned int fail_at;
		unsigned int kept;
	};
	const FailedList lists[4] = {
		{ runs_sg, 40, 18, 0 },
		{ runs_sg, 40, 3, 0 },
		{ long_sg, kLongRuns, 18, DMA_SG_BATCH },
		{ long_sg, kLongRuns, 3, 0 },
	};
	dma_engine_config cfg = test_config();
	u64 pages[20];
	int err = 0;

	cfg.backend = &kFakeRunsBackend;
	Engine eng(cfg);
	KX_ASSERT_TRUE(test, eng.e);

	for (const FailedList &list : lists) {
		const unsigned int kept = list.kept;

		reset_fake();
		fake_runs = FakeMapRuns{};
		fake_runs.fail_at = list.fail_at;
		if (list.sg == runs_sg)
			build_pairs(list.sg, list.n);
		else
			build_scattered(list.sg, list.n);
		KX_EXPECT_EQ(test, dma_engine_map_sg(eng.e, list.sg, static_cast<int>(list.n),
						     &kToDevice, 0x100000, kNoBoundary),
			     -kcxx::ENOMEM);

		KX_ASSERT_TRUE(test, fake.nr_maps == kept);
		KX_ASSERT_TRUE(test, fake.nr_unmaps == kept);
		for (unsigned int i = 0; i < kept; i++) {
			KX_EXPECT_EQ(test, fake.unmaps[i].iova, fake.maps[i].iova);
			KX_EXPECT_EQ(test, fake.unmaps[i].size, fake.maps[i].size);
		}
		KX_EXPECT_EQ(test, eng.stats().iova_bytes, 0u);
		KX_EXPECT_EQ(test, eng.stats().mapped_bytes, 0u);
	}
	KX_EXPECT_EQ(test, eng.stats().map_errors, 4u);

	/* A buffer's pages: what was mapped is the start of its range. */
	for (unsigned int i = 0; i < 20; i++)
		pages[i] = 0x1000000 + i * 0x10000;
	reset_fake();
	fake_runs = FakeMapRuns{};
	fake_runs.fail_at = 17;
	KX_EXPECT_EQ(test, dma_engine_map_pages(eng.e, pages, 20, &kToDevice, &err),
		     DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, err, -kcxx::ENOMEM);
	KX_ASSERT_TRUE(test, fake.nr_unmaps == 1);
	KX_EXPECT_EQ(test, fake.unmaps[0].iova, fake.maps[0].iova);
	KX_EXPECT_EQ(test, fake.unmaps[0].size, 16u * 0x1000);
	KX_EXPECT_TRUE(test, fake.unmaps[0].sync);
	KX_EXPECT_EQ(test, eng.stats().mapped_bytes, 0u);

	/* Its IOVAs went back (a per-CPU cache may keep them): the next buffer gets them. */
	const u64 failed_iova = fake.maps[0].iova;

	fake_runs.fail_at = 0;
	const u64 iova = dma_engine_map_pages(eng.e, pages, 20, &kToDevice, &err);
	KX_EXPECT_EQ(test, iova, failed_iova);
	if (iova != DMA_ENGINE_ERROR)
		dma_engine_unmap_phys(eng.e, iova, 20 * 0x1000);
}

/* A segment that would cross a boundary moves to it; the hole stays unmapped. */
void engine_sg_padding_holes(struct kunit *test) noexcept
{
	static const u64 entries[2][2] = { { 0x100000, 0x3000 }, { 0x300000, 0x3000 } };
	scatterlist sg[2];
	Engine eng;

	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);
	build_sg(sg, entries, 2);
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 2, &kToDevice, 0x100000,
					       0x3fff) == 2);
	KX_EXPECT_EQ(test, sg[1].dma_address - sg[0].dma_address, 0x4000u);
	KX_ASSERT_TRUE(test, fake.nr_maps == 2);
	dma_engine_unmap_sg(eng.e, sg, 2);
	/* Run by run, never across the hole. */
	KX_ASSERT_TRUE(test, fake.nr_unmaps == 2);
	KX_EXPECT_EQ(test, fake.unmaps[0].size, 0x3000u);
	KX_EXPECT_EQ(test, fake.unmaps[1].iova, fake.maps[1].iova);
	KX_EXPECT_TRUE(test, fake.unmaps[0].sync && fake.unmaps[1].sync);
}

/*
 * map_sg reads each entry's CPU side once (a list of 40 entries: batches
 * and a partial one), and unmap_sg undoes what map_sg laid out from the
 * DMA segments it wrote, never reading the CPU side again: scrambling the
 * CPU side after the map changes nothing of the unmap, holes included.
 * Entries after the last segment get a zero DMA length, also when they
 * held a segment of an earlier map.
 */
void engine_sg_unmap_from_segments(struct kunit *test) noexcept
{
	constexpr unsigned int kLong = 40;
	static const u64 padded[3][2] = {
		{ 0x100000, 0x3000 }, { 0x300000, 0x3000 }, { 0x500000, 0x2000 },
	};
	/* Static: too large for a KASAN stack frame; KUnit runs one case at a time. */
	static scatterlist sg[kLong];
	static u64 entries[kLong][2];
	dma_engine_config cfg = test_config();

	cfg.backend = &kFakeSgBackend;
	Engine eng(cfg);
	KX_ASSERT_TRUE(test, eng.e);

	/* 40 scattered pages, 64 KiB segments: 3 segments, one map_sg call. */
	for (unsigned int i = 0; i < kLong; i++) {
		entries[i][0] = 0x1000000 + u64{ i } * 0x2000;
		entries[i][1] = 0x1000;
	}
	build_sg(sg, entries, kLong);
	for (unsigned int i = 0; i < kLong; i++)
		sg[i].dma_len = 0x777;	/* left over from an earlier map */
	reset_fake();
	fake_sg = FakeMapSg{};
	sg_reads = SgReads{};
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, kLong, &kToDevice, 0x10000,
					       kNoBoundary) == 3);
	KX_EXPECT_EQ(test, sg_reads.cpu, kLong);
	KX_EXPECT_EQ(test, fake_sg.calls, 1u);
	KX_EXPECT_EQ(test, sg[2].dma_len, 0x8000u);
	for (unsigned int i = 3; i < kLong; i++)
		KX_EXPECT_EQ(test, sg[i].dma_len, 0u);
	const u64 iova = fake_sg.iova;

	for (unsigned int i = 0; i < kLong; i++) {
		sg[i].phys = 0x7000000;
		sg[i].length = 0x1000 * (i + 1);
	}
	sg_reads = SgReads{};
	dma_engine_unmap_sg(eng.e, sg, kLong);
	KX_EXPECT_EQ(test, sg_reads.cpu, 0u);
	/* The three segments and the zero length after them. */
	KX_EXPECT_LE(test, sg_reads.dma, u64{ DMA_SG_BATCH });
	KX_ASSERT_TRUE(test, fake.nr_unmaps == 1);
	KX_EXPECT_EQ(test, fake.unmaps[0].iova, iova);
	KX_EXPECT_EQ(test, fake.unmaps[0].size, u64{ kLong } * 0x1000);
	KX_EXPECT_EQ(test, eng.stats().mapped_bytes, 0u);

	/* Padding: two holes, each mapped run unmapped alone, CPU side scrambled. */
	reset_fake();
	build_sg(sg, padded, 3);
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 3, &kToDevice, 0x100000,
					       0x3fff) == 3);
	KX_ASSERT_TRUE(test, fake.nr_maps == 3);
	const Call maps[3] = { fake.maps[0], fake.maps[1], fake.maps[2] };

	for (unsigned int i = 0; i < 3; i++) {
		sg[i].phys = 0x7000000;
		sg[i].length = 0x1000;
	}
	sg_reads = SgReads{};
	dma_engine_unmap_sg(eng.e, sg, 3);
	KX_EXPECT_EQ(test, sg_reads.cpu, 0u);
	KX_ASSERT_TRUE(test, fake.nr_unmaps == 3);
	for (unsigned int i = 0; i < 3; i++) {
		KX_EXPECT_EQ(test, fake.unmaps[i].iova, maps[i].iova);
		KX_EXPECT_EQ(test, fake.unmaps[i].size, maps[i].size);
		KX_EXPECT_TRUE(test, fake.unmaps[i].sync);
	}
	KX_EXPECT_EQ(test, eng.stats().mapped_bytes, 0u);
	/* The whole range, holes included, went back: the next map gets it. */
	reset_fake();
	build_sg(sg, padded, 3);
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 3, &kToDevice, 0x100000,
					       0x3fff) == 3);
	KX_EXPECT_EQ(test, fake.maps[0].iova, maps[0].iova);
	dma_engine_unmap_sg(eng.e, sg, 3);
}

/* A map that fails part way takes back what it mapped and its IOVAs. */
void engine_map_failure_unwinds(struct kunit *test) noexcept
{
	static const u64 entries[3][2] = {
		{ 0x100000, 0x40000 }, { 0x300000, 0x40000 }, { 0x500000, 0x40000 },
	};
	scatterlist sg[3];
	Engine eng;

	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);
	build_sg(sg, entries, 3);
	fake.fail_map_at = 3;
	KX_EXPECT_EQ(test, dma_engine_map_sg(eng.e, sg, 3, &kToDevice, 0x100000,
					     kNoBoundary), -kcxx::ENOMEM);
	KX_ASSERT_TRUE(test, fake.nr_unmaps == 2);
	KX_EXPECT_EQ(test, fake.unmaps[0].iova, fake.maps[0].iova);
	KX_EXPECT_EQ(test, fake.unmaps[1].iova, fake.maps[1].iova);
	KX_EXPECT_EQ(test, eng.stats().iova_bytes, 0u);
	KX_EXPECT_EQ(test, eng.stats().mapped_bytes, 0u);
	KX_EXPECT_EQ(test, eng.stats().map_errors, 1u);
}

/* map_phys keeps the offset and maps whole granules around the buffer. */
void engine_map_phys_offsets(struct kunit *test) noexcept
{
	Engine eng;
	int err = 0;

	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);
	const dma_access atomic = access(KX_DMA_TO_DEVICE, kNoMask, true);
	const dma_access below_1m = access(KX_DMA_TO_DEVICE, 0x100000 - 1, true);
	u64 iova = dma_engine_map_phys(eng.e, 0x12345, 0x2000, &atomic, &err);
	KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, iova & 0xfff, 0x345u);
	KX_EXPECT_EQ(test, fake.maps[0].phys, 0x12000u);
	KX_EXPECT_EQ(test, fake.maps[0].size, 0x3000u);
	/* Below the caller's limit, or not at all. */
	KX_EXPECT_EQ(test, dma_engine_map_phys(eng.e, 0x12000, 0x1000, &below_1m, &err),
		     DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, err, -kcxx::ENOSPC);
	dma_engine_unmap_phys(eng.e, iova, 0x2000);
	KX_EXPECT_EQ(test, fake.unmaps[0].iova, iova & ~0xfffULL);
	KX_EXPECT_EQ(test, fake.unmaps[0].size, 0x3000u);
}

/* Strict: invalidated before unmap returns.  Deferred: at the drain. */
void engine_strict_and_deferred(struct kunit *test) noexcept
{
	const dma_chunk chunk = { 0x400000, 0x40000 };	/* above the cached sizes */
	int err = 0;

	{
		Engine strict;

		reset_fake();
		KX_ASSERT_TRUE(test, strict.e);
		u64 iova = dma_engine_map_chunks(strict.e, &chunk, 1, &kToDevice, &err);
		KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
		dma_engine_unmap_phys(strict.e, iova, chunk.size);
		KX_EXPECT_TRUE(test, fake.nr_unmaps == 1 && fake.unmaps[0].sync);
		KX_EXPECT_EQ(test, strict.stats().iova_bytes, 0u);
	}
	{
		Engine deferred(true);

		reset_fake();
		KX_ASSERT_TRUE(test, deferred.e);
		u64 iova = dma_engine_map_chunks(deferred.e, &chunk, 1, &kToDevice, &err);
		KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
		dma_engine_unmap_phys(deferred.e, iova, chunk.size);
		KX_EXPECT_TRUE(test, fake.nr_unmaps == 1 && !fake.unmaps[0].sync);
		KX_EXPECT_EQ(test, fake.scheduled, 1u);
		/* Not reusable before the drain. */
		KX_EXPECT_EQ(test, deferred.stats().iova_bytes, chunk.size);
		KX_EXPECT_EQ(test, fake.flush_alls, 0u);
		dma_engine_flush_queue(deferred.e);
		KX_EXPECT_EQ(test, fake.flush_alls, 1u);
		KX_EXPECT_EQ(test, deferred.stats().iova_bytes, 0u);
		/* A full queue drains at once, without waiting for the timer. */
		for (unsigned int i = 0; i < DMA_ENGINE_FQ_DEPTH; i++) {
			iova = dma_engine_map_chunks(deferred.e, &chunk, 1, &kToDevice, &err);
			KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
			dma_engine_unmap_phys(deferred.e, iova, chunk.size);
		}
		KX_EXPECT_EQ(test, fake.flush_alls, 2u);
		KX_EXPECT_EQ(test, deferred.stats().iova_bytes, 0u);
		/* Going strict drains what is queued. */
		iova = dma_engine_map_chunks(deferred.e, &chunk, 1, &kToDevice, &err);
		KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
		dma_engine_unmap_phys(deferred.e, iova, chunk.size);
		KX_EXPECT_EQ(test, dma_engine_set_deferred(deferred.e, false), 0);
		KX_EXPECT_EQ(test, fake.flush_alls, 3u);
		KX_EXPECT_EQ(test, deferred.stats().iova_bytes, 0u);
	}
}

/* Bad chunks are refused before anything is allocated or mapped. */
void engine_rejects_bad_chunks(struct kunit *test) noexcept
{
	const dma_chunk unaligned = { 0x400100, 0x1000 };
	const dma_chunk empty = { 0x400000, 0 };
	Engine eng;
	int err = 0;

	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);
	KX_EXPECT_EQ(test, dma_engine_map_chunks(eng.e, &unaligned, 1, &kToDevice, &err),
		     DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, err, -kcxx::EINVAL);
	KX_EXPECT_EQ(test, dma_engine_map_chunks(eng.e, &empty, 1, &kToDevice, &err),
		     DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, fake.nr_maps, 0u);
	KX_EXPECT_EQ(test, eng.stats().iova_bytes, 0u);
}

/* The IOMMU gets the protection the DMA API call asks for; DMA_NONE maps nothing. */
void engine_prot_reaches_iommu(struct kunit *test) noexcept
{
	dma_engine_config cfg = test_config();
	static const u64 page[1] = { 0x600000 };
	static const u64 entry[1][2] = { { 0x600000, 0x1000 } };
	scatterlist sg[1];
	int err = 0;

	cfg.coherent = true;
	Engine eng(cfg);
	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);

	dma_access a = access(KX_DMA_FROM_DEVICE, kNoMask, true, KX_DMA_ATTR_PRIVILEGED);
	u64 iova = dma_engine_map_phys(eng.e, 0x200000, 0x1000, &a, &err);
	KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, fake.maps[0].prot,
		     KX_DMA_IOMMU_WRITE | KX_DMA_IOMMU_CACHE | KX_DMA_IOMMU_PRIV);
	dma_engine_unmap_phys(eng.e, iova, 0x1000);

	/* map_resource: registers are never cacheable, even for a coherent device. */
	a = access(KX_DMA_BIDIRECTIONAL, kNoMask, true);
	a.mmio = true;
	iova = dma_engine_map_phys(eng.e, 0x10000000, 0x1000, &a, &err);
	KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, fake.maps[1].prot,
		     KX_DMA_IOMMU_READ | KX_DMA_IOMMU_WRITE | KX_DMA_IOMMU_MMIO);
	dma_engine_unmap_phys(eng.e, iova, 0x1000);

	/* DMA_NONE is refused before any IOVA or page table is touched. */
	const dma_engine_stats before = eng.stats();
	a = access(KX_DMA_NONE);
	KX_EXPECT_EQ(test, dma_engine_map_phys(eng.e, 0x200000, 0x1000, &a, &err),
		     DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, err, -kcxx::EINVAL);
	err = 0;
	KX_EXPECT_EQ(test, dma_engine_map_pages(eng.e, page, 1, &a, &err), DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, err, -kcxx::EINVAL);
	build_sg(sg, entry, 1);
	KX_EXPECT_EQ(test, dma_engine_map_sg(eng.e, sg, 1, &a, 0x100000, kNoBoundary),
		     -kcxx::EINVAL);
	KX_EXPECT_EQ(test, fake.nr_maps, 2u);
	KX_EXPECT_EQ(test, eng.stats().iova_bytes, before.iova_bytes);
	KX_EXPECT_EQ(test, eng.stats().maps, before.maps);
	KX_EXPECT_EQ(test, eng.stats().mapped_bytes, 0u);
}

/* A buffer's pages: each physically contiguous run goes to the IOMMU in one call. */
void engine_pages_coalesce_runs(struct kunit *test) noexcept
{
	static const u64 pages[7] = {
		0x400000, 0x401000, 0x402000, 0x800000, 0x801000, 0x300000, 0x302000,
	};
	static const u64 runs[4][2] = {
		{ 0x400000, 0x3000 }, { 0x800000, 0x2000 }, { 0x300000, 0x1000 },
		{ 0x302000, 0x1000 },
	};
	static const u64 unaligned[1] = { 0x400800 };
	Engine eng;
	u64 offset = 0;
	int err = 0;

	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);
	u64 iova = dma_engine_map_pages(eng.e, pages, 7, &kToDevice, &err);
	KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
	KX_ASSERT_TRUE(test, fake.nr_maps == 4);
	for (unsigned int i = 0; i < 4; i++) {
		KX_EXPECT_EQ(test, fake.maps[i].iova, iova + offset);
		KX_EXPECT_EQ(test, fake.maps[i].phys, runs[i][0]);
		KX_EXPECT_EQ(test, fake.maps[i].size, runs[i][1]);
		offset += runs[i][1];
	}
	KX_EXPECT_EQ(test, eng.stats().mapped_bytes, 0x7000u);
	dma_engine_unmap_phys(eng.e, iova, 0x7000);
	KX_EXPECT_EQ(test, fake.nr_unmaps, 1u);
	KX_EXPECT_EQ(test, fake.unmaps[0].size, 0x7000u);

	/* A page that is not a page: refused, nothing mapped. */
	KX_EXPECT_EQ(test, dma_engine_map_pages(eng.e, unaligned, 1, &kToDevice, &err),
		     DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, err, -kcxx::EINVAL);
	KX_EXPECT_EQ(test, fake.nr_maps, 4u);
}

/* Every mapping ends below the device's DMA mask. */
void engine_mask_limits(struct kunit *test) noexcept
{
	const dma_access below_2m = access(KX_DMA_TO_DEVICE, 0x1fffff);
	Engine eng;
	int err = 0;

	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);
	/* The window starts at 1 MiB: exactly 1 MiB fits below a 2 MiB mask. */
	u64 low = dma_engine_map_phys(eng.e, 0x400000, 0x100000, &below_2m, &err);
	KX_ASSERT_TRUE(test, low != DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, low, 0x100000u);
	KX_EXPECT_EQ(test, dma_engine_map_phys(eng.e, 0x400000, 0x1000, &below_2m, &err),
		     DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, err, -kcxx::ENOSPC);
	/* A wider mask still finds room above it. */
	u64 high = dma_engine_map_phys(eng.e, 0x400000, 0x1000, &kToDevice, &err);
	KX_ASSERT_TRUE(test, high != DMA_ENGINE_ERROR);
	KX_EXPECT_LE(test, 0x200000u, high);
	dma_engine_unmap_phys(eng.e, high, 0x1000);
	dma_engine_unmap_phys(eng.e, low, 0x100000);
}

/* Caches are maintained for non-coherent devices where the architecture needs it. */
void engine_cache_sync_policy(struct kunit *test) noexcept
{
	const struct {
		bool coherent, arch_syncs, syncs;
	} cases[] = {
		{ false, true, true },		/* ARM32, a non-coherent device */
		{ true, true, false },		/* ARM32, a coherent device */
		{ false, false, false },	/* UML: nothing to maintain */
	};

	for (const auto &c : cases) {
		dma_engine_config cfg = test_config();

		cfg.coherent = c.coherent;
		cfg.arch_syncs = c.arch_syncs;
		Engine eng(cfg);
		KX_ASSERT_TRUE(test, eng.e);
		KX_EXPECT_EQ(test, dma_engine_sync_for_device(eng.e, 0), c.syncs);
		KX_EXPECT_EQ(test, dma_engine_sync_for_cpu(eng.e, KX_DMA_FROM_DEVICE, 0), c.syncs);
		KX_EXPECT_EQ(test, dma_engine_sync_for_cpu(eng.e, KX_DMA_BIDIRECTIONAL, 0), c.syncs);
		/* The device only read: the CPU's lines are still good. */
		KX_EXPECT_FALSE(test, dma_engine_sync_for_cpu(eng.e, KX_DMA_TO_DEVICE, 0));
		/* The caller syncs itself. */
		KX_EXPECT_FALSE(test, dma_engine_sync_for_device(eng.e, KX_DMA_ATTR_SKIP_CPU_SYNC));
		KX_EXPECT_FALSE(test, dma_engine_sync_for_cpu(eng.e, KX_DMA_FROM_DEVICE,
							      KX_DMA_ATTR_SKIP_CPU_SYNC));
	}
}

/* dma_supported, get_required_mask, max_mapping_size, get_merge_boundary. */
void engine_limits_and_hints(struct kunit *test) noexcept
{
	dma_engine_config cfg = test_config();

	cfg.base = 0x40000000;
	cfg.limit = 0x40100000;
	{
		Engine eng(cfg);

		KX_ASSERT_TRUE(test, eng.e);
		KX_EXPECT_TRUE(test, dma_engine_supported(eng.e, 0xffffffff));
		KX_EXPECT_TRUE(test, dma_engine_supported(eng.e, 0x40000000));
		KX_EXPECT_FALSE(test, dma_engine_supported(eng.e, 0x3fffffff));
		KX_EXPECT_EQ(test, dma_engine_required_mask(eng.e), 0x7fffffffu);
		KX_EXPECT_EQ(test, dma_engine_max_mapping_size(eng.e), 0x100000u);
		KX_EXPECT_EQ(test, dma_engine_merge_boundary(eng.e), 0xfffu);
	}
	cfg.base = 0x10000;
	cfg.limit = 0x100000000ULL;
	cfg.granule = 0x10000;
	cfg.cpu_page = 0x10000;
	{
		Engine eng(cfg);

		KX_ASSERT_TRUE(test, eng.e);
		KX_EXPECT_EQ(test, dma_engine_required_mask(eng.e), 0xffffffffu);
		KX_EXPECT_EQ(test, dma_engine_merge_boundary(eng.e), 0xffffu);
	}
	/* A granule larger than the CPU's page cannot map a page alone. */
	cfg.cpu_page = 0x1000;
	int err = 0;
	KX_EXPECT_TRUE(test, dma_engine_create(&cfg, &err) == nullptr);
	KX_EXPECT_EQ(test, err, -kcxx::EINVAL);
}

/* Without flush_iotlb_all there is no flush queue: strict, whatever was asked. */
void engine_deferred_needs_flush_all(struct kunit *test) noexcept
{
	dma_engine_config cfg = test_config(true);
	int err = 0;

	cfg.can_flush_all = false;
	Engine eng(cfg);
	reset_fake();
	KX_ASSERT_TRUE(test, eng.e);
	KX_EXPECT_FALSE(test, dma_engine_deferred(eng.e));
	KX_EXPECT_EQ(test, dma_engine_set_deferred(eng.e, true), -kcxx::EOPNOTSUPP);
	KX_EXPECT_FALSE(test, dma_engine_deferred(eng.e));
	u64 iova = dma_engine_map_phys(eng.e, 0x200000, 0x1000, &kToDevice, &err);
	KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
	dma_engine_unmap_phys(eng.e, iova, 0x1000);
	KX_EXPECT_TRUE(test, fake.nr_unmaps == 1 && fake.unmaps[0].sync);
	KX_EXPECT_EQ(test, fake.scheduled, 0u);
	KX_EXPECT_EQ(test, dma_engine_set_deferred(eng.e, false), 0);
}

namespace {

/* The AVL bound: height <= 1.45 log2(n) + 2. */
bool height_within_bound(u64 height, u64 nodes)
{
	if (nodes < 2)
		return height <= nodes;
	return 100 * height <= 145 * (kcxx::ilog2(nodes) + 1) + 200;
}

} // namespace

/*
 * Coherent buffers by IOVA: filed in the worst order for an unbalanced
 * tree, found with bounds, taken by free() only when the kernel address
 * and the size match too, swept at removal.
 */
void engine_buffers_by_iova(struct kunit *test) noexcept
{
	constexpr unsigned int n = 1024;
	constexpr u64 kSize = 0x2000;
	auto *bufs = static_cast<dma_engine_buffer *>(
		kx_kunit_kzalloc(test, (n + 1) * sizeof(dma_engine_buffer)));
	Engine eng;

	KX_ASSERT_TRUE(test, bufs != nullptr);
	KX_ASSERT_TRUE(test, eng.e);
	for (unsigned int i = 0; i < n; i++) {
		bufs[i].iova = 0x100000 + i * 0x3000;
		bufs[i].size = kSize;
		bufs[i].cpu_addr = &bufs[i];
		KX_ASSERT_EQ(test, dma_engine_add_buffer(eng.e, &bufs[i]), 0);
	}
	bufs[n] = bufs[7];
	KX_EXPECT_EQ(test, dma_engine_add_buffer(eng.e, &bufs[n]), -kcxx::EEXIST);
	dma_engine_stats stats = eng.stats();
	KX_EXPECT_EQ(test, stats.buffers, u64{n});
	KX_EXPECT_TRUE(test, height_within_bound(stats.buffer_tree_height, n));

	/* Lookups: the buffer's own IOVA, and only inside it. */
	dma_engine_buffer *b = &bufs[10];
	KX_EXPECT_TRUE(test, dma_engine_find_buffer(eng.e, b->iova, 0, kSize) == b);
	KX_EXPECT_TRUE(test, dma_engine_find_buffer(eng.e, b->iova, 0, kSize - 1) == b);
	KX_EXPECT_TRUE(test, dma_engine_find_buffer(eng.e, b->iova, 0x1000, 0x1000) == b);
	KX_EXPECT_TRUE(test, dma_engine_find_buffer(eng.e, b->iova, 0x1000, 0x1001) == nullptr);
	KX_EXPECT_TRUE(test, dma_engine_find_buffer(eng.e, b->iova, kSize, 1) == nullptr);
	KX_EXPECT_TRUE(test, dma_engine_find_buffer(eng.e, b->iova, ~0ULL, 2) == nullptr);
	KX_EXPECT_TRUE(test, dma_engine_find_buffer(eng.e, b->iova + 0x1000, 0, 1) == nullptr);
	KX_EXPECT_TRUE(test, dma_engine_find_buffer(eng.e, bufs[n - 1].iova + 0x3000, 0, 1) ==
			     nullptr);

	/* free(): a wrong kernel address or size takes nothing. */
	KX_EXPECT_TRUE(test, dma_engine_take_buffer(eng.e, b->iova, &bufs[11], kSize) == nullptr);
	KX_EXPECT_TRUE(test, dma_engine_take_buffer(eng.e, b->iova, b, kSize + 0x1000) == nullptr);
	KX_EXPECT_TRUE(test, dma_engine_take_buffer(eng.e, b->iova + 0x1000, b, kSize) == nullptr);
	KX_EXPECT_TRUE(test, dma_engine_find_buffer(eng.e, b->iova, 0, kSize) == b);
	KX_EXPECT_EQ(test, eng.stats().buffers, u64{n});
	/* The size as allocated, before rounding to pages, matches too. */
	KX_EXPECT_TRUE(test, dma_engine_take_buffer(eng.e, b->iova, b, kSize - 0x800) == b);
	KX_EXPECT_TRUE(test, dma_engine_find_buffer(eng.e, b->iova, 0, kSize) == nullptr);

	/* Removal sweeps every other buffer, each once, then nothing. */
	unsigned int swept = 0;
	u64 last = 0;
	while (dma_engine_buffer *left = dma_engine_take_any_buffer(eng.e)) {
		KX_EXPECT_TRUE(test, left != b && left->iova > last);
		last = left->iova;
		KX_ASSERT_TRUE(test, ++swept < n);	/* a sweep that never ends */
	}
	KX_EXPECT_EQ(test, swept, n - 1);
	KX_EXPECT_EQ(test, eng.stats().buffers, 0u);
	KX_EXPECT_TRUE(test, dma_engine_take_any_buffer(eng.e) == nullptr);
}

/*
 * A range pool (the atomic pool, declared memory) aligns every buffer to
 * its size rounded up to a power of two, as the DMA API promises of a
 * coherent buffer: 192 KiB after 128 KiB goes to 256 KiB, where the
 * allocator's own rule for more than 128 KiB would put it on 128 KiB.
 */
void engine_range_pool_size_aligned(struct kunit *test) noexcept
{
	static const u64 sizes[6] = { 0x20000, 0x30000, 0x1000, 0x5000, 0x50000, 0x3000 };
	u64 addrs[6];
	int err = 0;
	dma_range_pool *pool = dma_range_pool_create(0x100000, 0x200000, kGranule, &err);

	KX_ASSERT_TRUE(test, pool);
	for (unsigned int i = 0; i < 6; i++) {
		const u64 align = u64{ 1 } << kcxx::ceil_log2(sizes[i]);

		addrs[i] = dma_range_pool_alloc(pool, sizes[i]);
		KX_EXPECT_TRUE(test, addrs[i] != DMA_ENGINE_ERROR);
		KX_EXPECT_EQ(test, addrs[i] & (align - 1), 0u);
	}
	KX_EXPECT_EQ(test, addrs[1], 0x140000u);
	for (unsigned int i = 0; i < 6; i++) {
		if (addrs[i] != DMA_ENGINE_ERROR)
			dma_range_pool_free(pool, addrs[i], sizes[i]);
	}
	dma_range_pool_destroy(pool);
}
