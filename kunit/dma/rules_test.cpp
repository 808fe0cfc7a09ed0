// SPDX-License-Identifier: GPL-2.0
/*
 * The DMA layer's rules that need no engine (dma/dma_rules.h), called
 * through the entry points the layer's shims call (socmmu_dma exports
 * them to KUnit suites): protection per direction and attribute, the
 * granule, the window and its sources, and the plan for a buffer's pages.
 */
#include <kcxx/errno.h>

#include "../../dma/dma_rules.h"
#include "../kcxx_test.h"
#include "engine_tests.h"

namespace {

constexpr u64 K4 = 0x1000;
constexpr int R = KX_DMA_IOMMU_READ, W = KX_DMA_IOMMU_WRITE, C = KX_DMA_IOMMU_CACHE;
constexpr int M = KX_DMA_IOMMU_MMIO, P = KX_DMA_IOMMU_PRIV;

/* A 32-bit aperture from 0, a 4 KiB granule: OMAP's. */
dma_window_input omap_input()
{
	dma_window_input in = {};

	in.aperture_start = 0;
	in.aperture_end = 0xffffffff;
	in.granule = K4;
	return in;
}

void set_property(dma_window_input *in, u32 na, u32 ns, const u32 *cells, u32 count)
{
	in->has_property = true;
	in->addr_cells = na;
	in->size_cells = ns;
	in->property_bytes = count * 4;
	for (u32 i = 0; i < count && i < 4; i++)
		in->cells[i] = cells[i];
}

constexpr unsigned int kMaxSteps = 64;

/* What a plan asked for, step by step, with the orders made to fail. */
struct PlanRun {
	dma_page_step steps[kMaxSteps];
	bool ok[kMaxSteps];
	unsigned int nr_steps;
	u32 pages;		/* brought by the steps that succeeded */
	int ret;
};

/* Drive a plan as the shim does, failing every order in @failing (a mask; bit 31: exact). */
PlanRun run_plan(u32 npages, u64 attrs, u32 failing)
{
	PlanRun run = {};
	dma_page_plan plan;
	dma_page_step step;

	dma_page_plan_init(&plan, npages, attrs);
	while ((run.ret = dma_page_plan_next(&plan, &step)) > 0 && run.nr_steps < kMaxSteps) {
		const bool ok = step.exact ? !(failing & (1u << 31)) : !(failing & (1u << step.order));

		run.steps[run.nr_steps] = step;
		run.ok[run.nr_steps++] = ok;
		if (ok)
			run.pages += step.pages;
		dma_page_plan_result(&plan, ok);
	}
	return run;
}

} // namespace

void rules_prot(struct kunit *test) noexcept
{
	const struct {
		u32 dir;
		u64 attrs;
		bool mmio, coherent;
		int prot;
	} cases[] = {
		{ KX_DMA_BIDIRECTIONAL, 0, false, false, R | W },
		{ KX_DMA_TO_DEVICE, 0, false, false, R },
		{ KX_DMA_FROM_DEVICE, 0, false, false, W },
		{ KX_DMA_BIDIRECTIONAL, 0, false, true, R | W | C },
		{ KX_DMA_TO_DEVICE, KX_DMA_ATTR_PRIVILEGED, false, false, R | P },
		{ KX_DMA_FROM_DEVICE, KX_DMA_ATTR_PRIVILEGED, false, true, W | C | P },
		/* map_resource: registers, never cached, even for a coherent device */
		{ KX_DMA_BIDIRECTIONAL, 0, true, false, R | W | M },
		{ KX_DMA_TO_DEVICE, KX_DMA_ATTR_PRIVILEGED, true, true, R | M | P },
		/* attributes that say nothing about access change nothing */
		{ KX_DMA_TO_DEVICE, KX_DMA_ATTR_SKIP_CPU_SYNC | KX_DMA_ATTR_FORCE_CONTIGUOUS,
		  false, false, R },
		/* a mapping nobody may use */
		{ KX_DMA_NONE, 0, false, false, -kcxx::EINVAL },
		{ KX_DMA_NONE, KX_DMA_ATTR_PRIVILEGED, true, true, -kcxx::EINVAL },
		{ 7, 0, false, false, -kcxx::EINVAL },
	};

	for (const auto &c : cases) {
		const dma_access access = { c.dir, c.attrs, c.mmio, ~0ULL, false, 0, false };

		KX_EXPECT_EQ(test, dma_prot(c.coherent, &access), c.prot);
	}
}

