// SPDX-License-Identifier: GPL-2.0
/*
 * The OMAP IOMMU driver against the model: the cases play the device
 * behind each MMU with the model's bus-master API and read the model's
 * counters to see what the hardware saw.
 */
#include <kcxx/errno.h>
#include <kcxx/types.h>

#include "../iommu_bench/bench_expect.h"
#include "../kcxx_test.h"
#include "../omap_model/omap_model.h"
#include "omap_iommu_test.h"

namespace {

constexpr u64 k4K = 0x1000;
constexpr u64 k64K = 0x10000;
constexpr u64 k1M = 0x100000;
constexpr u64 k16M = 0x1000000;

/* CAM/RAM/LOCK/LD_TLB as a vendor driver would program a locked entry. */
constexpr u32 kLockBaseShift = 10;
constexpr u32 kLockVictShift = 4;

struct Setup {
	struct device *client;
	struct iommu_domain *domain;
	struct omap_model *mmu;
};

struct omap_model_counters counters(struct omap_model *m)
{
	struct omap_model_counters c;

	omap_model_counters(m, &c);
	return c;
}

void fill(u8 *p, size_t len, u8 seed)
{
	for (size_t i = 0; i < len; i++)
		p[i] = static_cast<u8>(seed + i * 7);
}

bool same(const u8 *a, const u8 *b, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (a[i] != b[i])
			return false;
	}
	return true;
}

const char *mmu_name(enum oit_client which)
{
	switch (which) {
	case OIT_ISP:
		return "mmu_isp";
	case OIT_IPU:
		return "mmu_ipu";
	default:
		return "mmu_dsp0";
	}
}

/* A domain attached to @which, powered through the client's runtime PM. */
Setup setup(struct kunit *test, enum oit_client which, bool attach = true)
{
	Setup s;

	s.client = oit_client(which);
	KX_ASSERT_TRUE(test, s.client != nullptr);
	s.mmu = omap_model_find(mmu_name(which));
	KX_ASSERT_TRUE(test, s.mmu != nullptr);
	s.domain = oit_domain_alloc(s.client);
	KX_ASSERT_TRUE(test, s.domain != nullptr);
	if (attach)
		KX_ASSERT_EQ(test, oit_attach(s.domain, s.client), 0);
	KX_ASSERT_EQ(test, oit_client_get(s.client), 0);
	KX_ASSERT_TRUE(test, omap_model_powered(s.mmu));
	return s;
}

/* A locked TLB entry, loaded through the registers: @iova -> @pa, 4 KB. */
void lock_entry(struct omap_model *m, u32 iova, u32 pa)
{
	oit_reg_write(m, OMAP_MODEL_CAM,
		      iova | OMAP_MODEL_CAM_PRESERVED | OMAP_MODEL_CAM_VALID |
			      OMAP_MODEL_CAM_SIZE_4K);
	oit_reg_write(m, OMAP_MODEL_RAM, pa);
	oit_reg_write(m, OMAP_MODEL_LOCK, 0);
	oit_reg_write(m, OMAP_MODEL_LD_TLB, 1);
	oit_reg_write(m, OMAP_MODEL_LOCK, (1u << kLockBaseShift) | (1u << kLockVictShift));
}

u32 lock_base(struct omap_model *m)
{
	return (oit_reg_read(m, OMAP_MODEL_LOCK) >> kLockBaseShift) & OMAP_MODEL_LOCK_FIELD_MASK;
}

/* A debugfs file of @m's driver instance, read into @buf (one page). */
long read_debugfs(struct kunit *test, struct omap_model *m, const char *file, char *buf,
		  u64 *ns = nullptr)
{
	const long n = oit_debugfs_read(m, file, buf, 4096, ns);

	KX_EXPECT_LT(test, 0, n);
	return n;
}

} // namespace

