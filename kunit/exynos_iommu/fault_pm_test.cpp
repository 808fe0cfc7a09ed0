// SPDX-License-Identifier: GPL-2.0
/*
 * The Exynos SYSMMU driver's faults and power against the model: the
 * fault decode of each version, the stall and its release, unhandled
 * faults, a SYSMMU that will not block, clocks and power domains, runtime
 * PM and system sleep with the domain attached.
 */
#include <kcxx/errno.h>
#include <kcxx/types.h>

#include "test_util.h"

using namespace eit;

namespace {

/* IOMMU_FAULT_READ/WRITE as report_iommu_fault() passes them. */
constexpr int kFaultRead = SOCMMU_FAULT_READ;
constexpr int kFaultWrite = SOCMMU_FAULT_WRITE;

/*
 * A translation that faults: the handler sees @iova and @flags, and the
 * SYSMMU lets its master go afterwards.
 */
void expect_fault(struct kunit *test, struct exynos_model *m, u32 iova, bool write,
		  struct eit_faults *faults, int count, int flags)
{
	KX_EXPECT_EQ(test, exynos_model_translate(m, iova, write, nullptr),
		     static_cast<int>(EXYNOS_MODEL_STALLED));
	KX_ASSERT_TRUE(test, eit_wait_faults(faults, count));
	KX_EXPECT_EQ(test, faults->iova, static_cast<unsigned long>(iova));
	KX_EXPECT_EQ(test, faults->flags, flags);
	KX_EXPECT_TRUE(test, eit_wait_unstalled(m));
}

/* The clocks of @m's node: the register and bus ones, and "master". */
constexpr const char *kClocks[] = { "sysmmu", "aclk", "pclk", "master" };

} // namespace