void rules_granule(struct kunit *test) noexcept
{
	const struct {
		u64 bitmap, cpu_page;
		int ret;
		u64 granule;
	} cases[] = {
		/* OMAP, Exynos, MSM: 4K, 64K, 1M, 16M */
		{ 0x1000 | 0x10000 | 0x100000 | 0x1000000, K4, 0, K4 },
		{ ~0xfffULL, K4, 0, K4 },
		{ 0x10000 | 0x100000, 0x10000, 0, 0x10000 },
		/* 64K pages cannot map a 4K CPU page alone */
		{ 0x10000 | 0x100000, K4, -kcxx::EINVAL, 0 },
		/* no page size at all */
		{ 0, K4, -kcxx::EINVAL, 0 },
	};

	for (const auto &c : cases) {
		u64 granule = 0;

		KX_EXPECT_EQ(test, dma_granule(c.bitmap, c.cpu_page, &granule), c.ret);
		if (!c.ret)
			KX_EXPECT_EQ(test, granule, c.granule);
	}
}

/* The property first, else dma-ranges, else the aperture minus its first granule. */
void rules_window_sources(struct kunit *test) noexcept
{
	static const u32 one_one[2] = { 0x80000000, 0x10000000 };
	static const u32 two_one[3] = { 0x0, 0x80000000, 0x100000 };
	dma_window_input in;
	dma_window w;

	/* <base size> in 1+1 cells */
	in = omap_input();
	set_property(&in, 1, 1, one_one, 2);
	dma_window_add_range(&in, 0x40000000, 0x100000);	/* the property wins */
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), 0);
	KX_EXPECT_EQ(test, w.verdict, DMA_WINDOW_OK);
	KX_EXPECT_EQ(test, w.base, 0x80000000u);
	KX_EXPECT_EQ(test, w.limit, 0x90000000u);

	/* ... and in 2+1 */
	in = omap_input();
	set_property(&in, 2, 1, two_one, 3);
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), 0);
	KX_EXPECT_EQ(test, w.base, 0x80000000u);
	KX_EXPECT_EQ(test, w.limit, 0x80100000u);

	/* dma-ranges: lowest start to highest end, in any order; empty ones do not count */
	in = omap_input();
	dma_window_add_range(&in, 0x50000000, 0x1000);
	dma_window_add_range(&in, 0x40000000, 0x80000);
	dma_window_add_range(&in, 0x10000000, 0);
	KX_EXPECT_EQ(test, in.nr_ranges, 2u);
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), 0);
	KX_EXPECT_EQ(test, w.base, 0x40000000u);
	KX_EXPECT_EQ(test, w.limit, 0x50001000u);

	/* Neither: the aperture, but no buffer at bus address 0 */
	in = omap_input();
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), 0);
	KX_EXPECT_EQ(test, w.base, K4);
	KX_EXPECT_EQ(test, w.limit, 0x100000000u);
	KX_EXPECT_EQ(test, w.aperture_limit, 0x100000000u);
	in.granule = 0x10000;
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), 0);
	KX_EXPECT_EQ(test, w.base, 0x10000u);
	/* An aperture that does not start at 0 is used whole. */
	in = omap_input();
	in.aperture_start = 0x10000000;
	in.aperture_end = 0x1fffffff;
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), 0);
	KX_EXPECT_EQ(test, w.base, 0x10000000u);
	KX_EXPECT_EQ(test, w.limit, 0x20000000u);
	/* One that reaches the top of the address space ends a granule early. */
	in = omap_input();
	in.aperture_end = ~0ULL;
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), 0);
	KX_EXPECT_EQ(test, w.limit, ~0xfffULL);
}