/* The bench's expectations on what a case read (kunit/iommu_bench). */
#define EXPECT_HAS IB_EXPECT_HAS
#define EXPECT_HASNT IB_EXPECT_HASNT

extern "C" {

void oit_page_sizes(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_ISP);
	constexpr u64 sizes[] = { k4K, k64K, k1M, k16M };

	for (unsigned int i = 0; i < 4; i++) {
		const u64 size = sizes[i];
		const u64 iova = 0x10000000 + i * k16M;
		u64 phys;
		u8 *page = static_cast<u8 *>(oit_page(&phys));
		u8 buf[64];
		omap_model_result res;

		KX_ASSERT_TRUE(test, page != nullptr);
		fill(page, 4096, static_cast<u8>(i + 1));
		/* The @size-aligned block holding the page; only the page is touched. */
		const u64 block = phys & ~(size - 1);
		const u64 offset = phys - block;

		KX_ASSERT_EQ(test, oit_map(s.domain, iova, block, size), 0);
		KX_EXPECT_EQ(test, oit_iova_to_phys(s.domain, iova + offset + 8), phys + 8);

		omap_model_reset_counters(s.mmu);
		KX_EXPECT_EQ(test, omap_model_read(s.mmu, iova + offset, buf, sizeof(buf), &res),
			     OMAP_MODEL_OK);
		KX_EXPECT_EQ(test, res.phys, phys);
		KX_EXPECT_TRUE(test, same(buf, page, sizeof(buf)));
		KX_EXPECT_EQ(test, counters(s.mmu).table_walks, 1u);
		KX_EXPECT_EQ(test, counters(s.mmu).bypassed, 0u);

		fill(buf, sizeof(buf), 0x5a);
		KX_EXPECT_EQ(test, omap_model_write(s.mmu, iova + offset + 128, buf, sizeof(buf),
						    nullptr),
			     OMAP_MODEL_OK);
		KX_EXPECT_TRUE(test, same(buf, page + 128, sizeof(buf)));
		/* The second access hits the TLB. */
		KX_EXPECT_EQ(test, counters(s.mmu).tlb_hits, 1u);

		KX_EXPECT_EQ(test, oit_unmap(s.domain, iova, size), size);
		KX_EXPECT_EQ(test, oit_iova_to_phys(s.domain, iova + offset), 0u);
	}
}

void oit_unmap_then_fault(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_ISP);
	struct oit_faults *faults = oit_set_fault_handler(s.domain, 0);
	const u32 iova = 0x20000000;
	omap_model_result res;
	u64 phys;
	u8 buf[16];

	KX_ASSERT_TRUE(test, oit_page(&phys) != nullptr);
	KX_ASSERT_EQ(test, oit_map(s.domain, iova, phys, k4K), 0);
	KX_ASSERT_EQ(test, omap_model_read(s.mmu, iova, buf, sizeof(buf), nullptr),
		     OMAP_MODEL_OK);
	omap_model_reset_counters(s.mmu);
	KX_ASSERT_EQ(test, oit_unmap(s.domain, iova, k4K), k4K);
	/* Invalidated after the PTE went: one FLUSH_ENTRY for one page. */
	KX_EXPECT_EQ(test, counters(s.mmu).flush_entries, 1u);
	KX_EXPECT_EQ(test, counters(s.mmu).gflushes, 0u);

	KX_EXPECT_NE(test, omap_model_read(s.mmu, iova, buf, sizeof(buf), &res), OMAP_MODEL_OK);
	KX_EXPECT_EQ(test, res.fault_addr, iova);
	KX_EXPECT_EQ(test, counters(s.mmu).tlb_hits, 0u);
	KX_EXPECT_EQ(test, counters(s.mmu).faults, 1u);
	KX_EXPECT_TRUE(test, oit_wait_faults(faults, 1));
	KX_EXPECT_TRUE(test, oit_wait_unstalled(s.mmu));
}

