// SPDX-License-Identifier: GPL-2.0
/*
 * The DMA engine's own rules, on this module's copy of the engine
 * (engine_copy.cpp) with a recording IOMMU and scatterlists of our own in
 * place of the kernel's (the kx_* services below): segment merging under
 * max_segment_size and the segment boundary, physically adjacent runs in
 * one map call, padding and its holes, unwinding a failed map, strict and
 * deferred unmaps: exact layouts and calls, which the DMA API hides.
 * The suites in dma_test.c drive the same engine through the DMA API on
 * the OMAP model.  The engine tests run on boards too (no model needed).
 */
#include <kcxx/bits.h>
#include <kcxx/errno.h>

#include "../../dma/dma_engine.h"
#include "../kcxx_test.h"
#include "engine_tests.h"

/* Our scatterlist: what the engine reads and writes through kx_sg_*(). */
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

struct Engine {
	dma_engine *e;

	explicit Engine(bool deferred = false)
	{
		dma_engine_config cfg = {};
		int err = 0;

		cfg.base = 0x100000;
		cfg.limit = 0x10000000;
		cfg.granule = kGranule;
		cfg.deferred = deferred;
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

} // namespace

/* ------------------------------------------------ the kernel, faked -- */

int kx_dma_iommu_map(struct iommu_domain *, u64 iova, u64 phys, u64 size, int, bool) noexcept
{
	unsigned int call = fake.nr_maps++;

	if (call < kMaxCalls)
		fake.maps[call] = Call{ iova, phys, size, false };
	return fake.fail_map_at && call + 1 == fake.fail_map_at ? -kcxx::ENOMEM : 0;
}

u64 kx_dma_iommu_unmap(struct iommu_domain *, u64 iova, u64 size, bool sync) noexcept
{
	unsigned int call = fake.nr_unmaps++;

	if (call < kMaxCalls)
		fake.unmaps[call] = Call{ iova, 0, size, sync };
	return size;
}

void kx_dma_iommu_flush_all(struct iommu_domain *) noexcept
{
	fake.flush_alls++;
}

void kx_dma_schedule_flush(void *, unsigned int) noexcept
{
	fake.scheduled++;
}

struct scatterlist *kx_sg_next(struct scatterlist *sg) noexcept
{
	return sg->next;
}

u64 kx_sg_phys(struct scatterlist *sg) noexcept
{
	return sg->phys;
}

u32 kx_sg_length(struct scatterlist *sg) noexcept
{
	return sg->length;
}

u64 kx_sg_dma_address(struct scatterlist *sg) noexcept
{
	return sg->dma_address;
}

u32 kx_sg_dma_len(struct scatterlist *sg) noexcept
{
	return sg->dma_len;
}

void kx_sg_set_dma(struct scatterlist *sg, u64 addr, u32 len) noexcept
{
	sg->dma_address = addr;
	sg->dma_len = len;
}

bool kx_sg_has_dma_length(void) noexcept
{
	return true;
}

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
	int count = dma_engine_map_sg(eng.e, sg, 8, 0, ~0ULL, false, 0x3000, 0x3fff);
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
	dma_engine_unmap_sg(eng.e, sg, 8, 0x3fff);
	KX_EXPECT_EQ(test, fake.nr_unmaps, 1u);
	KX_EXPECT_EQ(test, fake.unmaps[0].size, 0x8000u);
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
	int count = dma_engine_map_sg(eng.e, sg, 4, 0, ~0ULL, false, 0x100000, kNoBoundary);
	KX_ASSERT_TRUE(test, count == 2);
	KX_EXPECT_EQ(test, sg[0].dma_address & 0xfff, 0x100u);
	KX_EXPECT_EQ(test, sg[0].dma_len, 0xf00u + 0x1000 + 0x800);
	/* The fourth starts inside its page: a segment of its own, offset kept. */
	KX_EXPECT_EQ(test, sg[1].dma_address - (sg[0].dma_address & ~0xfffULL), 0x3200u);
	KX_EXPECT_EQ(test, sg[1].dma_len, 0x100u);
	dma_engine_unmap_sg(eng.e, sg, 4, kNoBoundary);
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
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 4, 0, ~0ULL, false, 0x100000,
					       kNoBoundary) == 1);
	KX_ASSERT_TRUE(test, fake.nr_maps == 2);
	KX_EXPECT_EQ(test, fake.maps[0].phys, 0x100000u);
	KX_EXPECT_EQ(test, fake.maps[0].size, 0x3000u);
	KX_EXPECT_EQ(test, fake.maps[1].iova, fake.maps[0].iova + 0x3000);
	dma_engine_unmap_sg(eng.e, sg, 4, kNoBoundary);
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
	KX_ASSERT_TRUE(test, dma_engine_map_sg(eng.e, sg, 2, 0, ~0ULL, false, 0x100000,
					       0x3fff) == 2);
	KX_EXPECT_EQ(test, sg[1].dma_address - sg[0].dma_address, 0x4000u);
	KX_ASSERT_TRUE(test, fake.nr_maps == 2);
	dma_engine_unmap_sg(eng.e, sg, 2, 0x3fff);
	/* Run by run, never across the hole. */
	KX_ASSERT_TRUE(test, fake.nr_unmaps == 2);
	KX_EXPECT_EQ(test, fake.unmaps[0].size, 0x3000u);
	KX_EXPECT_EQ(test, fake.unmaps[1].iova, fake.maps[1].iova);
	KX_EXPECT_TRUE(test, fake.unmaps[0].sync && fake.unmaps[1].sync);
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
	KX_EXPECT_EQ(test, dma_engine_map_sg(eng.e, sg, 3, 0, ~0ULL, false, 0x100000,
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
	u64 iova = dma_engine_map_phys(eng.e, 0x12345, 0x2000, 0, ~0ULL, true, &err);
	KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, iova & 0xfff, 0x345u);
	KX_EXPECT_EQ(test, fake.maps[0].phys, 0x12000u);
	KX_EXPECT_EQ(test, fake.maps[0].size, 0x3000u);
	/* Below the caller's limit, or not at all. */
	KX_EXPECT_EQ(test, dma_engine_map_phys(eng.e, 0x12000, 0x1000, 0, 0x100000, true, &err),
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
		u64 iova = dma_engine_map_chunks(strict.e, &chunk, 1, 0, ~0ULL, false, &err);
		KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
		dma_engine_unmap_phys(strict.e, iova, chunk.size);
		KX_EXPECT_TRUE(test, fake.nr_unmaps == 1 && fake.unmaps[0].sync);
		KX_EXPECT_EQ(test, strict.stats().iova_bytes, 0u);
	}
	{
		Engine deferred(true);

		reset_fake();
		KX_ASSERT_TRUE(test, deferred.e);
		u64 iova = dma_engine_map_chunks(deferred.e, &chunk, 1, 0, ~0ULL, false, &err);
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
			iova = dma_engine_map_chunks(deferred.e, &chunk, 1, 0, ~0ULL, false, &err);
			KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
			dma_engine_unmap_phys(deferred.e, iova, chunk.size);
		}
		KX_EXPECT_EQ(test, fake.flush_alls, 2u);
		KX_EXPECT_EQ(test, deferred.stats().iova_bytes, 0u);
		/* Going strict drains what is queued. */
		iova = dma_engine_map_chunks(deferred.e, &chunk, 1, 0, ~0ULL, false, &err);
		KX_ASSERT_TRUE(test, iova != DMA_ENGINE_ERROR);
		dma_engine_unmap_phys(deferred.e, iova, chunk.size);
		dma_engine_set_deferred(deferred.e, false);
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
	KX_EXPECT_EQ(test, dma_engine_map_chunks(eng.e, &unaligned, 1, 0, ~0ULL, false, &err),
		     DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, err, -kcxx::EINVAL);
	KX_EXPECT_EQ(test, dma_engine_map_chunks(eng.e, &empty, 1, 0, ~0ULL, false, &err),
		     DMA_ENGINE_ERROR);
	KX_EXPECT_EQ(test, fake.nr_maps, 0u);
	KX_EXPECT_EQ(test, eng.stats().iova_bytes, 0u);
}