/* Clipped to the aperture; refused when empty, misaligned or malformed. */
void rules_window_checked(struct kunit *test) noexcept
{
	static const u32 whole[2] = { 0x0, 0xfffff000 };
	static const u32 misaligned[2] = { 0x80000800, 0x100000 };
	static const u32 outside[2] = { 0x90000000, 0x1000 };
	static const u32 wraps[4] = { 0xffffffff, 0xfffff000, 0x0, 0x2000 };
	static const u32 five[4] = { 0, 0, 0, 0 };
	dma_window_input in;
	dma_window w;

	/* Clipped: to the aperture's start and end */
	in = omap_input();
	in.aperture_start = 0x1000;
	in.aperture_end = 0x7fffffff;
	set_property(&in, 1, 1, whole, 2);
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), 0);
	KX_EXPECT_EQ(test, w.base, 0x1000u);
	KX_EXPECT_EQ(test, w.limit, 0x80000000u);
	in = omap_input();
	in.aperture_start = 0x1000;
	in.aperture_end = 0x7fffffff;
	dma_window_add_range(&in, 0x0, 0x100000000ULL);
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), 0);
	KX_EXPECT_EQ(test, w.base, 0x1000u);
	KX_EXPECT_EQ(test, w.limit, 0x80000000u);

	/* Misaligned to the granule */
	in = omap_input();
	set_property(&in, 1, 1, misaligned, 2);
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, w.verdict, DMA_WINDOW_BAD);
	in = omap_input();
	dma_window_add_range(&in, 0x40000000, 0x800);
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), -kcxx::EINVAL);

	/* Wholly outside the aperture: empty once clipped */
	in = omap_input();
	in.aperture_end = 0x7fffffff;
	set_property(&in, 1, 1, outside, 2);
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, w.verdict, DMA_WINDOW_BAD);

	/* Wrapping past the top of the address space */
	in = omap_input();
	in.aperture_end = ~0ULL;
	set_property(&in, 2, 2, wraps, 4);
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), -kcxx::EINVAL);

	/* Not <base size> in the parent's cells */
	in = omap_input();
	set_property(&in, 1, 1, whole, 1);
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, w.verdict, DMA_WINDOW_BAD_PROPERTY);
	in = omap_input();
	set_property(&in, 1, 1, whole, 2);
	in.property_bytes = 9;
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, w.verdict, DMA_WINDOW_BAD_PROPERTY);
	in = omap_input();
	set_property(&in, 3, 2, five, 4);
	in.property_bytes = 20;
	KX_EXPECT_EQ(test, dma_window_choose(&in, &w), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, w.verdict, DMA_WINDOW_BAD_PROPERTY);
}

/* High orders first, capped at 1 MiB, split; order 0 alone may sleep and warn. */
void rules_page_plan_orders(struct kunit *test) noexcept
{
	const struct {
		u32 npages;
		unsigned int nr;
		u32 orders[8];
	} cases[] = {
		{ 300, 4, { 8, 5, 3, 2 } },			/* 256 + 32 + 8 + 4 */
		{ 1000, 7, { 8, 8, 8, 7, 6, 5, 3 } },		/* never above order 8 */
		{ 3, 2, { 1, 0 } },
		{ 1, 1, { 0 } },
	};

	for (const auto &c : cases) {
		PlanRun run = run_plan(c.npages, 0, 0);

		KX_EXPECT_EQ(test, run.ret, 0);
		KX_EXPECT_EQ(test, run.pages, c.npages);
		KX_ASSERT_EQ(test, run.nr_steps, c.nr);
		for (unsigned int i = 0; i < c.nr; i++) {
			const dma_page_step &s = run.steps[i];

			KX_EXPECT_EQ(test, s.order, c.orders[i]);
			KX_EXPECT_EQ(test, s.pages, 1u << c.orders[i]);
			KX_EXPECT_FALSE(test, s.exact);
			KX_EXPECT_EQ(test, s.split, c.orders[i] > 0);
			KX_EXPECT_EQ(test, s.opportunistic, c.orders[i] > 0);
		}
	}
	/* Nothing to get: done at once. */
	KX_EXPECT_EQ(test, run_plan(0, 0, 0).nr_steps, 0u);
	KX_EXPECT_EQ(test, run_plan(0, 0, 0).ret, 0);
}