void oit_no_freed_table_reads(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_ISP);
	struct oit_faults *faults = oit_set_fault_handler(s.domain, 0);
	u64 phys;
	u8 buf[16];

	KX_ASSERT_TRUE(test, oit_page(&phys) != nullptr);
	omap_model_reset_counters(s.mmu);
	for (int i = 0; i < 16; i++) {
		/* A fresh 1 MB slot each time: a new L2, freed by the unmap. */
		const u32 iova = 0x30000000 + i * k1M + (i % 4) * k4K;

		KX_ASSERT_EQ(test, oit_map(s.domain, iova, phys, k4K), 0);
		KX_EXPECT_EQ(test, omap_model_read(s.mmu, iova, buf, sizeof(buf), nullptr),
			     OMAP_MODEL_OK);
		KX_ASSERT_EQ(test, oit_unmap(s.domain, iova, k4K), k4K);
		KX_EXPECT_NE(test, omap_model_read(s.mmu, iova, buf, sizeof(buf), nullptr),
			     OMAP_MODEL_OK);
		KX_ASSERT_TRUE(test, oit_wait_faults(faults, i + 1));
		KX_ASSERT_TRUE(test, oit_wait_unstalled(s.mmu));
	}
	KX_EXPECT_EQ(test, counters(s.mmu).freed_reads, 0u);
	KX_EXPECT_EQ(test, counters(s.mmu).tlb_hits, 0u);
}

void oit_dsp_instances_in_sync(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_DSP);
	struct omap_model *mmus[2] = { omap_model_find("mmu_dsp0"), omap_model_find("mmu_dsp1") };
	struct oit_faults *faults = oit_set_fault_handler(s.domain, 0);
	const u32 iova = 0x40000000;
	u64 phys;
	u8 *page = static_cast<u8 *>(oit_page(&phys));
	u8 buf[32];

	KX_ASSERT_TRUE(test, page != nullptr && mmus[1] != nullptr);
	fill(page, 4096, 3);
	KX_ASSERT_TRUE(test, omap_model_powered(mmus[1]));
	KX_ASSERT_EQ(test, oit_map(s.domain, iova, phys, k4K), 0);
	for (struct omap_model *m : mmus) {
		omap_model_result res;

		KX_EXPECT_EQ(test, omap_model_read(m, iova, buf, sizeof(buf), &res), OMAP_MODEL_OK);
		KX_EXPECT_EQ(test, res.phys, phys);
		KX_EXPECT_TRUE(test, same(buf, page, sizeof(buf)));
		/* Translated, not bypassed: the syscon bit is set for each. */
		KX_EXPECT_EQ(test, counters(m).bypassed, 0u);
		omap_model_reset_counters(m);
	}
	KX_ASSERT_EQ(test, oit_unmap(s.domain, iova, k4K), k4K);
	for (struct omap_model *m : mmus) {
		KX_EXPECT_EQ(test, counters(m).flush_entries, 1u);
		KX_EXPECT_NE(test, omap_model_read(m, iova, buf, sizeof(buf), nullptr),
			     OMAP_MODEL_OK);
		KX_EXPECT_EQ(test, counters(m).tlb_hits, 0u);
	}
	KX_EXPECT_TRUE(test, oit_wait_faults(faults, 2));
	KX_EXPECT_EQ(test, faults->dev, s.client);
	for (struct omap_model *m : mmus)
		KX_EXPECT_TRUE(test, oit_wait_unstalled(m));
}

