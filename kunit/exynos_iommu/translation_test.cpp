// SPDX-License-Identifier: GPL-2.0
/*
 * The Exynos SYSMMU driver against the model, every variant: what the
 * walker finds, what the TLB and the FLPD cache forget and when, one
 * table for two SYSMMUs, the bad inputs.  The cases play the device behind
 * each SYSMMU with the model's bus-master API and read the model's
 * counters and the framework's stats to see what the hardware saw.
 */
#include <kcxx/errno.h>
#include <kcxx/types.h>

#include "test_util.h"

using namespace eit;

namespace {

/* mainline's __sysmmu_init_config(), as the model keeps it, per variant. */
u32 expected_cfg(eit_id which)
{
	const u32 qos_eap = EXYNOS_MODEL_CFG_QOS_15 | EXYNOS_MODEL_CFG_EAP;

	switch (which) {
	case EIT_V1:
	case EIT_V2:
	case EIT_V31:
		return qos_eap | EXYNOS_MODEL_CFG_LRU;
	case EIT_V32:
		return qos_eap | EXYNOS_MODEL_CFG_LRU | EXYNOS_MODEL_CFG_FLPDCACHE |
		       EXYNOS_MODEL_CFG_SYSSEL;
	default:
		return qos_eap | EXYNOS_MODEL_CFG_FLPDCACHE | EXYNOS_MODEL_CFG_ACGEN;
	}
}

u32 pt_base_offset(eit_id which)
{
	if (!v5_plus(which))
		return EXYNOS_MODEL_V1_PT_BASE;
	return which == EIT_V7VM ? EXYNOS_MODEL_VM_PT_BASE : EXYNOS_MODEL_V5_PT_BASE;
}

/* The L1 table's physical address, from PT_BASE in the version's encoding. */
u64 l1_of(struct exynos_model *m, eit_id which)
{
	const u32 raw = eit_reg_read(m, pt_base_offset(which));

	return v5_plus(which) ? u64{raw} << 12 : raw;
}

/* Read a page through @m after a fault: the SYSMMU must be free again. */
void expect_fault(struct kunit *test, struct exynos_model *m, u32 iova, bool write,
		  struct eit_faults *faults, int count)
{
	exynos_model_result res;

	KX_EXPECT_EQ(test, exynos_model_translate(m, iova, write, &res),
		     static_cast<int>(EXYNOS_MODEL_STALLED));
	KX_EXPECT_EQ(test, res.fault_addr, iova);
	KX_EXPECT_TRUE(test, eit_wait_faults(faults, count));
	KX_EXPECT_EQ(test, faults->iova, static_cast<unsigned long>(iova));
	KX_EXPECT_TRUE(test, eit_wait_unstalled(m));
}

} // namespace