/* A failed order falls back one step and is not tried again; order 0 failing gives up. */
void rules_page_plan_fallback(struct kunit *test) noexcept
{
	/* Orders 6 and up fail: 8, 7, 6 once each, then 32-page blocks. */
	static const u32 expect[] = { 8, 7, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 3, 2 };
	PlanRun run = run_plan(300, 0, ~0u << 6 & ~(1u << 31));

	KX_EXPECT_EQ(test, run.ret, 0);
	KX_EXPECT_EQ(test, run.pages, 300u);
	KX_ASSERT_EQ(test, run.nr_steps, sizeof(expect) / sizeof(expect[0]));
	for (unsigned int i = 0; i < run.nr_steps; i++) {
		KX_EXPECT_EQ(test, run.steps[i].order, expect[i]);
		KX_EXPECT_EQ(test, run.ok[i], expect[i] < 6);
	}

	/* Everything fails: each order once, down to 0, then -ENOMEM. */
	run = run_plan(2, 0, ~0u);
	KX_EXPECT_EQ(test, run.ret, -kcxx::ENOMEM);
	KX_ASSERT_EQ(test, run.nr_steps, 2u);
	KX_EXPECT_EQ(test, run.steps[0].order, 1u);
	KX_EXPECT_EQ(test, run.steps[1].order, 0u);
	KX_EXPECT_FALSE(test, run.steps[1].opportunistic);

	/* Order 0 failing after a success: -ENOMEM, what was got is the shim's to free. */
	run = run_plan(5, 0, 1u);
	KX_EXPECT_EQ(test, run.ret, -kcxx::ENOMEM);
	KX_EXPECT_EQ(test, run.pages, 4u);
}

/* DMA_ATTR_FORCE_CONTIGUOUS: one exact block; DMA_ATTR_ALLOC_SINGLE_PAGES: order 0 only. */
void rules_page_plan_attrs(struct kunit *test) noexcept
{
	PlanRun run = run_plan(300, KX_DMA_ATTR_FORCE_CONTIGUOUS, 0);

	KX_EXPECT_EQ(test, run.ret, 0);
	KX_ASSERT_EQ(test, run.nr_steps, 1u);
	KX_EXPECT_TRUE(test, run.steps[0].exact);
	KX_EXPECT_EQ(test, run.steps[0].pages, 300u);
	KX_EXPECT_FALSE(test, run.steps[0].split);

	run = run_plan(300, KX_DMA_ATTR_FORCE_CONTIGUOUS, 1u << 31);
	KX_EXPECT_EQ(test, run.ret, -kcxx::ENOMEM);
	KX_EXPECT_EQ(test, run.nr_steps, 1u);

	run = run_plan(5, KX_DMA_ATTR_ALLOC_SINGLE_PAGES, 0);
	KX_EXPECT_EQ(test, run.ret, 0);
	KX_ASSERT_EQ(test, run.nr_steps, 5u);
	for (unsigned int i = 0; i < 5; i++) {
		KX_EXPECT_EQ(test, run.steps[i].order, 0u);
		KX_EXPECT_FALSE(test, run.steps[i].split || run.steps[i].opportunistic);
	}
}

/*
 * The layer outlives a driver still bound when its device is deleted
 * (remove() frees through it), goes when that driver lets go, goes at once
 * when none is bound, and stays across a plain unbind.
 */
void rules_removal_order(struct kunit *test) noexcept
{
	KX_EXPECT_EQ(test, dma_removal_on(DMA_EVENT_DEL_DEVICE, true, false), DMA_REMOVAL_LATER);
	KX_EXPECT_EQ(test, dma_removal_on(DMA_EVENT_DEL_DEVICE, false, false), DMA_REMOVAL_NOW);
	KX_EXPECT_EQ(test, dma_removal_on(DMA_EVENT_UNBOUND_DRIVER, false, true), DMA_REMOVAL_NOW);
	KX_EXPECT_EQ(test, dma_removal_on(DMA_EVENT_UNBOUND_DRIVER, false, false),
		     DMA_REMOVAL_KEEP);
}