void oit_bad_inputs(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_ISP);
	const u32 iova = 0x50000000;
	u64 phys;

	KX_ASSERT_TRUE(test, oit_page(&phys) != nullptr);
	/* Unaligned iova, paddr, size: the core refuses before the driver. */
	KX_EXPECT_EQ(test, oit_map(s.domain, iova + 0x800, phys, k4K), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, oit_map(s.domain, iova, phys + 0x800, k4K), -kcxx::EINVAL);
	KX_EXPECT_EQ(test, oit_map(s.domain, iova, phys, 0x800), -kcxx::EINVAL);
	KX_ASSERT_EQ(test, oit_map(s.domain, iova, phys, k4K), 0);
	/* Overlaps: the same page, and a section over the L2. */
	KX_EXPECT_EQ(test, oit_map(s.domain, iova, phys, k4K), -kcxx::EEXIST);
	KX_EXPECT_EQ(test, oit_map(s.domain, iova, phys & ~(k1M - 1), k1M), -kcxx::EEXIST);
	KX_EXPECT_EQ(test, oit_iova_to_phys(s.domain, iova), phys);
	/* Outside the 4 GiB aperture. */
	if (sizeof(unsigned long) == 8) {
		KX_EXPECT_EQ(test, oit_map(s.domain, 0xfffff000, phys, 2 * k4K), -kcxx::ERANGE);
		KX_EXPECT_EQ(test, oit_map(s.domain, u64{1} << 32, phys, k4K), -kcxx::ERANGE);
	}
	/* Unmapping what is not mapped: 0. */
	KX_EXPECT_EQ(test, oit_unmap(s.domain, iova + k1M, k4K), 0u);
	KX_EXPECT_EQ(test, oit_unmap(s.domain, iova, k4K), k4K);
	KX_EXPECT_EQ(test, oit_unmap(s.domain, iova, k4K), 0u);
}

void oit_attach_detach(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_ISP);
	const u32 iova = 0x60000000;
	omap_model_result res;
	u64 phys;

	KX_ASSERT_TRUE(test, oit_page(&phys) != nullptr);
	KX_ASSERT_EQ(test, oit_map(s.domain, iova, phys, k4K), 0);
	KX_EXPECT_EQ(test, omap_model_translate(s.mmu, iova, &res), OMAP_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys);

	/* Detach: 6.12 attaches the identity domain, 6.1 calls detach_dev. */
	oit_detach(s.domain, s.client);
	omap_model_reset_counters(s.mmu);
	KX_EXPECT_EQ(test, omap_model_translate(s.mmu, phys, &res), OMAP_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys);
	KX_EXPECT_EQ(test, counters(s.mmu).bypassed, 1u);

	/* Back again, with the mapping made before. */
	KX_ASSERT_EQ(test, oit_attach(s.domain, s.client), 0);
	KX_EXPECT_EQ(test, omap_model_translate(s.mmu, iova, &res), OMAP_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys);
	KX_EXPECT_EQ(test, counters(s.mmu).bypassed, 1u);
}

void oit_blocked_domain(struct kunit *test) noexcept
{
	if (!oit_paging_domains())
		kx_kunit_skip(test, "6.1 has no blocked domain");
	const Setup s = setup(test, OIT_ISP, false);
	omap_model_result res;

	/* The group is on its identity default domain: bypass. */
	KX_EXPECT_EQ(test, omap_model_translate(s.mmu, 0x1234000, &res), OMAP_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, 0x1234000u);
	KX_ASSERT_EQ(test, oit_claim_blocked(s.client), 0);
	/* Everything faults; with no domain the fault is only logged. */
	KX_EXPECT_NE(test, omap_model_translate(s.mmu, 0x1234000, &res), OMAP_MODEL_OK);
	KX_EXPECT_TRUE(test, oit_wait_unstalled(s.mmu));
	oit_release_blocked(s.client);
	KX_EXPECT_EQ(test, omap_model_translate(s.mmu, 0x1234000, &res), OMAP_MODEL_OK);
}

/*
 * debugfs as a user reads it: regs shows the TTB of the domain's table and
 * CNTL enabled, tlb the entry a translation loaded, pagetable the mappings;
 * while the MMU is suspended, regs and tlb say so without a register access.
 */
