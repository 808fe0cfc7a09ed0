// SPDX-License-Identifier: GPL-2.0
/*
 * The engine with ArmV7sFormat against the kernel's own io-pgtable-arm-v7s
 * (v7s_kernel.c): the same calls on both, the same descriptors required
 * entry for entry, walking both tables from their L1, and the same
 * iova_to_phys().  Where ours deliberately differs, the cases say so and
 * count it:
 *
 *  - an L2 whose last page is unmapped: ours frees it and clears its L1
 *    entry (after the TLB invalidation, page-tables.rst), the kernel keeps
 *    the empty table linked until a section replaces it or the table
 *    goes.  An L1 fault entry of ours therefore matches a kernel table
 *    entry over an all-zero L2;
 *  - a section or supersection mapped over an L2 that still maps pages:
 *    the kernel frees that L2, live pages and all, and maps the section
 *    (returning 0, no warning); ours refuses with -EEXIST and keeps them;
 *  - an unmap that starts at a large page or section but asks for less:
 *    the kernel splits the entry and unmaps the part; ours removes the
 *    whole entry and returns its size (page-tables.rst, "Partial unmap").
 *
 * The random sequences use only calls both accept without a warning: a
 * map into an unmapped range, an unmap of whole mapped pages.
 */
#include <kcxx/bits.h>

#include "../../iommu/pgtable/armv7s_format.h"
#include "test_util.h"

using namespace pgtable;
using namespace pgtable::test;

namespace {

using V7sTable = ShortDescTable<ArmV7sFormat>;
constexpr ArmV7sFormat kV7s{};
constexpr u32 kL2AddrMask = 0xffff'fc00u;
constexpr u32 kL1AddrMask = 0xffff'c000u;
constexpr Prot kAllProts[] = { kProtRead, kProtWrite, kProtCache, kProtNoExec, kProtMmio,
			       kProtPriv };

/* xorshift64*: a run is reproduced from the seed in the log. */
class Rng {
public:
	explicit Rng(u64 seed) : state_(seed | 1) {}

	u64 next()
	{
		state_ ^= state_ >> 12;
		state_ ^= state_ << 25;
		state_ ^= state_ >> 27;
		return state_ * 0x2545'f491'4f6c'dd1dull;
	}