extern "C" {

/*
 * Every SYSMMU of the test DT is an instance, the framework had put the
 * DMA layer on its client; attached, each holds mainline's CFG for its version, PT_BASE of
 * the domain's L1 in its encoding, CTRL enabled (and CTRL_VM on v7 VM).
 */
void eit_all_probed(struct kunit *test) noexcept
{
	/* The MFC client was bound before, by socmmu_exynos_sleep_prep, which checks it. */
	for (eit_id which : kVariants)
		KX_EXPECT_TRUE(test, eit_had_dma_layer(which));
	for (eit_id which : kVariants) {
		const Setup s = setup(test, which);
		u64 phys;

		KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
		KX_ASSERT_EQ(test, eit_map(s.domain, 0x1000'0000, phys, k4K, kRW), 0);
		KX_EXPECT_EQ(test, eit_reg_read(s.mmu, EXYNOS_MODEL_CFG), expected_cfg(which));
		KX_EXPECT_EQ(test, eit_reg_read(s.mmu, EXYNOS_MODEL_CTRL),
			     EXYNOS_MODEL_CTRL_ENABLE);
		if (which == EIT_V7VM)
			KX_EXPECT_EQ(test, eit_reg_read(s.mmu, EXYNOS_MODEL_VM_CTRL),
				     EXYNOS_MODEL_CTRL_VM_ENABLE | EXYNOS_MODEL_CTRL_VM_STALL);
		/* The L1 PT_BASE names is the domain's: it holds the mapping. */
		const u32 *l1 = static_cast<const u32 *>(eit_phys_to_virt(l1_of(s.mmu, which)));
		KX_EXPECT_EQ(test, l1[0x100] & 3u, EXYNOS_MODEL_L1_TABLE);
		KX_EXPECT_EQ(test, phys_of(s.mmu, 0x1000'0010), phys + 0x10);
	}
}

/* 4 KB, 64 KB and 1 MB through the walker of every variant, data included. */
void eit_page_sizes(struct kunit *test) noexcept
{
	constexpr u64 sizes[] = { k4K, k64K, k1M };

	for (eit_id which : kVariants) {
		const Setup s = setup(test, which);

		for (unsigned int i = 0; i < 3; i++) {
			const u64 size = sizes[i];
			const u32 iova = 0x1000'0000 + i * 0x100'0000;
			u64 phys;
			u8 *page = static_cast<u8 *>(eit_page(&phys));
			u8 buf[64];
			exynos_model_result res;

			KX_ASSERT_TRUE(test, page != nullptr);
			fill(page, 4096, static_cast<u8>(which * 3 + i + 1));
			/* The @size-aligned block holding the page; only the page is touched. */
			const u64 block = phys & ~(size - 1);
			const u64 offset = phys - block;

			KX_ASSERT_EQ(test, eit_map(s.domain, iova, block, size, kRW), 0);
			KX_EXPECT_EQ(test, eit_iova_to_phys(s.domain, iova + offset + 8), phys + 8);
			exynos_model_reset_counters(s.mmu);
			KX_EXPECT_EQ(test, exynos_model_read(s.mmu, iova + offset, buf, sizeof(buf),
							     &res),
				     static_cast<int>(EXYNOS_MODEL_OK));
			KX_EXPECT_EQ(test, res.phys, phys);
			KX_EXPECT_TRUE(test, same(buf, page, sizeof(buf)));
			KX_EXPECT_EQ(test, counters(s.mmu).walks_by_size[i], 1u);
			KX_EXPECT_EQ(test, counters(s.mmu).table_walks, 1u);
			KX_EXPECT_EQ(test, counters(s.mmu).bypassed, 0u);

			fill(buf, sizeof(buf), 0x5a);
			KX_EXPECT_EQ(test, exynos_model_write(s.mmu, iova + offset + 128, buf,
							      sizeof(buf), nullptr),
				     static_cast<int>(EXYNOS_MODEL_OK));
			KX_EXPECT_TRUE(test, same(buf, page + 128, sizeof(buf)));
			KX_EXPECT_EQ(test, counters(s.mmu).tlb_hits, 1u);

			KX_EXPECT_EQ(test, eit_unmap(s.domain, iova, size), size);
			KX_EXPECT_EQ(test, eit_iova_to_phys(s.domain, iova + offset), 0u);
		}
	}
}

/*
 * Unmapped and synced: one invalidation command, and the next access
 * walks and faults, with no stale TLB hit, on every variant.  The unmap
 * that empties an L2 also makes the FLPD cache (v3.3+) forget the L1
 * entry that pointed to it (v5+: FLUSH_ALL) before the L2 is freed: no
 * walk reads freed memory.
 */
void eit_unmap_then_fault(struct kunit *test) noexcept
{
	for (eit_id which : kVariants) {
		const Setup s = setup(test, which);
		struct eit_faults *faults = eit_set_fault_handler(s.domain, 0, s.mmu);
		const u32 iova = 0x2000'0000, last = iova + k4K;
		const socmmu_iommu_stats before = eit_stats(s.mmu);
		u64 phys;

		KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
		KX_ASSERT_EQ(test, eit_map(s.domain, iova, phys, k4K, kRW), 0);
		KX_ASSERT_EQ(test, eit_map(s.domain, last, phys, k4K, kRW), 0);
		KX_ASSERT_EQ(test, phys_of(s.mmu, iova), phys);
		KX_ASSERT_EQ(test, phys_of(s.mmu, last), phys);
		exynos_model_reset_counters(s.mmu);
		KX_ASSERT_EQ(test, eit_unmap(s.domain, iova, k4K), k4K);
		KX_EXPECT_EQ(test, counters(s.mmu).entry_flushes, 1u);
		KX_EXPECT_EQ(test, counters(s.mmu).range_flushes, 0u);
		KX_EXPECT_EQ(test, counters(s.mmu).full_flushes, 0u);
		KX_EXPECT_EQ(test, eit_stats(s.mmu).entry_flushes, before.entry_flushes + 1);
		expect_fault(test, s.mmu, iova, false, faults, 1);
		KX_EXPECT_EQ(test, counters(s.mmu).tlb_hits, 0u);
		KX_EXPECT_EQ(test, counters(s.mmu).page_faults, 1u);
		KX_EXPECT_EQ(test, faults->dev, s.client);

		/* The L2's last page: the L2 is unlinked and freed. */
		KX_ASSERT_EQ(test, phys_of(s.mmu, last), phys);
		exynos_model_reset_counters(s.mmu);
		KX_ASSERT_EQ(test, eit_unmap(s.domain, last, k4K), k4K);
		if (v5_plus(which)) {
			KX_EXPECT_EQ(test, counters(s.mmu).full_flushes, 1u);
			KX_EXPECT_EQ(test, counters(s.mmu).entry_flushes, 0u);
		} else {
			KX_EXPECT_EQ(test, counters(s.mmu).entry_flushes, 1u);
			KX_EXPECT_EQ(test, counters(s.mmu).full_flushes, 0u);
		}
		KX_EXPECT_EQ(test, eit_stats(s.mmu).walk_cache_flushes,
			     before.walk_cache_flushes + (has_flpd(which) ? 2u : 0u));
		expect_fault(test, s.mmu, last, false, faults, 2);
		KX_EXPECT_EQ(test, counters(s.mmu).tlb_hits, 0u);
		KX_EXPECT_EQ(test, counters(s.mmu).freed_reads, 0u);
		KX_EXPECT_EQ(test, counters(s.mmu).ptw_faults, 0u);
	}
}

/*
 * v3.3+: an access in an empty 1 MB walks the zero-L2 link and the FLPD
 * cache keeps it.  A map that puts an L2 or a section there must
 * invalidate that entry (once per iommu_map), or the next access takes
 * the stale link and faults.  A map into an existing L2 needs nothing.
 */
void eit_flpd_zero_l2_link(struct kunit *test) noexcept
{
	constexpr eit_id flpd[] = { EIT_V33, EIT_V5, EIT_V7, EIT_V7VM };

	for (eit_id which : flpd) {
		const Setup s = setup(test, which);
		struct eit_faults *faults = eit_set_fault_handler(s.domain, 0, s.mmu);
		const u32 page_iova = 0x3000'5000, section_iova = 0x3100'0000;
		u64 phys;

		KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
		const u64 block = phys & ~(k1M - 1);

		/* The link of both MBs walked, faulted on and cached. */
		expect_fault(test, s.mmu, page_iova, false, faults, 1);
		expect_fault(test, s.mmu, section_iova, false, faults, 2);
		exynos_model_reset_counters(s.mmu);
		const socmmu_iommu_stats before = eit_stats(s.mmu);

		KX_ASSERT_EQ(test, eit_map(s.domain, page_iova, phys, k4K, kRW), 0);
		KX_EXPECT_EQ(test, eit_stats(s.mmu).walk_cache_flushes,
			     before.walk_cache_flushes + 1);
		KX_ASSERT_EQ(test, eit_map(s.domain, section_iova, block, k1M, kRW), 0);
		KX_EXPECT_EQ(test, eit_stats(s.mmu).walk_cache_flushes,
			     before.walk_cache_flushes + 2);
		KX_EXPECT_EQ(test, counters(s.mmu).flpd_flushes, 2u);

		KX_EXPECT_EQ(test, phys_of(s.mmu, page_iova + 0x20), phys + 0x20);
		KX_EXPECT_EQ(test, phys_of(s.mmu, section_iova + (phys - block)), phys);
		KX_EXPECT_EQ(test, counters(s.mmu).stale_flpd_hits, 0u);
		KX_EXPECT_EQ(test, counters(s.mmu).faults, 0u);

		/* Into the L2 now there: no L1 entry changed, nothing to invalidate. */
		KX_ASSERT_EQ(test, eit_map(s.domain, page_iova + k4K, phys, k4K, kRW), 0);
		KX_EXPECT_EQ(test, eit_stats(s.mmu).walk_cache_flushes,
			     before.walk_cache_flushes + 2);
		KX_EXPECT_EQ(test, phys_of(s.mmu, page_iova + k4K), phys);
		KX_EXPECT_EQ(test, faults->count, 2);
	}
}

/* Before v3.3 there is no FLPD cache to invalidate: maps flush nothing. */
void eit_no_flpd_flush_before_v33(struct kunit *test) noexcept
{
	constexpr eit_id older[] = { EIT_V1, EIT_V2, EIT_V31, EIT_V32 };

	for (eit_id which : older) {
		const Setup s = setup(test, which);
		struct eit_faults *faults = eit_set_fault_handler(s.domain, 0, s.mmu);
		const u32 iova = 0x3200'0000;
		u64 phys;

		KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
		expect_fault(test, s.mmu, iova, false, faults, 1);
		exynos_model_reset_counters(s.mmu);
		KX_ASSERT_EQ(test, eit_map(s.domain, iova, phys, k4K, kRW), 0);
		KX_EXPECT_EQ(test, eit_stats(s.mmu).walk_cache_flushes, 0u);
		KX_EXPECT_EQ(test, counters(s.mmu).entry_flushes, 0u);
		KX_EXPECT_EQ(test, counters(s.mmu).full_flushes, 0u);
		KX_EXPECT_EQ(test, phys_of(s.mmu, iova), phys);
	}
}

/*
 * 36-bit PAs on v5+, decided per instance: a v5 table holds PA >> 4 and
 * maps above 4 GiB; a v3.3 table in the same system holds PAs and refuses
 * them; a v7 SYSMMU shares the v5 table, a v3.3 one cannot.
 */
void eit_36bit_pa_per_instance(struct kunit *test) noexcept
{
	const Setup v5 = setup(test, EIT_V5);
	const Setup v33 = setup(test, EIT_V33);
	struct exynos_model *v7 = eit_model(EIT_V7, 0);
	constexpr u64 high_page = 0x9'8765'4000, high_block = 0x8'1230'0000;
	u64 phys;

	KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr && v7 != nullptr);
	KX_ASSERT_EQ(test, eit_map(v5.domain, 0x4000'0000, high_page, k4K, kRW), 0);
	KX_ASSERT_EQ(test, eit_map(v5.domain, 0x4100'0000, high_block, k1M, kRW), 0);
	KX_EXPECT_EQ(test, eit_iova_to_phys(v5.domain, 0x4000'0123), high_page + 0x123);
	KX_EXPECT_EQ(test, phys_of(v5.mmu, 0x4000'0123), high_page + 0x123);
	KX_EXPECT_EQ(test, phys_of(v5.mmu, 0x410f'fff0), high_block + 0xf'fff0);

	KX_EXPECT_EQ(test, eit_map(v33.domain, 0x4000'0000, high_page, k4K, kRW), -kcxx::ERANGE);
	KX_EXPECT_EQ(test, eit_map(v33.domain, 0x4100'0000, high_block, k1M, kRW), -kcxx::ERANGE);
	KX_ASSERT_EQ(test, eit_map(v33.domain, 0x4000'0000, phys, k4K, kRW), 0);
	KX_EXPECT_EQ(test, phys_of(v33.mmu, 0x4000'0008), phys + 8);

	/* The raw entries: PA on v3.3, PA >> 4 on v5. */
	const u32 *l1_v5 = static_cast<const u32 *>(eit_phys_to_virt(l1_of(v5.mmu, EIT_V5)));
	KX_EXPECT_EQ(test, l1_v5[0x410] & ~0x3fu, static_cast<u32>(high_block >> 4));

	/* One table for v5 and v7; none for v5 and v3.3. */
	struct device *v7_client = eit_client(EIT_V7);
	KX_ASSERT_TRUE(test, v7_client != nullptr);
	KX_ASSERT_EQ(test, eit_client_get(v7_client), 0);
	KX_EXPECT_EQ(test, eit_attach(v5.domain, v7_client), 0);
	KX_EXPECT_EQ(test, phys_of(v7, 0x4000'0123), high_page + 0x123);
	/* v3.2 (v1-v3 entries like v3.3), on its default domain still. */
	struct device *v32_client = eit_client(EIT_V32);
	struct exynos_model *v32 = eit_model(EIT_V32, 0);
	KX_ASSERT_TRUE(test, v32_client != nullptr && v32 != nullptr);
	KX_ASSERT_EQ(test, eit_client_get(v32_client), 0);
	KX_EXPECT_EQ(test, eit_attach(v5.domain, v32_client), -kcxx::EINVAL);
	/* The refused attach moved nothing: still bypassing. */
	KX_EXPECT_EQ(test, phys_of(v32, 0x4000'0008), 0x4000'0008u);
}

/*
 * One invalidation per sync over everything unmapped: v5+ one FLUSH_RANGE
 * (START and END the first and last page); v1-v3 FLUSH_ENTRY per page up
 * to 16, one FLUSH_ALL above.  Nothing stale after either.
 */
void eit_sync_batching(struct kunit *test) noexcept
{
	const Setup v5 = setup(test, EIT_V5);
	const Setup v31 = setup(test, EIT_V31);
	const u32 base = 0x5000'0000;
	u64 phys;

	KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
	/* Page 32 keeps the L2: only the TLB has anything to forget. */
	for (u32 i = 0; i < 33; i++) {
		KX_ASSERT_EQ(test, eit_map(v5.domain, base + i * k4K, phys, k4K, kRW), 0);
		KX_ASSERT_EQ(test, eit_map(v31.domain, base + i * k4K, phys, k4K, kRW), 0);
	}
	for (u32 i = 0; i < 32; i += 31) {
		KX_EXPECT_EQ(test, phys_of(v5.mmu, base + i * k4K), phys);
		KX_EXPECT_EQ(test, phys_of(v31.mmu, base + i * k4K), phys);
	}

	/* v5: 32 pages, one range. */
	socmmu_iommu_stats before = eit_stats(v5.mmu);
	exynos_model_reset_counters(v5.mmu);
	KX_ASSERT_EQ(test, eit_unmap(v5.domain, base, 32 * k4K), 32 * k4K);
	KX_EXPECT_EQ(test, counters(v5.mmu).range_flushes, 1u);
	KX_EXPECT_EQ(test, counters(v5.mmu).entry_flushes + counters(v5.mmu).full_flushes, 0u);
	KX_EXPECT_EQ(test, eit_stats(v5.mmu).range_flushes, before.range_flushes + 1);
	KX_EXPECT_EQ(test, eit_reg_read(v5.mmu, EXYNOS_MODEL_V5_FLUSH_START), base);
	KX_EXPECT_EQ(test, eit_reg_read(v5.mmu, EXYNOS_MODEL_V5_FLUSH_END), base + 31 * 0x1000u);
	KX_EXPECT_EQ(test, phys_of(v5.mmu, base), ~u64{0});
	KX_EXPECT_TRUE(test, eit_wait_unstalled(v5.mmu));
	KX_EXPECT_EQ(test, phys_of(v5.mmu, base + 31 * k4K), ~u64{0});
	KX_EXPECT_TRUE(test, eit_wait_unstalled(v5.mmu));
	KX_EXPECT_EQ(test, counters(v5.mmu).tlb_hits, 0u);

	/* v3.1: 4 pages, 4 entries; the other 28, one full flush. */
	before = eit_stats(v31.mmu);
	exynos_model_reset_counters(v31.mmu);
	KX_ASSERT_EQ(test, eit_unmap(v31.domain, base, 4 * k4K), 4 * k4K);
	KX_EXPECT_EQ(test, counters(v31.mmu).entry_flushes, 4u);
	KX_EXPECT_EQ(test, counters(v31.mmu).full_flushes, 0u);
	KX_ASSERT_EQ(test, eit_unmap(v31.domain, base + 4 * k4K, 28 * k4K), 28 * k4K);
	KX_EXPECT_EQ(test, counters(v31.mmu).entry_flushes, 4u);
	KX_EXPECT_EQ(test, counters(v31.mmu).full_flushes, 1u);
	KX_EXPECT_EQ(test, eit_stats(v31.mmu).entry_flushes, before.entry_flushes + 4);
	KX_EXPECT_EQ(test, eit_stats(v31.mmu).full_flushes, before.full_flushes + 1);
	KX_EXPECT_EQ(test, phys_of(v31.mmu, base + 31 * k4K), ~u64{0});
	KX_EXPECT_TRUE(test, eit_wait_unstalled(v31.mmu));
	KX_EXPECT_EQ(test, counters(v31.mmu).tlb_hits, 0u);

	/* The L2's last page: FLUSH_ALL, for the FLPD cache, not a range. */
	exynos_model_reset_counters(v5.mmu);
	KX_ASSERT_EQ(test, eit_unmap(v5.domain, base + 32 * k4K, k4K), k4K);
	KX_EXPECT_EQ(test, counters(v5.mmu).full_flushes, 1u);
	KX_EXPECT_EQ(test, counters(v5.mmu).range_flushes + counters(v5.mmu).entry_flushes, 0u);

	/* iommu_flush_iotlb_all: one full flush each. */
	exynos_model_reset_counters(v5.mmu);
	eit_flush_all(v5.domain);
	KX_EXPECT_EQ(test, counters(v5.mmu).full_flushes, 1u);
}

/*
 * One master behind two SYSMMUs: one table (both PT_BASEs name the same
 * L1), every map seen by both, every unmap invalidated in both.
 */
void eit_mfc_two_sysmmus(struct kunit *test) noexcept
{
	const Setup s = setup(test, EIT_MFC);
	struct exynos_model *mmus[2] = { eit_model(EIT_MFC, 0), eit_model(EIT_MFC, 1) };
	struct eit_faults *faults = eit_set_fault_handler(s.domain, 0, nullptr);
	const u32 iova = 0x6000'0000;
	u64 phys;
	u8 *page = static_cast<u8 *>(eit_page(&phys));
	u8 buf[32];

	KX_ASSERT_TRUE(test, page != nullptr && mmus[1] != nullptr);
	KX_ASSERT_TRUE(test, exynos_model_powered(mmus[1]));
	fill(page, 4096, 3);
	KX_ASSERT_EQ(test, eit_map(s.domain, iova, phys, k4K, kRW), 0);
	/* Keeps the L2: the unmap below is a TLB invalidation only. */
	KX_ASSERT_EQ(test, eit_map(s.domain, iova + k4K, phys, k4K, kRW), 0);
	KX_EXPECT_EQ(test, eit_reg_read(mmus[0], EXYNOS_MODEL_V5_PT_BASE),
		     eit_reg_read(mmus[1], EXYNOS_MODEL_V5_PT_BASE));
	for (struct exynos_model *m : mmus) {
		exynos_model_result res;

		KX_EXPECT_EQ(test, exynos_model_read(m, iova, buf, sizeof(buf), &res),
			     static_cast<int>(EXYNOS_MODEL_OK));
		KX_EXPECT_EQ(test, res.phys, phys);
		KX_EXPECT_TRUE(test, same(buf, page, sizeof(buf)));
		KX_EXPECT_EQ(test, counters(m).bypassed, 0u);
		exynos_model_reset_counters(m);
	}
	const u64 before[2] = { eit_stats(mmus[0]).entry_flushes,
				eit_stats(mmus[1]).entry_flushes };

	KX_ASSERT_EQ(test, eit_unmap(s.domain, iova, k4K), k4K);
	for (unsigned int i = 0; i < 2; i++)
		KX_EXPECT_EQ(test, eit_stats(mmus[i]).entry_flushes, before[i] + 1);
	for (struct exynos_model *m : mmus) {
		KX_EXPECT_EQ(test, counters(m).entry_flushes, 1u);
		KX_EXPECT_NE(test, exynos_model_read(m, iova, buf, sizeof(buf), nullptr),
			     static_cast<int>(EXYNOS_MODEL_OK));
		KX_EXPECT_EQ(test, counters(m).tlb_hits, 0u);
	}
	KX_EXPECT_TRUE(test, eit_wait_faults(faults, 2));
	KX_EXPECT_EQ(test, faults->dev, s.client);
	for (struct exynos_model *m : mmus)
		KX_EXPECT_TRUE(test, eit_wait_unstalled(m));
}

/*
 * The test DT's bad SYSMMU nodes, probed again: each refused with one
 * line of the driver's (or the framework's) saying why, no instance, its
 * clock left off, and every good SYSMMU still an instance.
 */
void eit_bad_nodes(struct kunit *test) noexcept
{
	static constexpr struct {
		const char *path;
		const char *why;
	} bad[] = {
		{ "/sysmmu-bad-noclk@d0000c00", "\"aclk\" and \"pclk\" (0 clocks named)" },
		{ "/sysmmu-bad-clkname@d0000c80", "unknown clock \"core\"" },
		{ "/sysmmu-bad-aclk@d0000d00", "\"aclk\" and \"pclk\" (1 clock named)" },
		{ "/sysmmu-bad-irq@d0000d80", "0 interrupts; the binding has 1 to 1" },
		{ "/sysmmu-bad-version@d0000e00", "VERSION reads 0x00000000" },
	};
	char first[256];

	for (const auto &b : bad) {
		bool bound = true;

		KX_EXPECT_EQ(test, eit_reprobe_bad_node(b.path, first, sizeof(first), &bound), 1);
		KX_EXPECT_FALSE(test, bound);
		KX_EXPECT_FALSE(test, eit_is_instance(b.path));
		EIT_EXPECT_HAS(test, first, b.why);
	}
	KX_EXPECT_EQ(test, eit_node_clock_on("/sysmmu-bad-version@d0000e00"), 0);
	for (unsigned int i = 0; struct exynos_model *m = exynos_model_get(i); i++) {
		const struct device *dev = exynos_model_device(m);

		KX_EXPECT_TRUE(test, dev != nullptr);
		KX_EXPECT_NE(test, eit_stats(m).programs, 0u);
	}
}

/* What the IOMMU API refuses, before and in the driver. */
void eit_bad_calls(struct kunit *test) noexcept
{
	const Setup s = setup(test, EIT_V5, false);
	const Setup old = setup(test, EIT_V31);
	const u32 iova = 0x7000'0000;
	u64 phys;

	KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
	/* A v1-v3 table on a v5 SYSMMU: refused, nothing moved. */
	KX_EXPECT_EQ(test, eit_attach(old.domain, s.client), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, phys_of(s.mmu, iova), static_cast<u64>(iova));
	KX_ASSERT_EQ(test, eit_attach(s.domain, s.client), 0);
	KX_EXPECT_EQ(test, eit_map(s.domain, iova + 0x800, phys, k4K, kRW), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, eit_map(s.domain, iova, phys + 0x800, k4K, kRW), -kcxx::EINVAL);
	KX_ASSERT_EQ(test, eit_map(s.domain, iova, phys, k4K, kRW), 0);
	KX_EXPECT_EQ(test, eit_map(s.domain, iova, phys, k4K, kRW), -kcxx::EEXIST);
	KX_EXPECT_EQ(test, eit_map(s.domain, iova, phys & ~(k1M - 1), k1M, kRW), -kcxx::EEXIST);
	KX_EXPECT_EQ(test, eit_iova_to_phys(s.domain, iova), phys);
	/* No 16 MB pages: the core maps 16 sections. */
	exynos_model_reset_counters(s.mmu);
	KX_ASSERT_EQ(test, eit_map(s.domain, 0x7100'0000, 0x100'0000, 0x100'0000, kRW), 0);
	KX_EXPECT_EQ(test, phys_of(s.mmu, 0x71ff'fff0), 0x1ff'fff0u);
	KX_EXPECT_EQ(test, counters(s.mmu).walks_by_size[EXYNOS_MODEL_1M], 1u);
	KX_EXPECT_EQ(test, eit_unmap(s.domain, 0x7100'0000, 0x100'0000), 0x100'0000u);
	/* Unmapping what is not mapped: 0. */
	KX_EXPECT_EQ(test, eit_unmap(s.domain, iova + k1M, k4K), 0u);
	KX_EXPECT_EQ(test, eit_unmap(s.domain, iova, k4K), k4K);
	KX_EXPECT_EQ(test, eit_unmap(s.domain, iova, k4K), 0u);
}

void eit_attach_detach(struct kunit *test) noexcept
{
	const Setup s = setup(test, EIT_V7VM);
	const u32 iova = 0x6800'0000;
	u64 phys;

	KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
	KX_ASSERT_EQ(test, eit_map(s.domain, iova, phys, k4K, kRW), 0);
	KX_EXPECT_EQ(test, phys_of(s.mmu, iova), phys);

	/* Detach: 6.12 attaches the identity domain, 6.1 calls detach_dev. */
	eit_detach(s.domain, s.client);
	exynos_model_reset_counters(s.mmu);
	KX_EXPECT_EQ(test, phys_of(s.mmu, phys), phys);
	KX_EXPECT_EQ(test, counters(s.mmu).bypassed, 1u);

	/* Back again, with the mapping made before. */
	KX_ASSERT_EQ(test, eit_attach(s.domain, s.client), 0);
	KX_EXPECT_EQ(test, phys_of(s.mmu, iova), phys);
	KX_EXPECT_EQ(test, counters(s.mmu).bypassed, 1u);
}

void eit_blocked_domain(struct kunit *test) noexcept
{
	if (!eit_paging_domains())
		kx_kunit_skip(test, "6.1 has no blocked domain");
	const Setup s = setup(test, EIT_V2, false);

	/* The group is on its identity default domain: bypass. */
	KX_EXPECT_EQ(test, phys_of(s.mmu, 0x123'4000), 0x123'4000u);
	KX_ASSERT_EQ(test, eit_claim_blocked(s.client), 0);
	/* Everything faults; with no domain the fault is only logged. */
	KX_EXPECT_EQ(test, phys_of(s.mmu, 0x123'4000), ~u64{0});
	KX_EXPECT_TRUE(test, eit_wait_unstalled(s.mmu));
	eit_release_blocked(s.client);
	KX_EXPECT_EQ(test, phys_of(s.mmu, 0x123'4000), 0x123'4000u);
}

/*
 * debugfs as a user reads it: regs shows the version and PT_BASE of the
 * domain's table, tlb says there is no readout, pagetable the mappings;
 * while the SYSMMU is suspended, regs says so without a register access.
 */
void eit_debugfs(struct kunit *test) noexcept
{
	const Setup s = setup(test, EIT_V7);
	const u32 iova = 0x5800'0000, section = 0x5900'0000;
	u64 phys, scratch;
	u8 *page = static_cast<u8 *>(eit_page(&phys));
	char *text = static_cast<char *>(eit_page(&scratch));
	char needle[96];
	u32 pt_base = 0;

	KX_ASSERT_TRUE(test, page != nullptr && text != nullptr);
	const u64 block = phys & ~(k1M - 1);

	KX_ASSERT_EQ(test, eit_map(s.domain, iova, phys, k4K, kRW), 0);
	KX_ASSERT_EQ(test, eit_map(s.domain, section, block, k1M, kRW), 0);

	KX_EXPECT_LT(test, 0, eit_debugfs_read(s.mmu, "regs", text, 4096));
	EIT_EXPECT_HAS(test, text, "VERSION 0x70000000 (v7.0, v7 layout)");
	EIT_EXPECT_HAS(test, text, "CTRL 0x00000005");
	KX_EXPECT_TRUE(test, eit_text_field(text, "PT_BASE", &pt_base));
	KX_EXPECT_EQ(test, pt_base, eit_reg_read(s.mmu, EXYNOS_MODEL_V5_PT_BASE));
	KX_EXPECT_NE(test, pt_base, 0u);

	KX_EXPECT_LT(test, 0, eit_debugfs_read(s.mmu, "tlb", text, 4096));
	EIT_EXPECT_HAS(test, text, "cannot be read out");

	KX_EXPECT_LT(test, 0, eit_debugfs_read(s.mmu, "pagetable", text, 4096));
	eit_format(needle, sizeof(needle), "0x%08x-0x%08x -> 0x%08llx\n", iova, iova + 0xfff,
		   static_cast<unsigned long long>(phys));
	EIT_EXPECT_HAS(test, text, needle);
	eit_format(needle, sizeof(needle), "0x%08x-0x%08x -> 0x%08llx\n", section,
		   section + 0xfffff, static_cast<unsigned long long>(block));
	EIT_EXPECT_HAS(test, text, needle);

	KX_EXPECT_LT(test, 0, eit_debugfs_read(s.mmu, "stats", text, 4096));
	eit_format(needle, sizeof(needle), "walk_cache_flushes %llu\n",
		   static_cast<unsigned long long>(eit_stats(s.mmu).walk_cache_flushes));
	EIT_EXPECT_HAS(test, text, needle);
	eit_format(needle, sizeof(needle), "0x%08x-0x%08x -> 0x%08llx\n", section,
		   section + 0xfffff, static_cast<unsigned long long>(block));

	/* Suspended: nothing touches the registers, and the files say why. */
	eit_client_put(s.client);
	KX_ASSERT_TRUE(test, eit_wait_power(s.mmu, false));
	exynos_model_reset_counters(s.mmu);
	KX_EXPECT_LT(test, 0, eit_debugfs_read(s.mmu, "regs", text, 4096));
	EIT_EXPECT_HAS(test, text, "suspended");
	EIT_EXPECT_HASNT(test, text, "PT_BASE");
	KX_EXPECT_LT(test, 0, eit_debugfs_read(s.mmu, "pagetable", text, 4096));
	EIT_EXPECT_HAS(test, text, needle);
	KX_EXPECT_EQ(test, counters(s.mmu).off_accesses + counters(s.mmu).clk_off_accesses, 0u);
	KX_EXPECT_EQ(test, counters(s.mmu).reg_reads + counters(s.mmu).reg_writes, 0u);
}

} // extern "C"