void oit_debugfs(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_ISP);
	const u32 iova = 0x58000000, section = 0x59000000;
	u64 phys, scratch, ns = 0;
	u8 *page = static_cast<u8 *>(oit_page(&phys));
	char *text = static_cast<char *>(oit_page(&scratch));
	char needle[96];
	u8 buf[16];
	u32 ttb = 0, cntl = 0;

	KX_ASSERT_TRUE(test, page != nullptr && text != nullptr);
	const u64 block = phys & ~(k1M - 1);

	KX_ASSERT_EQ(test, oit_map(s.domain, iova, phys, k4K), 0);
	KX_ASSERT_EQ(test, oit_map(s.domain, section, block, k1M), 0);
	KX_ASSERT_EQ(test, omap_model_read(s.mmu, iova, buf, sizeof(buf), nullptr),
		     OMAP_MODEL_OK);

	/* TTB: what the hardware holds, and it is this domain's L1. */
	read_debugfs(test, s.mmu, "regs", text);
	KX_EXPECT_TRUE(test, oit_text_field(text, "TTB", &ttb));
	/* Dereferenced below: a wrong TTB must end the case. */
	KX_ASSERT_EQ(test, ttb, oit_reg_read(s.mmu, OMAP_MODEL_TTB));
	KX_ASSERT_NE(test, ttb, 0u);
	const u32 *l1 = static_cast<const u32 *>(oit_phys_to_virt(ttb));

	KX_EXPECT_EQ(test, l1[section >> 20] & 0xfff00003u, static_cast<u32>(block) | 2u);
	KX_EXPECT_EQ(test, l1[iova >> 20] & 3u, 1u);
	KX_EXPECT_TRUE(test, oit_text_field(text, "CNTL", &cntl));
	KX_EXPECT_EQ(test, cntl & (OMAP_MODEL_CNTL_MMU_EN | OMAP_MODEL_CNTL_TWL_EN),
		     OMAP_MODEL_CNTL_MMU_EN | OMAP_MODEL_CNTL_TWL_EN);

	/* The walker's refill: valid, 4 KB, not locked. */
	read_debugfs(test, s.mmu, "tlb", text);
	oit_format(needle, sizeof(needle), "cam 0x%08x ram 0x%08x\n",
		   iova | OMAP_MODEL_CAM_VALID | OMAP_MODEL_CAM_SIZE_4K, static_cast<u32>(phys));
	EXPECT_HAS(test, text, needle);

	read_debugfs(test, s.mmu, "pagetable", text, &ns);
	oit_format(needle, sizeof(needle), "pagetable read in %llu us",
		   static_cast<unsigned long long>(ns / 1000));
	oit_log(test, "timing", needle);
	oit_format(needle, sizeof(needle), "0x%08x-0x%08x -> 0x%08llx\n", iova,
		   iova + 0xfff, static_cast<unsigned long long>(phys));
	EXPECT_HAS(test, text, needle);
	oit_format(needle, sizeof(needle), "0x%08x-0x%08x -> 0x%08llx\n", section,
		   section + 0xfffff, static_cast<unsigned long long>(block));
	EXPECT_HAS(test, text, needle);

	/* iommu_unmap() syncs: the page is gone from the dump, the section not. */
	KX_ASSERT_EQ(test, oit_unmap(s.domain, iova, k4K), k4K);
	read_debugfs(test, s.mmu, "pagetable", text);
	oit_format(needle, sizeof(needle), "0x%08x-", iova);
	EXPECT_HASNT(test, text, needle);
	oit_format(needle, sizeof(needle), "0x%08x-0x%08x -> ", section, section + 0xfffff);
	EXPECT_HAS(test, text, needle);

	/* Suspended: nothing touches the registers, and the files say why. */
	oit_client_put(s.client);
	KX_ASSERT_TRUE(test, oit_wait_power(s.mmu, false));
	omap_model_reset_counters(s.mmu);
	read_debugfs(test, s.mmu, "regs", text);
	EXPECT_HAS(test, text, "suspended");
	EXPECT_HASNT(test, text, "TTB");
	read_debugfs(test, s.mmu, "tlb", text);
	EXPECT_HAS(test, text, "suspended");
	EXPECT_HASNT(test, text, "cam");
	read_debugfs(test, s.mmu, "pagetable", text);
	EXPECT_HAS(test, text, needle);
	KX_EXPECT_EQ(test, counters(s.mmu).off_accesses, 0u);
	KX_EXPECT_FALSE(test, omap_model_powered(s.mmu));
}