extern "C" {

/*
 * Permissions honoured on every variant: a write to a read-only page is a
 * write access fault, and on v5+ a read of a write-only page a read one;
 * v1-v3 have no write-only, so such a page is read-write there.
 */
void eit_permission_faults(struct kunit *test) noexcept
{
	for (eit_id which : kVariants) {
		const Setup s = setup(test, which);
		struct eit_faults *faults = eit_set_fault_handler(s.domain, 0, s.mmu);
		const u32 ro = 0x1000'0000, wo = 0x1000'1000, rw = 0x1010'0000;
		int n = 0;
		u64 phys;

		KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
		KX_ASSERT_EQ(test, eit_map(s.domain, ro, phys, k4K, EIT_READ), 0);
		KX_ASSERT_EQ(test, eit_map(s.domain, wo, phys, k4K, EIT_WRITE), 0);
		/* A section, for the L1 permission bits. */
		KX_ASSERT_EQ(test, eit_map(s.domain, rw, phys & ~(k1M - 1), k1M, EIT_READ), 0);
		exynos_model_reset_counters(s.mmu);

		KX_EXPECT_EQ(test, phys_of(s.mmu, ro), phys);
		expect_fault(test, s.mmu, ro, true, faults, ++n, kFaultWrite);
		KX_EXPECT_EQ(test, phys_of(s.mmu, rw + (phys & (k1M - 1))), phys);
		expect_fault(test, s.mmu, rw, true, faults, ++n, kFaultWrite);
		KX_EXPECT_EQ(test, phys_of(s.mmu, wo, true), phys);
		if (v5_plus(which)) {
			expect_fault(test, s.mmu, wo, false, faults, ++n, kFaultRead);
		} else {
			KX_EXPECT_EQ(test, phys_of(s.mmu, wo), phys);
		}
		KX_EXPECT_EQ(test, counters(s.mmu).perm_faults, static_cast<unsigned int>(n));
		KX_EXPECT_EQ(test, counters(s.mmu).page_faults, 0u);
		KX_EXPECT_EQ(test, faults->dev, s.client);
	}
}

/*
 * Page faults of both directions, decoded per version: v5 from the AR and
 * AW bits and address registers, v7 from FAULT_INFO; v1-v3 record no
 * direction for a page fault (one bit, one address), so both are reads.
 */
void eit_page_fault_flags(struct kunit *test) noexcept
{
	for (eit_id which : kVariants) {
		const Setup s = setup(test, which);
		struct eit_faults *faults = eit_set_fault_handler(s.domain, 0, s.mmu);

		expect_fault(test, s.mmu, 0x2000'0040, false, faults, 1, kFaultRead);
		expect_fault(test, s.mmu, 0x2100'0080, true, faults, 2,
			     v5_plus(which) ? kFaultWrite : kFaultRead);
		KX_EXPECT_EQ(test, eit_reg_read(s.mmu, v5_plus(which) ? EXYNOS_MODEL_V5_INT_STATUS :
							      EXYNOS_MODEL_V1_INT_STATUS),
			     0u);
	}
}

/*
 * The SYSMMU holds its master from the fault until the handler has run:
 * INT_CLEAR, then CTRL written.  Then the master goes on (a mapping made
 * by the handler's owner afterwards translates).
 */
void eit_stall_and_resume(struct kunit *test) noexcept
{
	constexpr eit_id some[] = { EIT_V1, EIT_V33, EIT_V5, EIT_V7VM };

	for (eit_id which : some) {
		const Setup s = setup(test, which);
		struct eit_faults *faults = eit_set_fault_handler(s.domain, 0, s.mmu);
		const socmmu_iommu_stats before = eit_stats(s.mmu);
		const u32 iova = 0x2200'0000;
		u64 phys;

		KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
		expect_fault(test, s.mmu, iova, false, faults, 1, kFaultRead);
		KX_EXPECT_TRUE(test, faults->stalled_in_handler);
		KX_EXPECT_FALSE(test, exynos_model_stalled(s.mmu));
		KX_EXPECT_EQ(test, eit_stats(s.mmu).faults, before.faults + 1);
		KX_EXPECT_EQ(test, eit_stats(s.mmu).resumed, before.resumed + 1);
		KX_EXPECT_EQ(test, eit_stats(s.mmu).unhandled_faults, before.unhandled_faults);
		KX_ASSERT_EQ(test, eit_map(s.domain, iova, phys, k4K, kRW), 0);
		KX_EXPECT_EQ(test, phys_of(s.mmu, iova), phys);
		/* Still translating after the fault: CTRL is back to ENABLE. */
		KX_EXPECT_EQ(test, eit_reg_read(s.mmu, EXYNOS_MODEL_CTRL),
			     EXYNOS_MODEL_CTRL_ENABLE);
	}
}

/*
 * A fault nobody handles -- a handler that refuses, or none -- is logged
 * (rate-limited: a storm gives a few lines, not one per fault), never
 * fatal, and the master is let go.
 */
void eit_unhandled_fault(struct kunit *test) noexcept
{
	const Setup s = setup(test, EIT_V5);
	struct eit_faults *faults = eit_set_fault_handler(s.domain, -kcxx::ENOSYS, s.mmu);
	const socmmu_iommu_stats before = eit_stats(s.mmu);
	char marker[64];
	int i;

	eit_log_mark(marker, sizeof(marker));
	expect_fault(test, s.mmu, 0x2300'0000, false, faults, 1, kFaultRead);
	KX_EXPECT_EQ(test, eit_stats(s.mmu).unhandled_faults, before.unhandled_faults + 1);
	KX_EXPECT_EQ(test, eit_stats(s.mmu).resumed, before.resumed + 1);
	KX_EXPECT_EQ(test, eit_log_count(marker, eit_dev_name(s.mmu), "unhandled page read fault"),
		     1);
	/* The SYSMMU cannot fail a transaction: it resumes its master, and says so. */
	KX_EXPECT_EQ(test, eit_log_count(marker, eit_dev_name(s.mmu), "master resumed"), 1);

	/* A storm: 40 faults, a handful of lines. */
	eit_log_mark(marker, sizeof(marker));
	for (i = 2; i <= 41; i++)
		expect_fault(test, s.mmu, 0x2300'0000 + i * k4K, false, faults, i, kFaultRead);
	const int lines = eit_log_count(marker, eit_dev_name(s.mmu), "unhandled page read fault");

	KX_EXPECT_LE(test, 1, lines);
	KX_EXPECT_LE(test, lines, 10);
	KX_EXPECT_EQ(test, eit_stats(s.mmu).unhandled_faults, before.unhandled_faults + 41);

	/* A domain with no handler at all: report_iommu_fault() says -ENOSYS. */
	const Setup v7 = setup(test, EIT_V7);
	const socmmu_iommu_stats v7_before = eit_stats(v7.mmu);

	KX_EXPECT_EQ(test, exynos_model_translate(v7.mmu, 0x2300'0000, true, nullptr),
		     static_cast<int>(EXYNOS_MODEL_STALLED));
	KX_EXPECT_TRUE(test, eit_wait_unstalled(v7.mmu));
	KX_EXPECT_EQ(test, eit_stats(v7.mmu).unhandled_faults, v7_before.unhandled_faults + 1);
	KX_EXPECT_EQ(test, eit_stats(v7.mmu).resumed, v7_before.resumed + 1);
}

/*
 * A SYSMMU that never reports blocked: the invalidation is not skipped
 * but done in full, the error counted and logged once, and nothing stale
 * survives.
 */
void eit_block_timeout(struct kunit *test) noexcept
{
	constexpr eit_id some[] = { EIT_V31, EIT_V5 };

	for (eit_id which : some) {
		const Setup s = setup(test, which);
		struct eit_faults *faults = eit_set_fault_handler(s.domain, 0, s.mmu);
		const socmmu_iommu_stats before = eit_stats(s.mmu);
		const u32 iova = 0x2400'0000;
		char marker[64];
		u64 phys;

		KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
		KX_ASSERT_EQ(test, eit_map(s.domain, iova, phys, k4K, kRW), 0);
		KX_ASSERT_EQ(test, phys_of(s.mmu, iova), phys);
		exynos_model_hold_block(s.mmu, true);
		exynos_model_reset_counters(s.mmu);
		eit_log_mark(marker, sizeof(marker));
		KX_ASSERT_EQ(test, eit_unmap(s.domain, iova, k4K), k4K);
		KX_EXPECT_EQ(test, eit_stats(s.mmu).flush_errors, before.flush_errors + 1);
		KX_EXPECT_EQ(test, eit_stats(s.mmu).full_flushes, before.full_flushes + 1);
		KX_EXPECT_EQ(test, counters(s.mmu).full_flushes, 1u);
		KX_EXPECT_EQ(test, counters(s.mmu).entry_flushes, 0u);
		KX_EXPECT_EQ(test, eit_log_count(marker, eit_dev_name(s.mmu), "did not block"), 1);
		/* Left translating, not blocked. */
		KX_EXPECT_EQ(test, eit_reg_read(s.mmu, EXYNOS_MODEL_CTRL),
			     EXYNOS_MODEL_CTRL_ENABLE);
		exynos_model_hold_block(s.mmu, false);
		expect_fault(test, s.mmu, iova, false, faults, 1, kFaultRead);
		KX_EXPECT_EQ(test, counters(s.mmu).tlb_hits, 0u);
		KX_EXPECT_EQ(test, counters(s.mmu).freed_reads, 0u);
	}
}

/*
 * Clocks and power follow the client: its runtime PM resumes the SYSMMU
 * (power domain on, every clock of the node on) and lets it suspend (all
 * off).  No register is touched while it is off or its clocks are.
 */
void eit_clocks_and_power(struct kunit *test) noexcept
{
	for (eit_id which : kVariants) {
		const Setup s = setup(test, which);
		u64 phys;

		KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
		for (const char *name : kClocks) {
			if (eit_clock_on(s.mmu, name) >= 0)
				KX_EXPECT_EQ(test, eit_clock_on(s.mmu, name), 1);
		}
		KX_EXPECT_EQ(test, eit_clock_on(s.mmu, "sysmmu") < 0,
			     eit_clock_on(s.mmu, "aclk") >= 0 && eit_clock_on(s.mmu, "pclk") >= 0);
		exynos_model_reset_counters(s.mmu);
		eit_client_put(s.client);
		KX_ASSERT_TRUE(test, eit_wait_power(s.mmu, false));
		for (const char *name : kClocks)
			KX_EXPECT_LE(test, eit_clock_on(s.mmu, name), 0);
		/* Off: maps and unmaps change the tables only. */
		const socmmu_iommu_stats before = eit_stats(s.mmu);
		KX_ASSERT_EQ(test, eit_map(s.domain, 0x2500'0000, phys, k4K, kRW), 0);
		KX_ASSERT_EQ(test, eit_unmap(s.domain, 0x2500'0000, k4K), k4K);
		KX_EXPECT_LT(test, before.skipped_off, eit_stats(s.mmu).skipped_off);
		KX_ASSERT_EQ(test, eit_client_get(s.client), 0);
		KX_EXPECT_TRUE(test, exynos_model_powered(s.mmu));
		KX_EXPECT_EQ(test, counters(s.mmu).power_offs, 1u);
		KX_EXPECT_EQ(test, counters(s.mmu).power_ons, 1u);
		KX_EXPECT_EQ(test, counters(s.mmu).off_accesses, 0u);
		KX_EXPECT_EQ(test, counters(s.mmu).clk_off_accesses, 0u);
		KX_EXPECT_EQ(test, counters(s.mmu).clk_off_transfers, 0u);
	}
}

/*
 * Power lost and back with the domain attached: the context is rebuilt
 * (CFG, PT_BASE, CTRL_VM, CTRL) and the mappings translate, on every
 * variant.
 */
void eit_runtime_pm_context(struct kunit *test) noexcept
{
	for (eit_id which : kVariants) {
		const Setup s = setup(test, which);
		const u32 iova = 0x2600'0000;
		u64 phys;

		KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr);
		KX_ASSERT_EQ(test, eit_map(s.domain, iova, phys, k4K, kRW), 0);
		KX_ASSERT_EQ(test, phys_of(s.mmu, iova), phys);
		const u32 cfg = eit_reg_read(s.mmu, EXYNOS_MODEL_CFG);

		eit_client_put(s.client);
		KX_ASSERT_TRUE(test, eit_wait_power(s.mmu, false));
		KX_ASSERT_EQ(test, eit_client_get(s.client), 0);
		KX_EXPECT_EQ(test, eit_reg_read(s.mmu, EXYNOS_MODEL_CFG), cfg);
		KX_EXPECT_EQ(test, eit_reg_read(s.mmu, EXYNOS_MODEL_CTRL),
			     EXYNOS_MODEL_CTRL_ENABLE);
		KX_EXPECT_EQ(test, phys_of(s.mmu, iova), phys);
		KX_EXPECT_EQ(test, counters(s.mmu).bypassed, 0u);
	}
}

/*
 * Changed while suspended: an unmapped page and a new L2 over the zero-L2
 * link.  No register is touched then; at resume the TLB and FLPD cache
 * start empty, so nothing stale is found.
 */
void eit_map_while_suspended(struct kunit *test) noexcept
{
	constexpr eit_id some[] = { EIT_V33, EIT_V5 };

	for (eit_id which : some) {
		const Setup s = setup(test, which);
		struct eit_faults *faults = eit_set_fault_handler(s.domain, 0, s.mmu);
		const u32 a = 0x2700'0000, b = 0x2810'0000;
		u64 phys_a, phys_b;

		KX_ASSERT_TRUE(test, eit_page(&phys_a) != nullptr && eit_page(&phys_b) != nullptr);
		KX_ASSERT_EQ(test, eit_map(s.domain, a, phys_a, k4K, kRW), 0);
		KX_ASSERT_EQ(test, phys_of(s.mmu, a), phys_a);
		expect_fault(test, s.mmu, b, false, faults, 1, kFaultRead);
		eit_client_put(s.client);
		KX_ASSERT_TRUE(test, eit_wait_power(s.mmu, false));

		exynos_model_reset_counters(s.mmu);
		KX_ASSERT_EQ(test, eit_unmap(s.domain, a, k4K), k4K);
		KX_ASSERT_EQ(test, eit_map(s.domain, b, phys_b, k4K, kRW), 0);
		KX_EXPECT_EQ(test, counters(s.mmu).off_accesses, 0u);
		KX_EXPECT_EQ(test, counters(s.mmu).reg_reads + counters(s.mmu).reg_writes, 0u);

		KX_ASSERT_EQ(test, eit_client_get(s.client), 0);
		KX_EXPECT_EQ(test, phys_of(s.mmu, b), phys_b);
		KX_EXPECT_EQ(test, counters(s.mmu).stale_flpd_hits, 0u);
		expect_fault(test, s.mmu, a, false, faults, 2, kFaultRead);
		KX_EXPECT_EQ(test, counters(s.mmu).tlb_hits, 0u);
	}
}

/*
 * The system-sleep order (SYSMMUs after the client, before it on resume),
 * on the MFC's two: both powered off, both rebuilt, no access while off.
 */
void eit_system_sleep(struct kunit *test) noexcept
{
	const Setup s = setup(test, EIT_MFC);
	struct exynos_model *mmus[2] = { eit_model(EIT_MFC, 0), eit_model(EIT_MFC, 1) };
	const u32 iova = 0x2900'0000;
	u64 phys;

	KX_ASSERT_TRUE(test, eit_page(&phys) != nullptr && mmus[1] != nullptr);
	KX_ASSERT_EQ(test, eit_map(s.domain, iova, phys, k4K, kRW), 0);
	for (struct exynos_model *m : mmus)
		exynos_model_reset_counters(m);

	KX_ASSERT_EQ(test, eit_sleep_suspend(EIT_MFC), 0);
	for (struct exynos_model *m : mmus) {
		KX_EXPECT_FALSE(test, exynos_model_powered(m));
		KX_EXPECT_LE(test, eit_clock_on(m, "sysmmu"), 0);
	}
	KX_ASSERT_EQ(test, eit_sleep_resume(EIT_MFC), 0);
	for (struct exynos_model *m : mmus) {
		KX_ASSERT_TRUE(test, exynos_model_powered(m));
		KX_EXPECT_EQ(test, eit_clock_on(m, "sysmmu"), 1);
		KX_EXPECT_EQ(test, phys_of(m, iova), phys);
		KX_EXPECT_EQ(test, counters(m).power_offs, 1u);
		KX_EXPECT_EQ(test, counters(m).off_accesses, 0u);
		KX_EXPECT_EQ(test, counters(m).clk_off_accesses, 0u);
	}
}

} // extern "C"