	/* Uniform enough in [0, n), n > 0. */
	u32 below(u32 n) { return static_cast<u32>(next() >> 32) % n; }

private:
	u64 state_;
};

/* The six IOMMU_* bits chosen by the low six bits of @bits. */
Prot prot_of(u32 bits)
{
	Prot prot = 0;

	for (u32 i = 0; i < 6; i++) {
		if (bits & (1u << i))
			prot |= kAllProts[i];
	}
	return prot;
}

const u32 *kernel_l1(const pgt_v7s_regs &regs)
{
	return static_cast<const u32 *>(pgt_test_phys_to_virt(regs.ttbr & kL1AddrMask));
}

const u32 *l2_of(u32 l1e)
{
	return static_cast<const u32 *>(pgt_test_phys_to_virt(l1e & kL2AddrMask));
}

bool all_zero(const u32 *entries, u32 n)
{
	for (u32 i = 0; i < n; i++) {
		if (entries[i])
			return false;
	}
	return true;
}

/* Both tables of one comparison, and what the walk found. */
struct Pair {
	struct kunit *test;
	pgt_v7s *kernel;
	pgt_v7s_regs regs;
	V7sTable *ours;
	/* Kernel table entries over an empty L2 where ours has a fault. */
	u32 kept_empty_l2;
};

/*
 * L1 entry @i of both tables, and the L2 behind it: the same bits but for
 * the L2's address (the tables are different memory).  False, with the
 * first difference reported, when they differ.
 */
bool same_l1(Pair &p, u32 i)
{
	const u32 k = kernel_l1(p.regs)[i], o = l1_table(*p.ours)[i];

	switch (kV7s.l1_kind(o)) {
	case L1Kind::Table: {
		if ((k & ~kL2AddrMask) != (o & ~kL2AddrMask)) {
			kx_kunit_fail(p.test, __FILE__, __LINE__,
				      "L1[%u] (0x%08x): kernel 0x%08x, ours an L2 pointer 0x%08x", i,
				      i << 20, k, o);
			return false;
		}
		const u32 *kl2 = l2_of(k), *ol2 = l2_of(o);

		for (u32 j = 0; j < 256; j++) {
			if (kl2[j] != ol2[j]) {
				kx_kunit_fail(p.test, __FILE__, __LINE__,
					      "L2 entry at 0x%08x: kernel 0x%08x, ours 0x%08x",
					      i << 20 | j << 12, kl2[j], ol2[j]);
				return false;
			}
		}
		return true;
	}
	case L1Kind::Fault:
		if (o == 0 && k == 0)
			return true;
		if (o == 0 && (k & 3) == 1 && all_zero(l2_of(k), 256)) {
			p.kept_empty_l2++;
			return true;
		}
		break;
	default:
		if (k == o)
			return true;
		break;
	}
	kx_kunit_fail(p.test, __FILE__, __LINE__, "L1[%u] (0x%08x): kernel 0x%08x, ours 0x%08x",
		      i, i << 20, k, o);
	return false;
}

bool same_range(Pair &p, u64 start, u64 end)
{
	for (u64 i = start >> 20; i <= (end - 1) >> 20; i++) {
		if (!same_l1(p, static_cast<u32>(i)))
			return false;
	}
	return true;
}

/* Every L1 entry and L2: the whole walk; the kernel's kept L2s counted afresh. */
bool same_tables(Pair &p)
{
	p.kept_empty_l2 = 0;
	return same_range(p, 0, u64{1} << 32);
}

/* A pair of empty tables, the kernel's made as mainline's MSM driver makes it. */
bool make_pair(struct kunit *test, DmaTableMemory &memory, Pair &p)
{
	p = Pair{ test, nullptr, {}, nullptr, 0 };
	if (!pgt_v7s_available())
		kx_kunit_skip(test, "the kernel has no CONFIG_IOMMU_IO_PGTABLE_ARMV7S");
	p.kernel = pgt_v7s_create(pgt_test_device(), &p.regs);
	KX_EXPECT_TRUE(test, p.kernel != nullptr);
	auto ours = V7sTable::create(memory);
	KX_EXPECT_TRUE(test, ours.ok());
	if (!p.kernel || !ours.ok())
		return false;
	p.ours = kcxx::move(ours).value().release();
	return true;
}

void drop_pair(Pair &p)
{
	pgt_v7s_destroy(p.kernel);
	p.kernel = nullptr;
	kcxx::Owner<V7sTable> ours(p.ours);
	p.ours = nullptr;
}

/* map_pages on both: the errno of each, the bytes each mapped. */
struct BothMapped {
	int ours, kernel;
	size_t ours_mapped, kernel_mapped;
};

BothMapped map_both(Pair &p, u64 iova, u64 pa, u64 pgsize, size_t count, Prot prot)
{
	BothMapped r{0, 0, 0, 0};
	MapGather l1_changed;

	r.ours = p.ours->map(iova, pa, pgsize, count, prot, kcxx::AllocContext::Sleepable,
			     &r.ours_mapped, l1_changed).to_errno();
	r.kernel = pgt_v7s_map(p.kernel, iova, pa, pgsize, count, prot, &r.kernel_mapped);
	return r;
}

/* Ours frees its empty L2s at once: nothing walks these tables. */
size_t unmap_ours(Pair &p, u64 iova, u64 pgsize, size_t count)
{
	Gather gather;
	const size_t n = p.ours->unmap(iova, pgsize, count, gather);

	gather.release_tables();
	return n;
}

/* ------------------------------------------------------ random sequences -- */

constexpr u64 kWindow = 64 * kSize1M;
constexpr u32 kPages = static_cast<u32>(kWindow / kSize4K);
constexpr u32 kMaxGroups = 1024;
constexpr u32 kNoGroup = 0xffff;

/* One map call's pages, as long as some of them stay mapped. */
struct Group {
	u32 iova, pa, pgsize, count;
	Prot prot;
};

/* What is mapped in the window: the expectation both tables must meet. */
struct Shadow {
	u64 base;
	u32 ngroups;
	u32 mapped_pages;	/* 4 KB pages mapped in the window */
	Group groups[kMaxGroups];
	u16 page_group[kPages];	/* kNoGroup, or the group mapping the 4 KB page */
};

struct Counts {
	u32 iterations, maps, unmaps, refused, probes;
	u32 by_size[4];
	u64 prots_seen;		/* bit n: the combination n of the six IOMMU_* bits */
};

u32 page_of(const Shadow &s, u64 iova)
{
	return static_cast<u32>((iova - s.base) >> 12);
}

bool range_free(const Shadow &s, u64 iova, u64 len)
{
	for (u32 i = page_of(s, iova); i < page_of(s, iova + len); i++) {
		if (s.page_group[i] != kNoGroup)
			return false;
	}
	return true;
}

void mark(Shadow &s, const Group &g, u32 index)
{
	const u64 len = u64{g.pgsize} * g.count;

	for (u32 i = page_of(s, g.iova); i < page_of(s, g.iova + len); i++)
		s.page_group[i] = static_cast<u16>(index);
}

u32 pages_of(const Group &g)
{
	return static_cast<u32>((u64{g.pgsize} * g.count) >> 12);
}

void add_group(Shadow &s, const Group &g)
{
	s.groups[s.ngroups] = g;
	mark(s, g, s.ngroups);
	s.ngroups++;
	s.mapped_pages += pages_of(g);
}

void remove_group(Shadow &s, u32 index)
{
	const Group gone = s.groups[index];

	mark(s, gone, kNoGroup);
	s.mapped_pages -= pages_of(gone);
	s.ngroups--;
	if (index != s.ngroups) {
		s.groups[index] = s.groups[s.ngroups];
		mark(s, s.groups[index], index);
	}
}

/* What @iova must translate to, from the shadow alone. */
u64 expected_phys(const Shadow &s, u64 iova)
{
	if (iova < s.base || iova >= s.base + kWindow)
		return 0;
	const u16 index = s.page_group[page_of(s, iova)];
	if (index == kNoGroup)
		return 0;
	const Group &g = s.groups[index];

	return g.pa + (iova - g.iova);
}

bool same_phys(Pair &p, const Shadow &s, u64 iova, Counts &c)
{
	const u64 want = expected_phys(s, iova);
	const u64 ours = p.ours->iova_to_phys(iova);
	const u64 kernel = pgt_v7s_iova_to_phys(p.kernel, iova);

	c.probes++;
	if (ours == want && kernel == want)
		return true;
	kx_kunit_fail(p.test, __FILE__, __LINE__,
		      "iova_to_phys(0x%08llx): expected 0x%llx, kernel 0x%llx, ours 0x%llx",
		      static_cast<unsigned long long>(iova), static_cast<unsigned long long>(want),
		      static_cast<unsigned long long>(kernel), static_cast<unsigned long long>(ours));
	return false;
}

/* A map into a free part of the window, with a random size, count and prot. */
bool random_map(Pair &p, Shadow &s, Rng &rng, Counts &c, u64 *touched, u64 *touched_end)
{
	static constexpr u64 kSizes[] = { kSize4K, kSize64K, kSize1M, kSize16M };
	static constexpr u32 kMaxCount[] = { 16, 8, 4, 2 };
	const u32 r = rng.below(100);
	const u32 si = r < 40 ? 0 : r < 65 ? 1 : r < 90 ? 2 : 3;
	const u64 pgsize = kSizes[si];
	const u32 count = 1 + rng.below(kMaxCount[si]);
	const u64 len = pgsize * count;
	const u32 shift = kcxx::ilog2(pgsize);
	u64 iova = 0;
	int tries;

	for (tries = 0; tries < 8; tries++) {
		iova = s.base + (u64{rng.below(static_cast<u32>((kWindow - len) >> shift) + 1)} << shift);
		/*
		 * Pages mostly go next to other pages, into an L2 in use: spread
		 * evenly they would leave no megabyte free for a section.
		 */
		if (pgsize < kSize1M && s.ngroups && rng.below(4)) {
			const Group &near = s.groups[rng.below(s.ngroups)];

			if (near.pgsize < kSize1M)
				iova = kcxx::align_down(u64{near.iova}, kSize1M) +
				       (u64{rng.below(static_cast<u32>((kSize1M - len) >> shift) + 1)}
					<< shift);
		}
		if (range_free(s, iova, len))
			break;
	}
	if (tries == 8)
		return true;

	u32 bits = rng.below(64);
	/* Now and then a prot that grants nothing: both must refuse it. */
	if (!(prot_of(bits) & (kProtRead | kProtWrite)) && rng.below(8))
		bits |= 1;
	const Prot prot = prot_of(bits);
	const u64 pa_slots = (((u64{1} << 32) - len) >> shift) + 1;
	const u64 pa = u64{rng.below(static_cast<u32>(pa_slots))} << shift;
	const BothMapped r2 = map_both(p, iova, pa, pgsize, count, prot);

	*touched = iova;
	*touched_end = iova + len;
	if (!(prot & (kProtRead | kProtWrite))) {
		c.refused++;
		if (r2.ours == -kcxx::EINVAL && r2.kernel == -kcxx::EINVAL && !r2.ours_mapped &&
		    !r2.kernel_mapped)
			return true;
		kx_kunit_fail(p.test, __FILE__, __LINE__,
			      "prot 0x%x with no access: kernel %d (%zu mapped), ours %d (%zu)", prot,
			      r2.kernel, r2.kernel_mapped, r2.ours, r2.ours_mapped);
		return false;
	}
	if (r2.ours || r2.kernel || r2.ours_mapped != len || r2.kernel_mapped != len) {
		kx_kunit_fail(p.test, __FILE__, __LINE__,
			      "map 0x%llx -> 0x%llx, %u x 0x%llx, prot 0x%x: kernel %d (%zu), ours %d (%zu)",
			      static_cast<unsigned long long>(iova), static_cast<unsigned long long>(pa),
			      count, static_cast<unsigned long long>(pgsize), prot, r2.kernel,
			      r2.kernel_mapped, r2.ours, r2.ours_mapped);
		return false;
	}
	c.maps++;
	c.by_size[si]++;
	c.prots_seen |= u64{1} << bits;
	add_group(s, Group{ static_cast<u32>(iova), static_cast<u32>(pa), static_cast<u32>(pgsize),
			    count, prot });
	return true;
}

/* An unmap of a group, whole or a run of its pages. */
bool random_unmap(Pair &p, Shadow &s, Rng &rng, Counts &c, u64 *touched, u64 *touched_end)
{
	const u32 index = rng.below(s.ngroups);
	const Group g = s.groups[index];
	u32 first = 0, end = g.count;

	if (rng.below(2)) {
		first = rng.below(g.count);
		end = first + 1 + rng.below(g.count - first);
	}
	const u64 iova = g.iova + u64{first} * g.pgsize;
	const size_t want = static_cast<size_t>(u64{end - first} * g.pgsize);
	const size_t ours = unmap_ours(p, iova, g.pgsize, end - first);
	const size_t kernel = pgt_v7s_unmap(p.kernel, iova, g.pgsize, end - first);

	*touched = iova;
	*touched_end = iova + want;
	if (ours != want || kernel != want) {
		kx_kunit_fail(p.test, __FILE__, __LINE__,
			      "unmap 0x%llx, %u x 0x%x: expected %zu, kernel %zu, ours %zu",
			      static_cast<unsigned long long>(iova), end - first, g.pgsize, want,
			      kernel, ours);
		return false;
	}
	c.unmaps++;
	remove_group(s, index);
	if (first)
		add_group(s, Group{ g.iova, g.pa, g.pgsize, first, g.prot });
	if (end < g.count)
		add_group(s, Group{ static_cast<u32>(g.iova + u64{end} * g.pgsize),
				    static_cast<u32>(g.pa + u64{end} * g.pgsize), g.pgsize,
				    g.count - end, g.prot });
	return true;
}

/*
 * Every group touching one random 16 MB slot of the window, unmapped
 * whole, and a supersection there, over the L2s the kernel kept.
 */
bool drain_slot(Pair &p, Shadow &s, Rng &rng, Counts &c)
{
	const u64 slot = s.base + (u64{rng.below(static_cast<u32>(kWindow >> 24))} << 24);

	for (u32 i = 0; i < s.ngroups;) {
		const Group g = s.groups[i];
		const u64 end = g.iova + u64{g.pgsize} * g.count;
		const size_t want = static_cast<size_t>(end - g.iova);

		if (end <= slot || g.iova >= slot + kSize16M) {
			i++;
			continue;
		}
		const size_t ours = unmap_ours(p, g.iova, g.pgsize, g.count);
		const size_t kernel = pgt_v7s_unmap(p.kernel, g.iova, g.pgsize, g.count);

		if (ours != want || kernel != want) {
			kx_kunit_fail(p.test, __FILE__, __LINE__,
				      "unmap 0x%x, %u x 0x%x: expected %zu, kernel %zu, ours %zu",
				      g.iova, g.count, g.pgsize, want, kernel, ours);
			return false;
		}
		c.unmaps++;
		remove_group(s, i);
	}
	if (!same_range(p, slot, slot + kSize16M))
		return false;

	const u32 bits = rng.below(64) | 2;
	const u64 pa = u64{rng.below(256)} << 24;
	const BothMapped r = map_both(p, slot, pa, kSize16M, 1, prot_of(bits));

	if (r.ours || r.kernel) {
		kx_kunit_fail(p.test, __FILE__, __LINE__,
			      "supersection at 0x%llx: kernel %d, ours %d",
			      static_cast<unsigned long long>(slot), r.kernel, r.ours);
		return false;
	}
	c.maps++;
	c.by_size[3]++;
	c.prots_seen |= u64{1} << bits;
	add_group(s, Group{ static_cast<u32>(slot), static_cast<u32>(pa),
			    static_cast<u32>(kSize16M), 1, prot_of(bits) });
	return same_range(p, slot, slot + kSize16M);
}

/*
 * The differential run over one window: @calls map and unmap calls made
 * on both tables (a map that finds no free range makes none); false at
 * the first difference.
 */
bool run_window(Pair &p, Shadow &s, u64 base, u64 seed, u32 calls, Counts &c)
{
	const u32 first = c.maps + c.unmaps + c.refused;
	Rng rng(seed);
	u32 op;

	s.base = base;
	s.ngroups = 0;
	s.mapped_pages = 0;
	for (u16 &g : s.page_group)
		g = kNoGroup;
	for (op = 0; c.maps + c.unmaps + c.refused - first < calls && op < 4 * calls; op++) {
		u64 start = base, end = base;
		bool ok;

		/*
		 * Mostly maps while the window is less than a quarter full, mostly
		 * unmaps above: it churns with room left for sections.
		 */
		const u32 map_odds = s.mapped_pages < kPages / 4 ? 70 : 30;

		if (!s.ngroups || (s.ngroups < kMaxGroups - 2 && rng.below(100) < map_odds))
			ok = random_map(p, s, rng, c, &start, &end);
		else
			ok = random_unmap(p, s, rng, c, &start, &end);
		if (ok && end > start)
			ok = same_range(p, start, end) && same_phys(p, s, start, c) &&
			     same_phys(p, s, end - 1, c);
		for (u32 i = 0; ok && i < 4; i++)
			ok = same_phys(p, s, base + (u64{rng.below(kPages)} << 12) + rng.below(4096), c);
		if (ok && op % 2048 == 2047)
			ok = drain_slot(p, s, rng, c);
		if (ok && op % 1024 == 1023) {
			ok = same_range(p, base, base + kWindow);
			pgt_test_yield();
		}
		if (!ok) {
			kx_kunit_info(p.test, "window 0x%llx, seed 0x%llx: differs at op %u",
				      static_cast<unsigned long long>(base),
				      static_cast<unsigned long long>(seed), op);
			return false;
		}
	}
	c.iterations += op;
	if (!same_tables(p))
		return false;
	/* Empty the window on both; the walk must still agree. */
	while (s.ngroups) {
		const Group g = s.groups[s.ngroups - 1];
		const size_t want = static_cast<size_t>(u64{g.count} * g.pgsize);

		if (unmap_ours(p, g.iova, g.pgsize, g.count) != want ||
		    pgt_v7s_unmap(p.kernel, g.iova, g.pgsize, g.count) != want) {
			kx_kunit_fail(p.test, __FILE__, __LINE__, "emptying 0x%x failed", g.iova);
			return false;
		}
		remove_group(s, s.ngroups - 1);
	}
	return same_tables(p);
}

} // namespace