void oit_fault_handler(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_ISP);
	struct oit_faults *faults = oit_set_fault_handler(s.domain, 0);
	omap_model_result res;

	KX_EXPECT_EQ(test, omap_model_translate(s.mmu, 0x70000123, &res), OMAP_MODEL_STALLED);
	KX_ASSERT_TRUE(test, oit_wait_faults(faults, 1));
	KX_EXPECT_EQ(test, faults->iova, 0x70000123u);
	KX_EXPECT_EQ(test, faults->flags, 0);
	KX_EXPECT_EQ(test, faults->dev, s.client);
	/* Handled: the MMU goes on. */
	KX_EXPECT_TRUE(test, oit_wait_unstalled(s.mmu));
	KX_EXPECT_EQ(test, faults->count, 1);
}

void oit_unhandled_fault(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_ISP);
	struct oit_faults *faults = oit_set_fault_handler(s.domain, -kcxx::ENOSYS);

	omap_model_reset_counters(s.mmu);
	KX_EXPECT_EQ(test, omap_model_translate(s.mmu, 0x71000000, nullptr), OMAP_MODEL_STALLED);
	KX_ASSERT_TRUE(test, oit_wait_faults(faults, 1));
	/* Logged (ratelimited), cleared, never fatal. */
	KX_EXPECT_TRUE(test, oit_wait_unstalled(s.mmu));
	KX_EXPECT_EQ(test, counters(s.mmu).irqs, 1u);
}

void oit_bus_err_back(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_IPU);
	struct oit_faults *faults = oit_set_fault_handler(s.domain, 0);
	omap_model_result res;
	u64 phys;
	u8 buf[8];

	KX_ASSERT_TRUE(test, oit_page(&phys) != nullptr);
	KX_EXPECT_EQ(test, omap_model_read(s.mmu, 0x72000040, buf, sizeof(buf), &res),
		     OMAP_MODEL_ERROR);
	KX_EXPECT_EQ(test, res.fault_addr, 0x72000040u);
	KX_EXPECT_NE(test, res.irqstatus, 0u);
	KX_EXPECT_FALSE(test, omap_model_stalled(s.mmu));
	KX_ASSERT_TRUE(test, oit_wait_faults(faults, 1));
	KX_EXPECT_EQ(test, faults->iova, 0x72000040u);
	KX_EXPECT_EQ(test, faults->dev, s.client);
	/* The bus goes on. */
	KX_ASSERT_EQ(test, oit_map(s.domain, 0x72000000, phys, k4K), 0);
	KX_EXPECT_EQ(test, omap_model_read(s.mmu, 0x72000040, buf, sizeof(buf), &res),
		     OMAP_MODEL_OK);
}