/* Entries made by hand from hardware.md 3.2, through the engine (not the format). */
void pgt_v7s_format_entries(struct kunit *test)
{
	DmaTableMemory memory(pgt_test_device());
	auto table = V7sTable::create(memory);

	KX_ASSERT_OK(test, table);
	V7sTable &t = *table.value();
	u32 *l1 = l1_table(t);
	const auto ctx = kcxx::AllocContext::Sleepable;

	KX_EXPECT_EQ(test, map(t, 0x1000'0000, 0x8000'0000, M1, 1, ctx, kProtRead).error, 0);
	KX_EXPECT_EQ(test, l1[0x100], 0x8003'9c02u);
	KX_EXPECT_EQ(test, map(t, 0x2000'0000, 0x9000'0000, M16, 1, ctx,
			       kProtRead | kProtWrite | kProtNoExec | kProtCache).error, 0);
	for (u32 i = 0x200; i < 0x210; i++)
		KX_EXPECT_EQ(test, l1[i], 0x9007'1c1eu);
	KX_EXPECT_EQ(test, map(t, 0x3000'1000, 0x8765'4000, K4, 1, ctx,
			       kProtWrite | kProtPriv | kProtMmio).error, 0);
	KX_EXPECT_EQ(test, map(t, 0x3001'0000, 0x8766'0000, K64, 1, ctx,
			       kProtRead | kProtNoExec).error, 0);
	KX_ASSERT_EQ(test, l1[0x300] & 0x3ffu, 1u);
	const u32 *l2 = l2_of(l1[0x300]);
	KX_EXPECT_EQ(test, l2[1], 0x8765'4c16u);
	for (u32 i = 0x10; i < 0x20; i++)
		KX_EXPECT_EQ(test, l2[i], 0x8766'9e31u);
	KX_EXPECT_EQ(test, t.iova_to_phys(0x3001'fffc), u64{0x8766'fffc});
	/* No access: refused, nothing written. */
	KX_EXPECT_EQ(test, map(t, 0x4000'0000, 0, K4, 1, ctx, kProtCache).error, -kcxx::EINVAL);
	KX_EXPECT_EQ(test, l1[0x400], 0u);
	KX_EXPECT_EQ(test, map(t, 0x4000'0000, 0, K4, 1, ctx, kProtRead).error, 0);
	table.value().reset();
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

/* TTBR, TTBCR, PRRR and NMRR: what the driver programs equals the kernel's. */
void pgt_v7s_same_registers(struct kunit *test)
{
	DmaTableMemory memory(pgt_test_device());
	Pair p;

	if (!make_pair(test, memory, p))
		return;
	KX_EXPECT_EQ(test, p.regs.prrr, ArmV7sFormat::prrr());
	KX_EXPECT_EQ(test, p.regs.nmrr, ArmV7sFormat::nmrr());
	KX_EXPECT_EQ(test, p.regs.tcr, ArmV7sFormat::ttbcr());
	KX_EXPECT_EQ(test, p.regs.ttbr, ArmV7sFormat::ttbr(p.regs.ttbr & kL1AddrMask));
	KX_EXPECT_EQ(test, ArmV7sFormat::ttbr(p.ours->ttb()) & ~kL1AddrMask,
		     p.regs.ttbr & ~kL1AddrMask);
	KX_EXPECT_EQ(test, u64{p.regs.pgsize_bitmap}, V7sTable::page_sizes());
	drop_pair(p);
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

/* Every combination of the six IOMMU_* bits at every page size, replicas included. */
void pgt_v7s_every_prot_and_size(struct kunit *test)
{
	static constexpr u64 kSizes[] = { kSize4K, kSize64K, kSize1M, kSize16M };
	DmaTableMemory memory(pgt_test_device());
	u32 compared = 0;
	Pair p;

	if (!make_pair(test, memory, p))
		return;
	for (u32 bits = 0; bits < 64; bits++) {
		const Prot prot = prot_of(bits);
		const bool refused = !(prot & (kProtRead | kProtWrite));

		for (u32 si = 0; si < 4; si++) {
			const u64 size = kSizes[si];
			/* A 16 MB slot per combination and size, L2 pages inside it. */
			const u64 iova = (u64{bits} * 4 + si) << 24;
			const u64 pa = 0xf000'0000 - (u64{bits} << 24) + (size < M1 ? size * 3 : 0);
			const BothMapped r = map_both(p, iova, pa, size, 2 - (size == M16), prot);

			KX_EXPECT_EQ(test, r.ours, refused ? -kcxx::EINVAL : 0);
			KX_EXPECT_EQ(test, r.kernel, r.ours);
			KX_EXPECT_EQ(test, r.ours_mapped, r.kernel_mapped);
			if (!same_range(p, iova, iova + M16))
				goto out;
			KX_EXPECT_EQ(test, p.ours->iova_to_phys(iova + size - 4),
				     pgt_v7s_iova_to_phys(p.kernel, iova + size - 4));
			compared++;
		}
	}
	KX_EXPECT_EQ(test, compared, 256u);
	KX_EXPECT_TRUE(test, same_tables(p));
	KX_EXPECT_EQ(test, p.kept_empty_l2, 0u);
out:
	drop_pair(p);
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

/*
 * 2 x 50000 random calls, in a 64 MiB window at the bottom of the IOVA
 * space and one at its top: every size, pgcount, prot, split unmaps of
 * multi-page maps, L2s emptied and refilled, sections over emptied L2s.
 */
void pgt_v7s_random_ops(struct kunit *test)
{
	static constexpr struct {
		u64 base, seed;
	} kWindows[] = {
		{ 0, 0x5eed'0001'7a11'c0deull },
		{ (u64{1} << 32) - kWindow, 0x5eed'0002'b0a7'f00dull },
	};
	constexpr u32 kOps = 50000;
	DmaTableMemory memory(pgt_test_device());
	auto *shadow = static_cast<Shadow *>(kx_kunit_kzalloc(test, sizeof(Shadow)));
	Counts c{};

	KX_ASSERT_TRUE(test, shadow != nullptr);
	for (const auto &w : kWindows) {
		Pair p;

		if (!make_pair(test, memory, p))
			return;
		const bool same = run_window(p, *shadow, w.base, w.seed, kOps, c);
		const unsigned long flushes = pgt_v7s_walk_flushes(p.kernel);

		kx_kunit_info(test,
			      "window 0x%08llx seed 0x%llx: kernel freed %lu L2s (section over them, or the end), kept %u empty",
			      static_cast<unsigned long long>(w.base),
			      static_cast<unsigned long long>(w.seed), flushes, p.kept_empty_l2);
		drop_pair(p);
		if (!same)
			return;
	}
	u32 prots = 0;
	for (u64 seen = c.prots_seen; seen; seen &= seen - 1)
		prots++;
	kx_kunit_info(test,
		      "%u iterations: %u maps (4K %u, 64K %u, 1M %u, 16M %u), %u unmaps, %u no-access maps refused by both, %u prot combinations, %u iova_to_phys probes",
		      c.iterations, c.maps, c.by_size[0], c.by_size[1], c.by_size[2], c.by_size[3], c.unmaps,
		      c.refused, prots, c.probes);
	/* At least 10^5 calls made on both tables. */
	KX_EXPECT_EQ(test, c.maps + c.unmaps + c.refused, 2 * kOps);
	KX_EXPECT_LT(test, 0u, c.by_size[3]);
	KX_EXPECT_LT(test, 0u, c.refused);
	/* Every one of the 48 combinations that grant access, mapped at least once. */
	KX_EXPECT_EQ(test, prots, 48u);
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}

/* The kernel's behaviours ours deliberately does not have, as they are today. */
void pgt_v7s_kernel_differences(struct kunit *test)
{
	DmaTableMemory memory(pgt_test_device());
	const Prot rw = kProtRead | kProtWrite;
	Pair p;

	if (!make_pair(test, memory, p))
		return;

	/* 1. The last page of an L2 goes: the kernel keeps the empty L2 linked. */
	KX_EXPECT_EQ(test, map_both(p, 0x1000'0000, 0x8000'0000, K4, 1, rw).ours, 0);
	KX_EXPECT_EQ(test, unmap_ours(p, 0x1000'0000, K4, 1), size_t{K4});
	KX_EXPECT_EQ(test, pgt_v7s_unmap(p.kernel, 0x1000'0000, K4, 1), size_t{K4});
	KX_EXPECT_EQ(test, l1_table(*p.ours)[0x100], 0u);
	KX_EXPECT_EQ(test, kernel_l1(p.regs)[0x100] & 3u, 1u);
	KX_EXPECT_TRUE(test, same_tables(p));
	KX_EXPECT_EQ(test, p.kept_empty_l2, 1u);

	/* 2. A section over an L2 with a live page: the kernel drops the page. */
	KX_EXPECT_EQ(test, map_both(p, 0x2000'3000, 0x8100'0000, K4, 1, rw).ours, 0);
	const unsigned long freed = pgt_v7s_walk_flushes(p.kernel);
	const BothMapped over = map_both(p, 0x2000'0000, 0x8200'0000, M1, 1, rw);

	KX_EXPECT_EQ(test, over.ours, -kcxx::EEXIST);
	KX_EXPECT_EQ(test, over.kernel, 0);
	KX_EXPECT_EQ(test, pgt_v7s_walk_flushes(p.kernel), freed + 1);
	KX_EXPECT_EQ(test, p.ours->iova_to_phys(0x2000'3010), u64{0x8100'0010});
	KX_EXPECT_EQ(test, pgt_v7s_iova_to_phys(p.kernel, 0x2000'3010), u64{0x8200'3010});
	KX_EXPECT_EQ(test, unmap_ours(p, 0x2000'3000, K4, 1), size_t{K4});
	KX_EXPECT_EQ(test, pgt_v7s_unmap(p.kernel, 0x2000'0000, M1, 1), size_t{M1});

	/* 3. 4 KB unmapped at the start of a 64 KB page: the kernel splits it. */
	KX_EXPECT_EQ(test, map_both(p, 0x3001'0000, 0x8301'0000, K64, 1, rw).ours, 0);
	KX_EXPECT_EQ(test, unmap_ours(p, 0x3001'0000, K4, 1), size_t{K64});
	KX_EXPECT_EQ(test, pgt_v7s_unmap(p.kernel, 0x3001'0000, K4, 1), size_t{K4});
	KX_EXPECT_EQ(test, p.ours->iova_to_phys(0x3001'1000), u64{0});
	KX_EXPECT_EQ(test, pgt_v7s_iova_to_phys(p.kernel, 0x3001'1000), u64{0x8301'1000});
	KX_EXPECT_EQ(test, pgt_v7s_unmap(p.kernel, 0x3001'1000, K4, 15), size_t{15 * K4});

	/* 4. 1 MB unmapped at the start of a 16 MB supersection: the kernel splits it. */
	KX_EXPECT_EQ(test, map_both(p, 0x4000'0000, 0x8400'0000, M16, 1, rw).ours, 0);
	KX_EXPECT_EQ(test, unmap_ours(p, 0x4000'0000, M1, 1), size_t{M16});
	KX_EXPECT_EQ(test, pgt_v7s_unmap(p.kernel, 0x4000'0000, M1, 1), size_t{M1});
	KX_EXPECT_EQ(test, pgt_v7s_iova_to_phys(p.kernel, 0x4010'0000), u64{0x8410'0000});
	KX_EXPECT_EQ(test, pgt_v7s_unmap(p.kernel, 0x4010'0000, M1, 15), size_t{15 * M1});

	/* Back to equal tables (the kept empty L2s aside). */
	KX_EXPECT_TRUE(test, same_tables(p));
	kx_kunit_info(test, "kernel: keeps %u empty L2s; replaced a live L2 by a section; splits large pages and supersections on partial unmaps",
		      p.kept_empty_l2);
	drop_pair(p);
	KX_EXPECT_EQ(test, memory.live_tables(), 0u);
}