void oit_runtime_pm_context(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_ISP);
	const u32 mapped = 0x11000000, locked = 0x12000000;
	omap_model_result res;
	u64 phys_a, phys_b;

	KX_ASSERT_TRUE(test, oit_page(&phys_a) != nullptr && oit_page(&phys_b) != nullptr);
	KX_ASSERT_EQ(test, oit_map(s.domain, mapped, phys_a, k4K), 0);
	/* A locked entry no table holds: only the TLB can translate it. */
	lock_entry(s.mmu, locked, static_cast<u32>(phys_b));
	KX_ASSERT_EQ(test, omap_model_translate(s.mmu, locked, &res), OMAP_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys_b);

	omap_model_reset_counters(s.mmu);
	oit_client_put(s.client);
	KX_ASSERT_TRUE(test, oit_wait_power(s.mmu, false));
	KX_EXPECT_EQ(test, counters(s.mmu).power_offs, 1u);
	KX_EXPECT_EQ(test, counters(s.mmu).off_accesses, 0u);

	KX_ASSERT_EQ(test, oit_client_get(s.client), 0);
	KX_ASSERT_TRUE(test, omap_model_powered(s.mmu));
	KX_EXPECT_EQ(test, lock_base(s.mmu), 1u);
	KX_EXPECT_EQ(test, omap_model_translate(s.mmu, locked, &res), OMAP_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys_b);
	KX_EXPECT_EQ(test, omap_model_translate(s.mmu, mapped, &res), OMAP_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys_a);
	KX_EXPECT_EQ(test, counters(s.mmu).off_accesses, 0u);
}

void oit_map_while_suspended(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_ISP);
	const u32 iova = 0x13000000;
	omap_model_result res;
	u64 phys_a, phys_b;

	KX_ASSERT_TRUE(test, oit_page(&phys_a) != nullptr && oit_page(&phys_b) != nullptr);
	KX_ASSERT_EQ(test, oit_map(s.domain, iova, phys_a, k4K), 0);
	KX_ASSERT_EQ(test, omap_model_translate(s.mmu, iova, &res), OMAP_MODEL_OK);
	oit_client_put(s.client);
	KX_ASSERT_TRUE(test, oit_wait_power(s.mmu, false));

	/* Tables change while the MMU is off; no register is touched. */
	omap_model_reset_counters(s.mmu);
	KX_ASSERT_EQ(test, oit_unmap(s.domain, iova, k4K), k4K);
	KX_ASSERT_EQ(test, oit_map(s.domain, iova, phys_b, k4K), 0);
	KX_EXPECT_EQ(test, counters(s.mmu).off_accesses, 0u);

	KX_ASSERT_EQ(test, oit_client_get(s.client), 0);
	KX_EXPECT_EQ(test, omap_model_translate(s.mmu, iova, &res), OMAP_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys_b);
}

void oit_system_sleep(struct kunit *test) noexcept
{
	const Setup s = setup(test, OIT_DSP);
	struct omap_model *mmu1 = omap_model_find("mmu_dsp1");
	const u32 mapped = 0x14000000, locked = 0x15000000;
	omap_model_result res;
	u64 phys_a, phys_b;

	KX_ASSERT_TRUE(test, oit_page(&phys_a) != nullptr && oit_page(&phys_b) != nullptr);
	KX_ASSERT_EQ(test, oit_map(s.domain, mapped, phys_a, k4K), 0);
	lock_entry(s.mmu, locked, static_cast<u32>(phys_b));

	KX_ASSERT_EQ(test, oit_sleep_suspend(s.client), 0);
	KX_EXPECT_FALSE(test, omap_model_powered(s.mmu));
	KX_EXPECT_FALSE(test, omap_model_powered(mmu1));
	KX_ASSERT_EQ(test, oit_sleep_resume(s.client), 0);
	KX_ASSERT_TRUE(test, omap_model_powered(s.mmu));
	KX_ASSERT_TRUE(test, omap_model_powered(mmu1));

	KX_EXPECT_EQ(test, omap_model_translate(s.mmu, locked, &res), OMAP_MODEL_OK);
	KX_EXPECT_EQ(test, res.phys, phys_b);
	struct omap_model *both[2] = { s.mmu, mmu1 };

	for (struct omap_model *m : both) {
		KX_EXPECT_EQ(test, omap_model_translate(m, mapped, &res), OMAP_MODEL_OK);
		KX_EXPECT_EQ(test, res.phys, phys_a);
		KX_EXPECT_EQ(test, counters(m).off_accesses, 0u);
	}
}

} // extern "C"
